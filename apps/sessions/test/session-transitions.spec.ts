import { ErrorCode, LineSessionData, LineSessionPriority, LineSessionState, LinesRpc } from '@openlines/contracts';
import { uniqueName } from '@openlines/testing';
import { LineFixture, SessionsHarness, system } from './support/sessions-harness';

const S = LinesRpc.sessions;
const { Waiting, AssignedToBot, AssignedToOperator, MarkedAsSpam, Closed } = LineSessionState;
const STATES = [Waiting, AssignedToBot, AssignedToOperator, MarkedAsSpam, Closed] as const;

/** The spec's state machine as seen through RPC: which action each state allows (written out, not imported). */
const ALLOWED: Record<string, readonly LineSessionState[]> = {
  assignToOperator: [Waiting, AssignedToBot, AssignedToOperator],
  assignToBot: [Waiting, AssignedToOperator],
  assignToOperatorGroup: [Waiting, AssignedToBot, AssignedToOperator],
  close: [Waiting, AssignedToBot, AssignedToOperator],
  markAsSpam: [Waiting, AssignedToBot, AssignedToOperator],
  unmarkAsSpam: [MarkedAsSpam],
  setPriority: [Waiting, AssignedToBot, AssignedToOperator],
  sendMessage: [AssignedToBot, AssignedToOperator],
  sendSystemMessage: [Waiting, AssignedToBot, AssignedToOperator],
  update: [Waiting, AssignedToBot, AssignedToOperator, MarkedAsSpam, Closed],
};

const cases = Object.keys(ALLOWED).flatMap((action) =>
  STATES.map((state) => [action, state, ALLOWED[action].includes(state)] as const),
);

describe('session transitions over RPC (every action in every state)', () => {
  let h: SessionsHarness;
  let f: LineFixture;
  let op: string;
  let otherOp: string;

  beforeAll(async () => {
    h = await SessionsHarness.start();
    f = h.seedLine({ _bot: uniqueName('bot'), _operatorCapacity: 1000 });
    op = await h.addOperator([f.operatorGroup]);
    otherOp = await h.addOperator([f.operatorGroup]);
  });
  afterAll(() => h?.close());

  async function sessionIn(state: LineSessionState): Promise<LineSessionData> {
    const session = await h.openSession(f);
    const sessionId = session.__id;
    if (state === AssignedToBot) await h.call(S.assignToBot, { sessionId, actor: system });
    if (state === AssignedToOperator) await h.call(S.assignToOperator, { sessionId, operatorId: op, actor: system });
    if (state === MarkedAsSpam) await h.call(S.markAsSpam, { sessionId, actor: system });
    if (state === Closed) await h.call(S.close, { sessionId, actor: system });
    const current = await h.call<LineSessionData>(S.get, { id: sessionId });
    expect(current._state).toBe(state);
    return current;
  }

  const argumentsOf = (action: string): Record<string, unknown> =>
    ({
      assignToOperator: { operatorId: otherOp },
      assignToOperatorGroup: { groupId: f.operatorGroup },
      setPriority: { priority: LineSessionPriority.High },
      sendMessage: { text: 'hello' },
      sendSystemMessage: { text: 'note' },
      update: { data: { __name: 'renamed' } },
    })[action] ?? {};

  it.each(cases)('%s in %s → allowed: %s', async (action, state, allowed) => {
    const session = await sessionIn(state);
    const request = { sessionId: session.__id, actor: system, ...argumentsOf(action) };
    const subject = S[action as keyof typeof S];
    if (allowed) {
      await expect(h.call(subject, request)).resolves.toBeDefined();
      return;
    }
    const error = await h.failure(subject, request);
    expect(error.code).toBe(ErrorCode.InvalidTransition);
    expect(error.details).toMatchObject({ action, state });
    // A refused command writes nothing.
    expect(await h.call<LineSessionData>(S.get, { id: session.__id })).toEqual(session);
  });
});
