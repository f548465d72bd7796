import { LineMessageType, LinesEvents } from '@openlines/contracts';
import { UseCaseKit, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../../session/create/create-session.use-case';
import { SendSystemMessageUseCase } from './send-system-message.use-case';

describe('SendSystemMessageUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('stores a system message in order and never asks for delivery', async () => {
    const f = kit.seedLine();
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: system });
    const useCase = kit.get(SendSystemMessageUseCase);
    const first = await useCase.execute({ sessionId: session.__id, text: 'one', actor: system });
    const second = await useCase.execute({ sessionId: session.__id, text: 'two', actor: system });
    expect(first.message).toMatchObject({ type: LineMessageType.system, body: 'one' });
    expect(second.session._version).toBe(3);
    const subjects = await kit.outboxSubjects(session.__id);
    expect(subjects.filter((s) => s === LinesEvents.message.created)).toHaveLength(2);
    expect(subjects).not.toContain(LinesEvents.message.outbound);
  });
});
