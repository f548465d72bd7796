import { OperatorStatusType } from '@openlines/contracts';
import { UseCaseKit } from '../../../test/support/use-case-kit';
import { UpsertOperatorUseCase } from './upsert-operator.use-case';

describe('UpsertOperatorUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('creates an offline operator named after the id, then replaces name and groups only', async () => {
    const useCase = kit.get(UpsertOperatorUseCase);
    const created = await useCase.execute({ operatorId: 'u1', groups: ['g1', 'g1'] });
    expect(created).toMatchObject({ __id: 'u1', __name: 'u1', _groups: ['g1'], _status: OperatorStatusType.offline });
    const updated = await useCase.execute({ operatorId: 'u1', name: 'Uma', groups: ['g2'] });
    expect(updated).toMatchObject({ __name: 'Uma', _groups: ['g2'], _statusChangedAt: created._statusChangedAt });
  });
});
