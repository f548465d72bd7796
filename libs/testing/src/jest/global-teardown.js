// Stops the nats-server that global-setup started (if it started one) and removes its store.
module.exports = async function globalTeardown() {
  const started = globalThis.__OPENLINES_NATS__;
  if (!started) return;
  globalThis.__OPENLINES_NATS__ = undefined;
  await started.stop();
};
