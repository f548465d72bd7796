// The only door to NATS in OpenLines: services and libraries import these, never `nats` itself.
export type { JsMsg, MsgHdrs, NatsConnection } from 'nats';
export * from './config/nats.config';
export * from './connection/nats.connection';
export * from './streams/event-streams';
export * from './events/event.publisher';
export * from './events/message-headers';
export * from './events/json.codec';
export * from './consumers';
export * from './outbox';
export * from './rpc';
export * from './http';
export * from './errors/nats-unavailable';
export * from './nest';
