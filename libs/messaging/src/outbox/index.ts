export * from './outbox.types';
export * from './outbox.relay';
export * from './in-memory-outbox.repository';
export * from './embedded-outbox';
export * from './versioned-write';
export * from './published-event-index';
