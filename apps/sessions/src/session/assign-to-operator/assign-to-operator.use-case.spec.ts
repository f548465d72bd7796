import { ErrorCode, LineSessionState, LinesEvents } from '@openlines/contracts';
import { UseCaseKit, operator, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { AssignToOperatorUseCase } from './assign-to-operator.use-case';

describe('AssignToOperatorUseCase', () => {
  let kit: UseCaseKit;
  let useCase: AssignToOperatorUseCase;
  beforeAll(async () => {
    kit = await UseCaseKit.start();
    useCase = kit.get(AssignToOperatorUseCase);
  });
  afterAll(() => kit.close());

  const queued = async (channelId: string) =>
    kit.get(CreateSessionUseCase).execute({ channelId, account: `acct-${Math.random()}`, actor: system });

  it('lets an operator take a queued session; a colleague who comes later gets CONFLICT', async () => {
    const f = kit.seedLine();
    const [a, b] = [await kit.addOperator([f.operatorGroup]), await kit.addOperator([f.operatorGroup])];
    const session = await queued(f.channel.__id);
    const taken = await useCase.execute({ sessionId: session.__id, operatorId: a, actor: operator(a) });
    expect(taken).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: a, _version: 2 });
    await expect(useCase.execute({ sessionId: session.__id, operatorId: b, actor: operator(b) })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      details: { reason: 'taken', userId: a },
    });
    expect(await kit.outboxSubjects(session.__id)).toEqual([
      LinesEvents.session.created,
      LinesEvents.session.changed,
      LinesEvents.session.reassigned,
    ]);
  });

  it('refuses a target outside the line and an operator at capacity', async () => {
    const f = kit.seedLine({ _operatorCapacity: 1 });
    const a = await kit.addOperator([f.operatorGroup]);
    const outsider = await kit.addOperator(['elsewhere']);
    const first = await queued(f.channel.__id);
    const second = await queued(f.channel.__id);
    await expect(useCase.execute({ sessionId: first.__id, operatorId: outsider, actor: system })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await useCase.execute({ sessionId: first.__id, operatorId: a, actor: system });
    await expect(useCase.execute({ sessionId: second.__id, operatorId: a, actor: system })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      details: { reason: 'capacity' },
    });
    expect((await kit.stored(second.__id))._state).toBe(LineSessionState.Waiting);
  });

  it('assigning the current assignee again changes nothing', async () => {
    const f = kit.seedLine();
    const a = await kit.addOperator([f.operatorGroup]);
    const session = await queued(f.channel.__id);
    const first = await useCase.execute({ sessionId: session.__id, operatorId: a, actor: system });
    expect(await useCase.execute({ sessionId: session.__id, operatorId: a, actor: system })).toEqual(first);
  });
});
