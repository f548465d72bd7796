import { LineSessionState, SYSTEM_ACTOR } from '@openlines/contracts';
import { UseCaseKit } from '../../test/support/use-case-kit';
import { OperatorLoadRepository } from '../operator/persistence/operator-load.repository';
import { CreateSessionUseCase } from '../session/create/create-session.use-case';
import { SessionRepository } from '../session/persistence/session.repository';
import { OperatorAssignment } from './operator-assignment.service';

describe('OperatorAssignment: two attempts to give one session to the same operator', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('the loser of the compare-and-set gives back only its own seat, never the winner’s', async () => {
    const f = kit.seedLine({ _operatorCapacity: 3 });
    const op = await kit.addOperator([f.operatorGroup]);
    const created = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'ann', actor: SYSTEM_ACTOR });
    const session = await kit.get(SessionRepository).findById(created.__id);
    // Two routers (two replicas, or the router and a manual assignment) read the same version.
    const context = () => ({ actor: SYSTEM_ACTOR, now: new Date(), reason: 'routing' as const });
    const outcomes = await Promise.all([1, 2].map(() => kit.get(OperatorAssignment).tryAssign(session!, f.line, op, context())));

    expect(outcomes.map((o) => o.ok).sort()).toEqual([false, true]);
    expect(await kit.get(SessionRepository).findById(created.__id)).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: op });
    // The assigned session holds its seat: the operator has 2 free, not 3.
    expect((await kit.get(OperatorLoadRepository).find(f.line.__id, op))?._reservations.map((r) => r.session)).toEqual([created.__id]);
  });
});
