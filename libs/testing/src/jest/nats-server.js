// A real `nats-server -js` on a free port with a temporary store directory: the jest global
// setup starts one per run, and a spec that needs a stream of its own starts another.
const { spawn, execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const STOP_TIMEOUT_MS = 5000;

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

/**
 * Starts the server and resolves once it listens; `stop()` ends it and removes its store. A spec
 * that stops its server may start a new one on the same `port`, to which clients reconnect.
 * Crash tests: `kill()` ends it with SIGKILL and keeps the store, and a new server given the same
 * `storeDir` and `port` recovers the streams from it (such a server's `stop()` keeps the
 * directory: whoever created it removes it). `monitorPort` turns on the HTTP monitoring endpoint
 * (`/connz`, `/jsz`, …) at `monitorUrl`.
 */
async function startNatsServer({
  storePrefix = 'openlines-nats-',
  port: wantedPort,
  storeDir: givenStoreDir,
  monitorPort,
} = {}) {
  const bin = findNatsServer();
  const port = wantedPort ?? (await freePort());
  const storeDir = givenStoreDir ?? mkdtempSync(path.join(os.tmpdir(), storePrefix));
  const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir];
  if (monitorPort !== undefined) args.push('-m', String(monitorPort));
  const child = spawn(bin, args, { stdio: 'ignore' });
  const exitedEarly = new Promise((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`nats-server exited before listening (code ${code}, signal ${signal})`)),
    ),
  );
  exitedEarly.catch(() => undefined);
  await Promise.race([waitForPort(port, 10000), exitedEarly]);
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = () => new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    ...(monitorPort === undefined ? {} : { monitorUrl: `http://127.0.0.1:${monitorPort}` }),
    async kill() {
      if (!running()) return;
      const done = exited();
      child.kill('SIGKILL');
      await done;
    },
    async stop() {
      if (running()) {
        const done = exited();
        child.kill('SIGTERM');
        // The fallback timer is cleared once the server exits: a pending timer would keep the
        // jest process alive for its full duration after every run.
        let timer;
        const timedOut = new Promise((resolve) => {
          timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, STOP_TIMEOUT_MS);
        });
        await Promise.race([done, timedOut]);
        clearTimeout(timer);
      }
      if (givenStoreDir === undefined) rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

module.exports = { findNatsServer, freePort, startNatsServer, waitForPort };
