// Stops the nats-server that global-setup started (if it started one) and removes its store.
const { rmSync } = require('node:fs');

const STOP_TIMEOUT_MS = 5000;

module.exports = async function globalTeardown() {
  const started = globalThis.__OPENLINES_NATS__;
  if (!started) return;
  globalThis.__OPENLINES_NATS__ = undefined;
  if (started.child.exitCode === null && started.child.signalCode === null) {
    const exited = new Promise((resolve) => started.child.once('exit', resolve));
    started.child.kill('SIGTERM');
    // The fallback timer is cleared once the server exits: a pending timer would keep jest's
    // process alive for its full duration after every run.
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        started.child.kill('SIGKILL');
        resolve();
      }, STOP_TIMEOUT_MS);
    });
    await Promise.race([exited, timedOut]);
    clearTimeout(timer);
  }
  rmSync(started.storeDir, { recursive: true, force: true });
};
