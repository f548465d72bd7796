export * from './errors';
export * from './messaging/streams';
export * from './query/search';
export * from './enums';
export * from './data';
export * from './events';
export * from './rpc';
