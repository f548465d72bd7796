import { LineSessionState, LinesRpc } from '@openlines/contracts';
import { RpcClient } from '@openlines/messaging';
import { search } from '@openlines/query';
import { median } from './bench-stats';
import { seedKeys } from './seed-keys';

const PROBES = 20;
const { Waiting, AssignedToBot, AssignedToOperator } = LineSessionState;

/** p50 of each indexed RPC, in ms, and how the calls were answered (`ok 60`, `NOT_FOUND 40`). */
export interface ProbeTimes {
  get: number;
  open: number;
  page: number;
  /** The slowest of the 60 calls. */
  max: number;
  answers: string;
}

/** The call's duration; its outcome (ok or the error code) counted in `answers`. */
async function timed(answers: Map<string, number>, call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  // The empty store answers NOT_FOUND: timed all the same.
  const outcome = await call().then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? 'error',
  );
  answers.set(outcome, (answers.get(outcome) ?? 0) + 1);
  return performance.now() - started;
}

/** The same 20 × 3 indexed RPCs against whichever store the service has. */
export async function probe(rpc: RpcClient, sessions: number): Promise<ProbeTimes> {
  const times = { get: [] as number[], open: [] as number[], page: [] as number[] };
  const answers = new Map<string, number>();
  for (let k = 0; k < PROBES; k += 1) {
    const { sessionId } = seedKeys(Math.floor(((k + 0.5) * sessions) / PROBES), sessions);
    const newest = seedKeys(sessions - 1 - k * 7, sessions);
    const openSession = search({ search: async () => [], count: async () => 0 })
      .where((f, g) =>
        g.and(
          f._clients.all([{ id: newest.clientId }]),
          f._line.eq(newest.lineId),
          f._state.in([Waiting, AssignedToBot, AssignedToOperator]),
        ),
      )
      .size(1)
      .toRequest();
    times.get.push(
      await timed(answers, () => rpc.request(LinesRpc.sessions.get, { id: sessionId })),
    );
    times.open.push(await timed(answers, () => rpc.request(LinesRpc.sessions.search, openSession)));
    times.page.push(
      await timed(answers, () =>
        rpc.request(LinesRpc.sessions.getAllMessages, { sessionId, from: 0, size: 50 }),
      ),
    );
  }
  return {
    get: median(times.get),
    open: median(times.open),
    page: median(times.page),
    max: Math.max(...times.get, ...times.open, ...times.page),
    answers: [...answers].map(([outcome, count]) => `${outcome} ${count}`).join(', '),
  };
}
