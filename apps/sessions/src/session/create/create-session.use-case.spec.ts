import { ErrorCode, LineSessionState, LinesEvents } from '@openlines/contracts';
import { UseCaseKit, operator, system } from '../../../test/support/use-case-kit';
import { SessionRepository } from '../persistence/session.repository';
import { CreateSessionUseCase } from './create-session.use-case';

describe('CreateSessionUseCase', () => {
  let kit: UseCaseKit;
  let useCase: CreateSessionUseCase;
  beforeAll(async () => {
    kit = await UseCaseKit.start();
    useCase = kit.get(CreateSessionUseCase);
  });
  afterAll(() => kit.close());

  it('assigns the new session to the creating operator and writes created + reassigned to the outbox', async () => {
    const f = kit.seedLine();
    const op = await kit.addOperator([f.operatorGroup]);
    const session = await useCase.execute({ channelId: f.channel.__id, account: 'ann', actor: operator(op) });
    expect(session).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: op, _version: 1 });
    expect(await kit.outboxSubjects(session.__id)).toEqual([LinesEvents.session.created, LinesEvents.session.reassigned]);
    expect((await kit.stored(session.__id))._assignments).toEqual([expect.objectContaining({ reason: 'created', to: { userId: op } })]);
  });

  it('queues a session the system opens, and refuses a second open one for the client', async () => {
    const f = kit.seedLine();
    const session = await useCase.execute({ channelId: f.channel.__id, account: 'bob', actor: system });
    expect(session._state).toBe(LineSessionState.Waiting);
    await expect(useCase.execute({ channelId: f.channel.__id, account: 'bob', actor: system })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      details: { sessionId: session.__id },
    });
  });

  it('refuses an operator at capacity, and writes nothing', async () => {
    const f = kit.seedLine({ _operatorCapacity: 1 });
    const op = await kit.addOperator([f.operatorGroup]);
    await useCase.execute({ channelId: f.channel.__id, account: 'c1', actor: operator(op) });
    await expect(useCase.execute({ channelId: f.channel.__id, account: 'c2', actor: operator(op) })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      details: { reason: 'capacity' },
    });
    const client = kit.directory.data.clientOf(f.channel.__id, 'c2');
    expect(await kit.get(SessionRepository).findOpen(f.line.__id, client.__id)).toBeNull();
  });
});
