// What tools/start.js decides before starting anything: which services, whether to build (and the
// build), and where nats-server is.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** deploy/services.json's names and ports, or the OPENLINES_SERVICES override (tests). */
function loadServices(root, env) {
  if (!env.OPENLINES_SERVICES) {
    const file = path.join(root, 'deploy', 'services.json');
    const { services } = JSON.parse(fs.readFileSync(file, 'utf8'));
    return services.map(({ name, port }) => ({ name, port }));
  }
  const services = JSON.parse(env.OPENLINES_SERVICES);
  for (const service of services) {
    const valid = /^[a-z][a-z0-9-]*$/.test(service.name) && Number.isInteger(service.port);
    if (!valid || (service.command && !Array.isArray(service.command))) {
      throw new Error(`OPENLINES_SERVICES: bad entry ${JSON.stringify(service)}`);
    }
  }
  return services;
}

/** Newest modification time (ms) of the files under dir that `accept` keeps. */
function newestMtime(dir, accept) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') {
      newest = Math.max(newest, newestMtime(full, accept));
    } else if (entry.isFile() && accept(full)) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** True when a service's compiled entry point is missing or a compiled source is newer. */
function needsBuild(root, serviceNames) {
  const entry = (name) => path.join(root, 'dist', 'apps', name, 'src', 'main.js');
  if (serviceNames.some((name) => !fs.existsSync(entry(name)))) return true;
  // What tsconfig.build.json compiles: apps/*/src and libs/*/src, without tests.
  const isSource = (file) =>
    file.endsWith('.ts') &&
    !/\.(spec|test)\.ts$/.test(file) &&
    file.includes(`${path.sep}src${path.sep}`);
  const configs = ['tsconfig.base.json', 'tsconfig.build.json']
    .map((file) => path.join(root, file))
    .filter((file) => fs.existsSync(file));
  const sources = Math.max(
    newestMtime(path.join(root, 'apps'), isSource),
    newestMtime(path.join(root, 'libs'), isSource),
    ...configs.map((file) => fs.statSync(file).mtimeMs),
  );
  return sources > newestMtime(path.join(root, 'dist'), (file) => file.endsWith('.js'));
}

/** Runs `npm run build` when a compiled service needs it; ends the process when it fails. */
function buildIfNeeded(root, services, say, complain) {
  const compiled = services.filter((service) => !service.command).map((service) => service.name);
  if (compiled.length === 0 || !needsBuild(root, compiled)) return;
  say('dist/ is missing or older than the sources: npm run build');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    complain('the build failed: fix the errors above and run npm start again');
    process.exit(1);
  }
}

/** NATS_SERVER_BIN (a path, or a name looked up on the PATH), else the usual places. */
function findNatsServer(env) {
  const onPath = (name) =>
    (env.PATH || '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, name));
  const wanted = env.NATS_SERVER_BIN;
  const usual = ['/usr/sbin', '/usr/local/bin', '/opt/homebrew/bin'].map((dir) =>
    path.join(dir, 'nats-server'),
  );
  const candidates = wanted
    ? wanted.includes(path.sep)
      ? [wanted]
      : onPath(wanted)
    : [...onPath('nats-server'), ...usual];
  return candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

module.exports = { loadServices, needsBuild, buildIfNeeded, findNatsServer };
