export * from './logging/correlation.context';
export * from './logging/logger.factory';
export * from './logging/logger.token';
export * from './logging/pino-nest.logger';
export * from './health/health.registry';
export * from './health/health.controller';
export * from './health/health.module';
