// Integration specs talk to a real nats-server and start services: give each test 30 s.
// (A per-project `testTimeout` is ignored under the root multi-project config; this is not.)
jest.setTimeout(30000);
