export * from './line-channel.enum';
export * from './line-client.enum';
export * from './line-message.enum';
export * from './line-metric.enum';
export * from './line-session.enum';
export * from './operator-status.enum';
