import { MemoryStore } from '@openlines/persistence';
import { InboundReceiptRepository } from './inbound-receipt.repository';
import { INBOUND_RECEIPTS_COLLECTION_DEFINITION } from './inbound-receipt.schema';

describe('InboundReceiptRepository', () => {
  const receipts = () =>
    new InboundReceiptRepository(
      new MemoryStore('receipts', INBOUND_RECEIPTS_COLLECTION_DEFINITION),
    );

  const key = (chatId: string, externalMessageId: string) => ({
    channelId: 'c',
    chatId,
    externalMessageId,
  });

  it('remembers a received message once, also when two requests race', async () => {
    const repository = receipts();
    const at = new Date('2024-05-01T10:00:00.000Z');
    await Promise.all([
      repository.remember('inbound:c:v1:1', key('v1', '1'), at),
      repository.remember('inbound:c:v1:1', key('v1', '1'), at),
    ]);
    expect(await repository.seen(key('v1', '1'))).toBe(true);
    expect(await repository.seen(key('v1', '2'))).toBe(false);
  });

  it('tells the same message id in two chats apart', async () => {
    const repository = receipts();
    const at = new Date('2024-05-01T10:00:00.000Z');
    await repository.remember('inbound:c:v1:1', key('v1', '1'), at);
    expect(await repository.seen(key('v2', '1'))).toBe(false);
    await repository.remember('inbound:c:v2:1', key('v2', '1'), at);
    expect([await repository.seen(key('v1', '1')), await repository.seen(key('v2', '1'))]).toEqual([
      true,
      true,
    ]);
  });

  it('forgets receipts older than the cut-off only', async () => {
    const repository = receipts();
    await repository.remember('old', key('v', 'old'), new Date('2024-05-01T00:00:00.000Z'));
    await repository.remember('new', key('v', 'new'), new Date('2024-05-03T00:00:00.000Z'));
    expect(await repository.prune(new Date('2024-05-02T00:00:00.000Z'))).toBe(1);
    expect([
      await repository.seen(key('v', 'old')),
      await repository.seen(key('v', 'new')),
    ]).toEqual([false, true]);
  });
});
