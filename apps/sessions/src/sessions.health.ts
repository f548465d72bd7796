import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@openlines/observability';
import { STORE_FACTORY, StoreFactory } from '@openlines/persistence';

/** Readiness follows the store too (NATS and the consumers are registered by MessagingModule). */
@Injectable()
export class SessionsHealth implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(STORE_FACTORY) private readonly store: StoreFactory,
  ) {}

  onModuleInit(): void {
    this.health.registerReadiness('store', () => this.store.ping());
  }
}
