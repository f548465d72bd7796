import { LineSessionPriority, LinesEvents } from '@openlines/contracts';
import { UseCaseKit, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { SetPriorityUseCase } from './set-priority.use-case';

describe('SetPriorityUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('changes the priority once; the same priority again writes nothing', async () => {
    const f = kit.seedLine();
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: system });
    const useCase = kit.get(SetPriorityUseCase);
    const high = await useCase.execute({ sessionId: session.__id, priority: LineSessionPriority.High, actor: system });
    expect(high).toMatchObject({ _priority: LineSessionPriority.High, _version: 2 });
    expect(await useCase.execute({ sessionId: session.__id, priority: LineSessionPriority.High, actor: system })).toEqual(high);
    const changed = (await kit.stored(session.__id))._outbox.filter((e) => e.subject === LinesEvents.session.changed);
    expect(changed.map((e) => e.payload.changes)).toEqual([[{ field: '_priority', oldValue: 'Medium', newValue: 'High' }]]);
  });
});
