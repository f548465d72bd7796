import { MemoryStore } from '@openlines/persistence';
import { InboundReceiptRepository } from './inbound-receipt.repository';
import { INBOUND_RECEIPTS_COLLECTION_DEFINITION } from './inbound-receipt.schema';

describe('InboundReceiptRepository', () => {
  const receipts = () =>
    new InboundReceiptRepository(
      new MemoryStore('receipts', INBOUND_RECEIPTS_COLLECTION_DEFINITION),
    );

  it('remembers a received message once, also when two requests race', async () => {
    const repository = receipts();
    const at = new Date('2024-05-01T10:00:00.000Z');
    await Promise.all([
      repository.remember('inbound:c:1', 'c', at),
      repository.remember('inbound:c:1', 'c', at),
    ]);
    expect(await repository.seen('inbound:c:1')).toBe(true);
    expect(await repository.seen('inbound:c:2')).toBe(false);
  });

  it('forgets receipts older than the cut-off only', async () => {
    const repository = receipts();
    await repository.remember('old', 'c', new Date('2024-05-01T00:00:00.000Z'));
    await repository.remember('new', 'c', new Date('2024-05-03T00:00:00.000Z'));
    expect(await repository.prune(new Date('2024-05-02T00:00:00.000Z'))).toBe(1);
    expect([await repository.seen('old'), await repository.seen('new')]).toEqual([false, true]);
  });
});
