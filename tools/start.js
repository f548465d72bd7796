#!/usr/bin/env node
// `npm start`: every OpenLines service on this machine, each in its own process (`--help`).
// - builds first when dist/ is missing or older than the sources (`npm run build`);
// - without NATS_URL, starts `nats-server -js` (data in .data/nats) and stops it at the end;
// - without MONGO_URL, the services keep their data in the durable embedded store (SQLite
//   files in .data/store); `--in-memory` keeps it in memory instead, with a temporary NATS
//   store, and says so loudly; `--reset` empties .data/ first (asks y/N, or `--yes`);
// - without API_KEYS, generates a key for this run and prints it;
// - prefixes each service's output with its name, waits for every /readyz, prints the URLs;
// - Ctrl-C (SIGINT/SIGTERM) stops the services (SIGTERM, SIGKILL after a deadline), then NATS;
//   a service that dies stops the rest, and the exit code is non-zero.
// Plain Node, no dependencies. Services and ports: deploy/services.json (tests override them
// with OPENLINES_SERVICES='[{"name":"a","port":4100,"command":["node","fake.js"]}]').
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { prefixOutput, signalGroup, startChild, stopChild } = require('./start/children');
const { isReady, portIsFree, until } = require('./start/network');
const { inMemoryWarning, runningLines } = require('./start/banner');
const { startLocalNats } = require('./start/nats');
const { readCommandLine } = require('./start/options');
const { resetBeforeStart } = require('./start/reset');
const { buildIfNeeded, findNatsServer, loadServices, needsBuild } = require('./start/setup');

const ROOT = path.resolve(__dirname, '..');
const env = process.env;
const DATA_DIR = path.resolve(env.OPENLINES_DATA_DIR || path.join(ROOT, '.data'));
const READY_TIMEOUT_MS = Number(env.OPENLINES_READY_TIMEOUT_MS || 120000);
const STOP_TIMEOUT_MS = Number(env.OPENLINES_STOP_TIMEOUT_MS || 10000);
const COLORS = [36, 33, 35, 32, 34, 31];

const say = (line) => process.stdout.write(`[start] ${line}\n`);
const complain = (line) => process.stderr.write(`[start] ${line}\n`);
// natsDir: nats-server's temporary directory in memory mode, removed once it has stopped.
const state = { services: [], nats: undefined, natsDir: undefined, stopping: false };
const children = () => [...state.services, state.nats].filter(Boolean);

async function shutdown(code, reason) {
  if (state.stopping) return;
  state.stopping = true;
  if (reason) complain(reason);
  say('stopping services');
  await Promise.all(state.services.map((child) => stopChild(child, STOP_TIMEOUT_MS, complain)));
  if (state.nats) {
    say('stopping nats-server');
    await stopChild(state.nats, STOP_TIMEOUT_MS, complain);
  }
  removeTemporaryNatsDir();
  say('stopped');
  process.exit(code);
}

function onSignal(signal) {
  if (!state.stopping) return void shutdown(0, `${signal} received`);
  complain(`${signal} again: killing everything now`);
  children().forEach((child) => signalGroup(child, 'SIGKILL'));
  process.exit(1);
}

const exitReason = ({ code, signal }) => signal || `code ${code}`;

function removeTemporaryNatsDir() {
  if (state.natsDir) fs.rmSync(state.natsDir, { recursive: true, force: true });
  state.natsDir = undefined;
}

async function startNats(mode) {
  // In memory mode the streams must not outlive the data: a store directory of this run only.
  const dataDir =
    mode === 'memory' ? fs.mkdtempSync(path.join(os.tmpdir(), 'openlines-nats-')) : DATA_DIR;
  if (mode === 'memory') state.natsDir = dataDir;
  let started;
  try {
    started = await startLocalNats({ env, dataDir, say, complain });
  } catch (error) {
    state.natsDir = undefined; // keep its log to read
    await shutdown(1, error.message);
    return new Promise(() => {}); // shutdown() ends the process
  }
  if (started.missing) {
    started.missing.forEach((line) => complain(line));
    process.exit(1);
  }
  state.nats = started.child;
  state.nats.exited.then((exit) => {
    const reason = `nats-server exited (${exitReason(exit)}); see ${started.child.logFile}`;
    if (state.stopping) return;
    state.natsDir = undefined; // keep its log to read
    void shutdown(1, reason);
  });
  return started.url;
}

function startServices(services, childEnv) {
  const width = Math.max(...services.map((service) => service.name.length));
  services.forEach((service, index) => {
    const runService = [process.execPath, path.join(ROOT, 'tools', 'run-service.js'), service.name];
    const [command, ...args] = service.command || runService;
    const options = { cwd: ROOT, env: { ...childEnv, HTTP_PORT: String(service.port) } };
    const child = startChild(service.name, command, args, options, complain);
    const label = `[${service.name.padEnd(width)}]`;
    const color = COLORS[index % COLORS.length];
    prefixOutput(child, process.stdout.isTTY ? `\x1b[${color}m${label}\x1b[0m` : label);
    child.exited.then((exit) => {
      if (!state.stopping)
        void shutdown(1, `${service.name} exited (${exitReason(exit)}): stopping the rest`);
    });
    state.services.push(child);
  });
}

async function waitUntilReady(services) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const ready = await Promise.all(
    services.map(async (service) => {
      const started = Date.now();
      if (!(await until(deadline, () => isReady(service.port)))) return false;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      say(`${service.name} is ready on port ${service.port} (${seconds} s)`);
      return true;
    }),
  );
  return services.filter((_, index) => !ready[index]).map((service) => service.name);
}

async function main() {
  const { flags, mode } = readCommandLine(process.argv.slice(2), env, complain);
  const services = loadServices(ROOT, env);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => {
    children().forEach((child) => signalGroup(child, 'SIGKILL'));
    removeTemporaryNatsDir();
  });

  for (const service of services) {
    if (!(await portIsFree(service.port))) {
      complain(`port ${service.port} (${service.name}) is in use: is OpenLines already running?`);
      process.exit(1);
    }
  }
  if (flags.reset)
    await resetBeforeStart({ dataDir: DATA_DIR, yes: flags.yes, mode, say, complain });
  buildIfNeeded(ROOT, services, say, complain);
  if (env.HTTP_PORT)
    say('HTTP_PORT is ignored: each service uses its port from deploy/services.json');
  const natsUrl = env.NATS_URL || (await startNats(mode));
  if (mode === 'memory') process.stderr.write(inMemoryWarning(!env.NATS_URL));
  if (mode === 'sqlite') say(`data: embedded durable store in ${path.join(DATA_DIR, 'store')}`);
  const apiKey = env.API_KEYS
    ? undefined
    : `ol_local_${crypto.randomBytes(18).toString('base64url')}`;
  const storeEnv = {
    OPENLINES_DATA_DIR: DATA_DIR,
    ...(mode === 'memory' ? { STORE: 'memory' } : {}),
  };
  startServices(services, {
    ...env,
    ...storeEnv,
    NATS_URL: natsUrl,
    API_KEYS: env.API_KEYS || apiKey,
  });

  const late = await waitUntilReady(services);
  if (state.stopping) return;
  if (late.length > 0)
    return shutdown(1, `not ready after ${READY_TIMEOUT_MS / 1000} s: ${late.join(', ')}`);
  runningLines({ services, natsUrl, apiKey, mode, dataDir: DATA_DIR }).forEach((line) => say(line));
}

if (require.main === module) {
  main().catch((error) => shutdown(1, `failed: ${error.stack || error}`));
}

module.exports = { loadServices: () => loadServices(ROOT, env), needsBuild, findNatsServer };
