const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const started = globalThis.__OPENLINES_NATS__;
  if (!started) return;
  globalThis.__OPENLINES_NATS__ = undefined;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  rmSync(started.storeDir, { recursive: true, force: true });
};
