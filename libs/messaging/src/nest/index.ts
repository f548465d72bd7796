export * from './messaging.module';
export * from './messaging.tokens';
export * from './durable-consumers';
export * from './nats-microservice.options';
export * from './openlines-nats.server';
export * from './rpc-conventions';
export * from './create-rpc-microservice';
export * from './bootstrap-service';
