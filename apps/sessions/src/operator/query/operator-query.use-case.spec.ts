import { ErrorCode, OperatorStatusType } from '@openlines/contracts';
import { UseCaseKit } from '../../../test/support/use-case-kit';
import { OperatorQueryUseCase } from './operator-query.use-case';

describe('OperatorQueryUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('gets and searches operators', async () => {
    const online = await kit.addOperator(['g-search']);
    await kit.addOperator(['g-search'], OperatorStatusType.offline);
    const query = kit.get(OperatorQueryUseCase);
    expect(await query.get(online)).toMatchObject({ __id: online, _status: OperatorStatusType.online });
    const filter = { and: [{ field: '_groups', op: 'has', value: 'g-search' }, { field: '_status', op: 'eq', value: 'online' }] };
    expect((await query.search({ filter })).items.map((o) => o.__id)).toEqual([online]);
    await expect(query.get('nobody')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
