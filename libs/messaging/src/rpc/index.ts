export * from './rpc.client';
export * from './rpc-packet';
export * from './rpc-exception.filter';
export * from './correlation.interceptor';
export * from './reply-size.interceptor';
