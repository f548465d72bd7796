import { EmbeddedOutboxRepository, WithOutbox } from '@openlines/messaging';
import { MemoryStoreFactory } from '@openlines/persistence';
import { ChannelRepository } from './channels/persistence/channel.repository';
import {
  CHANNELS_COLLECTION,
  CHANNELS_COLLECTION_DEFINITION,
  ChannelDocument,
} from './channels/persistence/channel.schema';
import { DeliveryReceiptRepository } from './delivery/persistence/delivery-receipt.repository';
import { DELIVERY_RECEIPTS_COLLECTION_DEFINITION } from './delivery/persistence/delivery-receipt.schema';
import { LivechatReplyRepository } from './delivery/persistence/livechat-reply.repository';
import {
  LIVECHAT_CURSORS_COLLECTION_DEFINITION,
  LIVECHAT_REPLIES_COLLECTION_DEFINITION,
} from './delivery/persistence/livechat-reply.schema';
import { LineRepository } from './lines/persistence/line.repository';
import { LINES_COLLECTION, LINES_COLLECTION_DEFINITION } from './lines/persistence/line.schema';
import { InboundReceiptRepository } from './webhooks/persistence/inbound-receipt.repository';
import { INBOUND_RECEIPTS_COLLECTION_DEFINITION } from './webhooks/persistence/inbound-receipt.schema';

/**
 * Every query the channels service makes per request, webhook or delivery is served by an id or
 * a declared index: on a store that throws instead of scanning, each hot-path method runs.
 * (Scans on purpose: the outbox relay's `listPending` poll, the receipts' `prune`, searches.)
 */
describe('channels: hot paths use indexes', () => {
  const stores = new MemoryStoreFactory({ scans: 'throw' });
  const channelStore = stores.createStore<ChannelDocument>(
    CHANNELS_COLLECTION,
    CHANNELS_COLLECTION_DEFINITION,
  );
  const channels = new ChannelRepository(channelStore);
  const lines = new LineRepository(
    stores.createStore(LINES_COLLECTION, LINES_COLLECTION_DEFINITION),
  );
  const now = new Date('2024-01-01T00:00:00.000Z');

  beforeAll(async () => {
    const channel = {
      __id: 'ch1',
      _line: 'l1',
      _state: 'connected',
      livechatKey: 'pk',
      authFailures: 0,
    };
    await channelStore.insertOne({ ...channel, _version: 1 } as unknown as ChannelDocument);
  });

  it('finds channels and lines by id, by live-chat key, and counts a line’s channels', async () => {
    expect(await channels.findById('ch1')).toMatchObject({ __id: 'ch1' });
    expect(await channels.findByLivechatKey('pk')).toMatchObject({ __id: 'ch1' });
    expect(await channels.countConnected('l1')).toBe(1);
    expect(await channels.recordAuthFailure('ch1')).toBe(1);
    await channels.resetAuthFailures('ch1');
    expect(await lines.findById('nope')).toBeNull();
  });

  it('marks outbox entries published by event id', async () => {
    for (const name of [CHANNELS_COLLECTION, LINES_COLLECTION]) {
      const definition =
        name === LINES_COLLECTION ? LINES_COLLECTION_DEFINITION : CHANNELS_COLLECTION_DEFINITION;
      const outbox = new EmbeddedOutboxRepository(stores.createStore<WithOutbox>(name, definition));
      await outbox.markPublished(['e1', 'e2']);
    }
  });

  it('remembers inbound messages and deliveries, and serves the live chat’s replies', async () => {
    const receipts = new InboundReceiptRepository(
      stores.createStore('inbound_receipts', INBOUND_RECEIPTS_COLLECTION_DEFINITION),
    );
    const key = { channelId: 'ch1', chatId: 'chat1', externalMessageId: 'x1' };
    await receipts.remember('e1', key, now);
    expect(await receipts.seen(key)).toBe(true);

    const deliveries = new DeliveryReceiptRepository(
      stores.createStore('delivery_receipts', DELIVERY_RECEIPTS_COLLECTION_DEFINITION),
    );
    await deliveries.remember('e2', 'ch1', 'm1', now);
    expect(await deliveries.delivered('e2')).toBe(true);

    const replies = new LivechatReplyRepository(
      stores.createStore('livechat_replies', LIVECHAT_REPLIES_COLLECTION_DEFINITION),
      stores.createStore('livechat_cursors', LIVECHAT_CURSORS_COLLECTION_DEFINITION),
    );
    await replies.add('e3', 'ch1', 'visitor', 'hello', undefined, now);
    expect(await replies.listAfter('ch1', 'visitor', 0, 10)).toMatchObject([
      { seq: 1, text: 'hello' },
    ]);
  });
});
