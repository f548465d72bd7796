import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@openlines/observability';
import { StoreFactory } from './port/document-store.port';
import { STORE_FACTORY } from './store.factory';

/** Readiness follows the database: no traffic while MongoDB does not answer. */
@Injectable()
export class StoreHealth implements OnModuleInit {
  constructor(
    @Inject(STORE_FACTORY) private readonly stores: StoreFactory,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.registerReadiness('store', () => this.stores.ping());
  }
}
