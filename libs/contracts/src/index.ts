export * from './errors';
export * from './messaging/streams';
export * from './query/search';
export * from './query/filter-depth';
export * from './enums';
export * from './data';
export * from './events';
export * from './rpc';
