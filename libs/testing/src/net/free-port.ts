// A TCP port free on 127.0.0.1 right now, for a process a spec starts (services, nats-server).
export { freePort } from '../jest/nats-server';
