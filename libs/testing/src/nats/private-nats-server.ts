// A nats-server of one spec file alone, for specs that read a whole stream from its start and
// must not see the events every other spec publishes on the run's shared server.
export { startNatsServer } from '../jest/nats-server';
export type { RunningNatsServer } from '../jest/nats-server';
