export * from './outbox.types';
export * from './outbox.relay';
export * from './in-memory-outbox.repository';
