/** Nest injection tokens of MessagingModule (EventPublisher, RpcClient, DurableConsumers are their own class tokens). */
export const NATS_CONNECTION = Symbol.for('openlines:nats-connection');
export const NATS_CONFIG = Symbol.for('openlines:nats-config');
