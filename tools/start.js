#!/usr/bin/env node
// `npm start`: every OpenLines service on this machine, each in its own process.
// - builds first when dist/ is missing or older than the sources (`npm run build`);
// - without NATS_URL, starts `nats-server -js` (data in .data/nats) and stops it at the end;
// - without MONGO_URL, says loudly that the services keep everything in memory;
// - without API_KEYS, generates a key for this run and prints it;
// - prefixes each service's output with its name, waits for every /readyz, prints the URLs;
// - Ctrl-C (SIGINT/SIGTERM) stops the services (SIGTERM, SIGKILL after a deadline), then NATS;
//   a service that dies stops the rest, and the exit code is non-zero.
// Plain Node, no dependencies. Services and ports: deploy/services.json (tests override them
// with OPENLINES_SERVICES='[{"name":"a","port":4100,"command":["node","fake.js"]}]').
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const path = require('node:path');
const { prefixOutput, signalGroup, startChild, stopChild } = require('./start/children');
const { isReady, portIsFree, until } = require('./start/network');
const { startLocalNats } = require('./start/nats');
const { findNatsServer, loadServices, needsBuild } = require('./start/setup');

const ROOT = path.resolve(__dirname, '..');
const env = process.env;
const DATA_DIR = env.OPENLINES_DATA_DIR || path.join(ROOT, '.data');
const READY_TIMEOUT_MS = Number(env.OPENLINES_READY_TIMEOUT_MS || 120000);
const STOP_TIMEOUT_MS = Number(env.OPENLINES_STOP_TIMEOUT_MS || 10000);
const COLORS = [36, 33, 35, 32, 34, 31];

const say = (line) => process.stdout.write(`[start] ${line}\n`);
const complain = (line) => process.stderr.write(`[start] ${line}\n`);
const state = { services: [], nats: undefined, stopping: false };
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

async function startNats() {
  let started;
  try {
    started = await startLocalNats({ env, dataDir: DATA_DIR, say, complain });
  } catch (error) {
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
    if (!state.stopping) void shutdown(1, reason);
  });
  return started.url;
}

function warnInMemory() {
  const lines = [
    'MONGO_URL is not set: every service keeps its data IN MEMORY.',
    'NOTHING IS PERSISTED: lines, channels, clients, sessions and metrics are lost on stop.',
    'Set MONGO_URL (a MongoDB replica set) to keep them.',
  ];
  const rule = '='.repeat(Math.max(...lines.map((line) => line.length)) + 4);
  process.stderr.write(`\n${rule}\n${lines.map((line) => `  ${line}`).join('\n')}\n${rule}\n\n`);
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

function printRunning(services, natsUrl, apiKey) {
  const gateway = services.find((service) => service.name === 'gateway');
  const channels = services.find((service) => service.name === 'channels');
  say('OpenLines is running');
  if (gateway) say(`  API (gateway):         http://127.0.0.1:${gateway.port}`);
  if (channels) say(`  webhooks (channels):   http://127.0.0.1:${channels.port}/webhooks/...`);
  for (const service of services.filter((s) => s !== gateway && s !== channels)) {
    say(`  ${service.name}: http://127.0.0.1:${service.port}`);
  }
  say(apiKey ? `  API key (this run):    ${apiKey}` : '  API keys:              from API_KEYS');
  say(`  NATS:                  ${natsUrl}`);
  say('press Ctrl-C to stop');
}

async function main() {
  const services = loadServices(ROOT, env);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => children().forEach((child) => signalGroup(child, 'SIGKILL')));

  const compiled = services.filter((service) => !service.command).map((service) => service.name);
  if (compiled.length > 0 && needsBuild(ROOT, compiled)) {
    say('dist/ is missing or older than the sources: npm run build');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    if (spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
      complain('the build failed: fix the errors above and run npm start again');
      process.exit(1);
    }
  }
  for (const service of services) {
    if (!(await portIsFree(service.port))) {
      complain(`port ${service.port} (${service.name}) is in use: is OpenLines already running?`);
      process.exit(1);
    }
  }
  if (env.HTTP_PORT)
    say('HTTP_PORT is ignored: each service uses its port from deploy/services.json');
  const natsUrl = env.NATS_URL || (await startNats());
  if (!env.MONGO_URL) warnInMemory();
  const apiKey = env.API_KEYS
    ? undefined
    : `ol_local_${crypto.randomBytes(18).toString('base64url')}`;
  startServices(services, { ...env, NATS_URL: natsUrl, API_KEYS: env.API_KEYS || apiKey });

  const late = await waitUntilReady(services);
  if (state.stopping) return;
  if (late.length > 0)
    return shutdown(1, `not ready after ${READY_TIMEOUT_MS / 1000} s: ${late.join(', ')}`);
  printRunning(services, natsUrl, apiKey);
}

if (require.main === module) {
  main().catch((error) => shutdown(1, `failed: ${error.stack || error}`));
}

module.exports = { loadServices: () => loadServices(ROOT, env), needsBuild, findNatsServer };
