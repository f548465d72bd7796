import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';

/**
 * Global so that any module (messaging, persistence, a service's consumers) can register its
 * checks on the one registry that the probes read.
 */
@Global()
@Module({
  providers: [{ provide: HealthRegistry, useFactory: () => new HealthRegistry() }],
  controllers: [HealthController],
  exports: [HealthRegistry],
})
export class HealthModule {}
