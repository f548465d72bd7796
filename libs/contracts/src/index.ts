export * from './errors';
export * from './messaging/streams';
export * from './query/search';
