import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventPublisher, OutboxRelay } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';
import { STORE_FACTORY, StoreFactory } from '@openlines/persistence';
import {
  CLIENTS_COLLECTION,
  CLIENTS_COLLECTION_DEFINITION,
} from '../clients/persistence/client.schema';
import { CLIENTS_CONFIG, ClientsConfig } from '../config/clients.config';
import { EmbeddedOutboxRepository, WithOutbox } from '@openlines/messaging';
import { OutboxKick } from './outbox-kick';

/** Publishes the client.changed events stored with client changes; started and stopped with the app. */
@Injectable()
export class ClientOutboxRelay implements OutboxKick, OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(STORE_FACTORY) stores: StoreFactory,
    publisher: EventPublisher,
    @Inject(LOGGER) logger: Logger,
    @Inject(CLIENTS_CONFIG) config: ClientsConfig,
  ) {
    this.relay = new OutboxRelay({
      repository: new EmbeddedOutboxRepository(
        stores.createStore<WithOutbox>(CLIENTS_COLLECTION, CLIENTS_COLLECTION_DEFINITION),
      ),
      publisher,
      logger,
      pollIntervalMs: config.outboxPollMs,
    });
  }

  kick(): void {
    this.relay.kick();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}
