import { ErrorCode, OperatorStatusType } from '@openlines/contracts';
import { UseCaseKit, operator, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { UpdateSessionUseCase } from './update-session.use-case';

describe('UpdateSessionUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('renames and links apps; an offline operator cannot', async () => {
    const f = kit.seedLine();
    const op = await kit.addOperator([f.operatorGroup]);
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: operator(op) });
    const apps = [{ namespace: 'crm', code: 'deals', id: 'd1' }];
    const updated = await kit.get(UpdateSessionUseCase).execute({ sessionId: session.__id, data: { __name: 'Deal', _apps: apps }, actor: system });
    expect(updated).toMatchObject({ __name: 'Deal', _apps: apps, _version: 2 });
    const offline = await kit.addOperator([f.operatorGroup], OperatorStatusType.offline);
    await expect(
      kit.get(UpdateSessionUseCase).execute({ sessionId: session.__id, data: { __name: 'No' }, actor: operator(offline) }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
  });
});
