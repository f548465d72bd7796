export * from './durable-consumer';
export * from './durable-consumer.types';
export * from './dead-letter';
export { subjectMatches, matchesAny } from './subject-match';
