// Starts one real `nats-server -js` for the whole jest run, on a free port with a temporary
// store directory, unless NATS_URL is already set (CI against an existing server, or a nested
// project run under the root config). Tests never mock NATS.
const { spawn, execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function findNatsServer() {
  for (const candidate of [
    process.env.NATS_SERVER_BIN,
    'nats-server',
    '/usr/sbin/nats-server',
    '/usr/bin/nats-server',
  ]) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      /* try the next one */
    }
  }
  throw new Error(
    'nats-server not found: install it (apt-get install -y nats-server) or set NATS_URL to a running server',
  );
}

function waitForPort(port, deadlineMs) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() - started > deadlineMs)
          reject(new Error(`nats-server did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

module.exports = async function globalSetup() {
  // Services under test log at warn unless asked otherwise, so test output stays readable.
  if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = 'warn';
  if (process.env.NATS_URL) return;
  const bin = findNatsServer();
  const port = await freePort();
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'openlines-nats-'));
  const child = spawn(bin, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
    stdio: 'ignore',
  });
  globalThis.__OPENLINES_NATS__ = { child, storeDir };
  const exitedEarly = new Promise((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`nats-server exited before listening (code ${code}, signal ${signal})`)),
    ),
  );
  exitedEarly.catch(() => undefined);
  await Promise.race([waitForPort(port, 10000), exitedEarly]);
  process.env.NATS_URL = `nats://127.0.0.1:${port}`;
  process.env.OPENLINES_TEST_NATS_STORE = storeDir;
};
