import { ErrorCode, LineSessionState, LinesEvents } from '@openlines/contracts';
import { UseCaseKit, operator } from '../../../test/support/use-case-kit';
import { OperatorLoadRepository } from '../../operator/persistence/operator-load.repository';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { CloseSessionUseCase } from './close-session.use-case';

describe('CloseSessionUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it("closes the assignee's session, frees their capacity seat and writes session.closed", async () => {
    const f = kit.seedLine();
    const op = await kit.addOperator([f.operatorGroup]);
    const colleague = await kit.addOperator([f.operatorGroup]);
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: operator(op) });
    expect((await kit.get(OperatorLoadRepository).find(f.line.__id, op))?._reservations).toHaveLength(1);
    const useCase = kit.get(CloseSessionUseCase);
    await expect(useCase.execute({ sessionId: session.__id, actor: operator(colleague) })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    const closed = await useCase.execute({ sessionId: session.__id, actor: operator(op) });
    expect(closed).toMatchObject({ _state: LineSessionState.Closed, _userId: op });
    expect((await kit.get(OperatorLoadRepository).find(f.line.__id, op))?._reservations).toEqual([]);
    expect((await kit.outboxSubjects(session.__id)).slice(-2)).toEqual([LinesEvents.session.changed, LinesEvents.session.closed]);
    await expect(useCase.execute({ sessionId: session.__id, actor: operator(op) })).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
      details: { state: LineSessionState.Closed },
    });
  });
});
