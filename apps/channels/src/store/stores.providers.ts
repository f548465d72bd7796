import { Provider } from '@nestjs/common';
import { STORE_FACTORY, StoreFactory, createStoreFactory } from '@openlines/persistence';
import { ChannelRepository } from '../channels/persistence/channel.repository';
import {
  CHANNELS_COLLECTION,
  CHANNELS_COLLECTION_DEFINITION,
  ChannelDocument,
} from '../channels/persistence/channel.schema';
import { CHANNELS_CONFIG, ChannelsConfig } from '../config/channels.config';
import { DeliveryReceiptRepository } from '../delivery/persistence/delivery-receipt.repository';
import {
  DELIVERY_RECEIPTS_COLLECTION,
  DELIVERY_RECEIPTS_COLLECTION_DEFINITION,
} from '../delivery/persistence/delivery-receipt.schema';
import { LivechatReplyRepository } from '../delivery/persistence/livechat-reply.repository';
import {
  LIVECHAT_CURSORS_COLLECTION,
  LIVECHAT_CURSORS_COLLECTION_DEFINITION,
  LIVECHAT_REPLIES_COLLECTION,
  LIVECHAT_REPLIES_COLLECTION_DEFINITION,
} from '../delivery/persistence/livechat-reply.schema';
import { LineRepository } from '../lines/persistence/line.repository';
import {
  LINES_COLLECTION,
  LINES_COLLECTION_DEFINITION,
  LineDocument,
} from '../lines/persistence/line.schema';
import { InboundReceiptRepository } from '../webhooks/persistence/inbound-receipt.repository';
import {
  INBOUND_RECEIPTS_COLLECTION,
  INBOUND_RECEIPTS_COLLECTION_DEFINITION,
} from '../webhooks/persistence/inbound-receipt.schema';
import { OutboxRelays } from './outbox-relays';
import { OUTBOX_KICKS } from './outbox-kick';
import { StoreHealth } from '@openlines/persistence';

/** The channels service's database (MONGO_URL, SQLite or memory) and one repository per collection. */
export const STORE_PROVIDERS: Provider[] = [
  {
    provide: STORE_FACTORY,
    inject: [CHANNELS_CONFIG],
    useFactory: (config: ChannelsConfig) =>
      createStoreFactory(config.store, { appName: config.serviceName }),
  },
  repository(
    LineRepository,
    (f) =>
      new LineRepository(
        f.createStore<LineDocument>(LINES_COLLECTION, LINES_COLLECTION_DEFINITION),
      ),
  ),
  repository(
    ChannelRepository,
    (f) =>
      new ChannelRepository(
        f.createStore<ChannelDocument>(CHANNELS_COLLECTION, CHANNELS_COLLECTION_DEFINITION),
      ),
  ),
  repository(
    InboundReceiptRepository,
    (f) =>
      new InboundReceiptRepository(
        f.createStore(INBOUND_RECEIPTS_COLLECTION, INBOUND_RECEIPTS_COLLECTION_DEFINITION),
      ),
  ),
  repository(
    DeliveryReceiptRepository,
    (f) =>
      new DeliveryReceiptRepository(
        f.createStore(DELIVERY_RECEIPTS_COLLECTION, DELIVERY_RECEIPTS_COLLECTION_DEFINITION),
      ),
  ),
  repository(
    LivechatReplyRepository,
    (f) =>
      new LivechatReplyRepository(
        f.createStore(LIVECHAT_REPLIES_COLLECTION, LIVECHAT_REPLIES_COLLECTION_DEFINITION),
        f.createStore(LIVECHAT_CURSORS_COLLECTION, LIVECHAT_CURSORS_COLLECTION_DEFINITION),
      ),
  ),
  StoreHealth,
  OutboxRelays,
  { provide: OUTBOX_KICKS, useExisting: OutboxRelays },
];

function repository<T>(
  token: abstract new (...args: never[]) => T,
  build: (factory: StoreFactory) => T,
): Provider {
  return { provide: token, inject: [STORE_FACTORY], useFactory: build };
}
