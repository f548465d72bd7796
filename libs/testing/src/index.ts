export * from './unique-name';
export * from './wait-for';
export * from './nats/test-nats';
export * from './service/test-service';
export * from './nats/event-log';
export * from './nats/private-nats-server';
export * from './net/free-port';
