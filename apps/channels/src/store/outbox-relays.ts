import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventPublisher, OutboxRelay } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';
import { STORE_FACTORY, StoreFactory } from '@openlines/persistence';
import { CHANNELS_CONFIG, ChannelsConfig } from '../config/channels.config';
import {
  CHANNELS_COLLECTION,
  CHANNELS_COLLECTION_DEFINITION,
} from '../channels/persistence/channel.schema';
import { LINES_COLLECTION, LINES_COLLECTION_DEFINITION } from '../lines/persistence/line.schema';
import { EmbeddedOutboxRepository, WithOutbox } from '@openlines/messaging';
import { OutboxKick } from './outbox-kick';

/**
 * One OutboxRelay per collection that stores events (lines, channels). Started once the app is
 * up, stopped before the NATS connection drains; `kick()` after a write publishes at once.
 */
@Injectable()
export class OutboxRelays implements OutboxKick, OnApplicationBootstrap, OnModuleDestroy {
  private readonly relays: OutboxRelay[];

  constructor(
    @Inject(STORE_FACTORY) stores: StoreFactory,
    publisher: EventPublisher,
    @Inject(LOGGER) logger: Logger,
    @Inject(CHANNELS_CONFIG) config: ChannelsConfig,
  ) {
    const collections = [
      stores.createStore<WithOutbox>(LINES_COLLECTION, LINES_COLLECTION_DEFINITION),
      stores.createStore<WithOutbox>(CHANNELS_COLLECTION, CHANNELS_COLLECTION_DEFINITION),
    ];
    this.relays = collections.map(
      (store) =>
        new OutboxRelay({
          repository: new EmbeddedOutboxRepository(store),
          publisher,
          logger: logger.child({ collection: store.collectionName }),
          pollIntervalMs: config.outboxPollMs,
        }),
    );
  }

  kick(): void {
    for (const relay of this.relays) relay.kick();
  }

  onApplicationBootstrap(): void {
    for (const relay of this.relays) relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.relays.map((relay) => relay.stop()));
  }
}
