// Starts one real `nats-server -js` for the whole jest run, on a free port with a temporary
// store directory, unless NATS_URL is already set (CI against an existing server, or a nested
// project run under the root config). Tests never mock NATS.
const { startNatsServer } = require('./nats-server');

module.exports = async function globalSetup() {
  // Services under test log at warn unless asked otherwise, so test output stays readable.
  if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = 'warn';
  if (process.env.NATS_URL) return;
  const server = await startNatsServer();
  globalThis.__OPENLINES_NATS__ = server;
  process.env.NATS_URL = server.url;
  process.env.OPENLINES_TEST_NATS_STORE = server.storeDir;
};
