import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NatsConnection, connectNats } from '@openlines/messaging';
import { testLogger } from '@openlines/testing';
import {
  createLinesClient,
  ErrorCode,
  LinesClient,
  LineSessionState,
  OpenLinesError,
} from '@openlines/sdk';
import { readEventStream } from './support/event-stream';
import { postLivechatMessage, visitorAccountOf } from './support/livechat-webhook';
import { replayLoads } from './support/load-replay';
import { deliveredBetween, deliveriesPerConnection } from './support/nats-monitor';
import { inParallel, OperatorDesk } from './support/operator-desk';
import { eventually } from './support/poll';
import { RunningSystem, startSystem } from './support/system';
import { createWidgetLine } from './support/widget-line';

jest.setTimeout(180_000);

const CONTENDERS = 64;
const SESSIONS = 500;
const OPERATORS = 10;
const CAPACITY = 3;

/**
 * Two processes of the sessions service on one embedded store (the same SQLite file) and one
 * NATS, with channels and clients: the RPC queue group spreads requests over both, they share
 * the inbound durable consumer, and each routes what it changed. Compare-and-set and the
 * capacity seats live in the shared store, so neither race can be won twice.
 */
describe('two sessions replicas on one embedded store', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openlines-replicas-'));
  let system: RunningSystem;
  let nc: NatsConnection;
  let lines: LinesClient;
  const asOperator = (id: string) =>
    createLinesClient({
      connection: nc,
      subjectPrefix: system.subjectPrefix,
      actor: { type: 'operator', id },
    });
  const visitorWrites = async (publicKey: string, visitorToken: string) => {
    const message = { visitorToken, text: 'Hello', messageId: 'm1' };
    expect((await postLivechatMessage(system.channelsUrl, publicKey, message)).status).toBe(200);
  };

  beforeAll(async () => {
    system = await startSystem({
      dataDir,
      ownNats: { monitor: true },
      only: ['channels', 'clients', 'sessions'],
      replicas: { sessions: 2 },
      env: { sessions: { SESSIONS_DIRECTORY_CACHE_MS: '2000' } },
    });
    nc = await connectNats({ servers: [system.natsUrl] }, testLogger('replicas'), 'replicas-spec');
    lines = createLinesClient({ connection: nc, subjectPrefix: system.subjectPrefix });
  }, 120_000);
  afterAll(async () => {
    await nc?.drain();
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it(`${CONTENDERS} operators take one session at once through both replicas: one wins, the others get CONFLICT`, async () => {
    const operators = Array.from({ length: CONTENDERS }, (_, i) => `contender-${i}`);
    const { lineId, publicKey } = await createWidgetLine(lines, {
      name: 'Manual',
      distribution: 'manual',
      capacity: CAPACITY,
      operators,
    });
    await visitorWrites(publicKey, 'replicas-contended-visitor');
    const account = visitorAccountOf('replicas-contended-visitor');
    const waiting = await eventually('the session in the queue', () =>
      lines.sessions
        .search()
        .where((f, g) => g.and(f._line.eq(lineId), f._externalChatId.eq(account)))
        .first(),
    );
    expect(waiting.data._state).toBe(LineSessionState.Waiting);
    const items = await Promise.all(operators.map((id) => asOperator(id).sessions.get(waiting.id)));

    const subject = `${system.subjectPrefix}.lines.sessions.assignToOperator`;
    const before = await deliveriesPerConnection(system.nats!.monitorUrl!, subject);
    const outcomes = await Promise.allSettled(
      items.map((item, i) => item.assignToOperator(operators[i])),
    );
    const served = deliveredBetween(
      before,
      await deliveriesPerConnection(system.nats!.monitorUrl!, subject),
    );

    const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [operators[i]] : []));
    const losers = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [o.reason as OpenLinesError] : [],
    );
    expect(winners).toHaveLength(1);
    expect(losers.map((e) => e.code)).toEqual(Array(CONTENDERS - 1).fill(ErrorCode.Conflict));
    const session = await lines.sessions.get(waiting.id);
    expect(session.data).toMatchObject({
      _state: LineSessionState.AssignedToOperator,
      _userId: winners[0],
    });
    expect((await session.getAssignmentHistory()).map((a) => a.to.userId)).toEqual([winners[0]]);
    // Each replica has one subscription to the subject, and both answered some of the requests.
    expect(served).toHaveLength(2);
    expect(served.every((n) => n > 0)).toBe(true);
    expect(served.reduce((a, b) => a + b, 0)).toBe(CONTENDERS);
    // 'version': lost the compare-and-set; 'taken': read the session after the winner wrote.
    const reasons = losers.map((e) => String(e.details?.reason));
    const byReason = Object.fromEntries(
      [...new Set(reasons)].map((r) => [r, reasons.filter((x) => x === r).length]),
    );
    console.log(
      `assignToOperator ×${CONTENDERS}: one winner (${winners[0]}), CONFLICT ${JSON.stringify(byReason)}; ` +
        `the two replicas served ${served.join(' + ')} of the requests`,
    );
  });

  it(`routes ${SESSIONS} sessions to ${OPERATORS} operators of capacity ${CAPACITY}: nobody above it at any moment, no session twice`, async () => {
    const operators = Array.from({ length: OPERATORS }, (_, i) => `router-op-${i}`);
    const { lineId, publicKey } = await createWidgetLine(lines, {
      name: 'Auto',
      distribution: 'auto',
      capacity: CAPACITY,
      operators,
    });
    const clients = new Map(operators.map((id) => [id, asOperator(id)]));
    const desk = new OperatorDesk(lines, lineId, (id) => clients.get(id)!);
    const visitors = Array.from({ length: SESSIONS }, (_, i) => `replicas-visitor-${i}-token`);
    const writing = inParallel(visitors, 16, (token) => visitorWrites(publicKey, token));
    // Operators start closing once all of them are full, so every close frees a seat that a
    // replica fills from the queue at once: the moments where capacity could be exceeded.
    await eventually(
      'every operator at capacity',
      async () => ((await desk.assigned()).length === OPERATORS * CAPACITY ? true : undefined),
      60_000,
      250,
    );
    const working = desk.closeUntil(SESSIONS);
    await writing;
    await working;

    const stored = await lines.sessions
      .search()
      .where((f) => f._line.eq(lineId))
      .size(1000)
      .all();
    expect(stored).toHaveLength(SESSIONS);
    expect(stored.filter((s) => s.data._state !== LineSessionState.Closed)).toEqual([]);
    expect(Math.max(...desk.loadSamples)).toBeLessThanOrEqual(CAPACITY);
    const replay = replayLoads(await readEventStream(nc), lineId, CAPACITY);
    expect(replay.violations).toEqual([]);
    expect(replay.maxLoad).toBe(CAPACITY);
    expect([...replay.assignedTo].filter(([, to]) => to.length !== 1)).toEqual([]);
    expect(replay.assignedTo.size).toBe(SESSIONS);
    console.log(
      `routing through two replicas: ${SESSIONS} sessions, ${replay.events} events replayed, max load ` +
        `${replay.maxLoad} in the stream and ${Math.max(...desk.loadSamples)} in ${desk.loadSamples.length} ` +
        `looks at the store, each session assigned once`,
    );
  });
});
