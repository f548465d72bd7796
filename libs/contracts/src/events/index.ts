export * from './entity.events';
export * from './event-base.schema';
export * from './event-schemas';
export * from './event-subjects';
export * from './message.events';
export * from './session.events';
export * from './field-changes';
export * from './public-events';
