import { ErrorCode, LineSessionData, LineSessionState, LinesEvents, LinesRpc, OpenLinesError } from '@openlines/contracts';
import { SessionsHarness, operator } from './support/sessions-harness';

const S = LinesRpc.sessions;

describe('20 operators take one queued session at once', () => {
  let h: SessionsHarness;

  beforeAll(async () => {
    h = await SessionsHarness.start();
  });
  afterAll(() => h?.close());

  it.each([1, 2, 3])('round %i: exactly one wins, 19 get CONFLICT, exactly one SessionReassigned', async () => {
    const f = h.seedLine({ _distribution: 'manual' });
    const operators = await Promise.all(Array.from({ length: 20 }, () => h.addOperator([f.operatorGroup])));
    const session = await h.openSession(f);

    const outcomes = await Promise.all(
      operators.map((id) =>
        h.call<LineSessionData>(S.assignToOperator, { sessionId: session.__id, operatorId: id, actor: operator(id) }).then(
          (reply) => ({ id, reply }),
          (error: unknown) => ({ id, error }),
        ),
      ),
    );

    const winners = outcomes.filter((o): o is { id: string; reply: LineSessionData } => 'reply' in o);
    const losers = outcomes.filter((o): o is { id: string; error: unknown } => 'error' in o);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.error).toBeInstanceOf(OpenLinesError);
      expect((loser.error as OpenLinesError).code).toBe(ErrorCode.Conflict);
    }
    const [winner] = winners;
    expect(winner.reply).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: winner.id, _version: 2 });
    expect(await h.call(S.get, { id: session.__id })).toEqual(winner.reply);

    // The stream holds everything the winner's write produced; nothing else was written.
    await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.session.changed).length === 1, 'the winning change');
    const probe = await h.call<LineSessionData>(S.setPriority, { sessionId: session.__id, priority: 'High', actor: operator(winner.id) });
    await h.events.waitFor(
      () => h.events.of(session.__id).some((e) => e.payload.version === probe._version),
      'a later event, proving earlier ones were all read',
    );
    const reassigned = h.events.of(session.__id, LinesEvents.session.reassigned);
    expect(reassigned).toHaveLength(1);
    expect(reassigned[0].payload).toMatchObject({ to: { userId: winner.id }, version: 2 });
    const reasons = await h.call<{ items: unknown[] }>(S.getAssignmentReasons, { sessionId: session.__id });
    expect(reasons.items).toHaveLength(1);
  });
});
