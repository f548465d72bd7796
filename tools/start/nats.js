// The local nats-server that tools/start.js runs when NATS_URL is not set: JetStream on, data
// under <dataDir>/nats, its log in <dataDir>/nats-server.log, port 4222 unless that is taken
// (OPENLINES_NATS_PORT picks another; 0: any free port, as the specs do to run side by side).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { startChild } = require('./children');
const { accepts, freePort, portIsFree, until } = require('./network');
const { findNatsServer } = require('./setup');

const INSTALL_HELP = [
  'nats-server was not found (PATH, /usr/sbin, /usr/local/bin). Install it and run npm start again:',
  '  Debian/Ubuntu: sudo apt-get install nats-server',
  '  macOS:         brew install nats-server',
  'or set NATS_URL to a running NATS server with JetStream enabled.',
];

/**
 * Starts nats-server and resolves { child, url } once it accepts connections. Resolves
 * { missing: INSTALL_HELP } when there is no binary; rejects when it exits or does not listen.
 */
async function startLocalNats({ env, dataDir, say, complain }) {
  const bin = findNatsServer(env);
  if (!bin) return { missing: INSTALL_HELP };
  const wanted = env.OPENLINES_NATS_PORT === undefined ? 4222 : Number(env.OPENLINES_NATS_PORT);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    throw new Error(`OPENLINES_NATS_PORT must be a port number, not ${env.OPENLINES_NATS_PORT}`);
  }
  const port = wanted !== 0 && (await portIsFree(wanted, '127.0.0.1')) ? wanted : await freePort();
  if (wanted !== 0 && port !== wanted) {
    say(`port ${wanted} is busy (another NATS?): this nats-server uses ${port}`);
  }
  const storeDir = path.join(dataDir, 'nats');
  fs.mkdirSync(storeDir, { recursive: true });
  const logFile = path.join(dataDir, 'nats-server.log');
  const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir, '-l', logFile];
  const child = startChild('nats-server', bin, args, { stdio: 'ignore' }, complain);
  child.logFile = logFile;
  const settled = () => child.exitCode !== null || child.signalCode !== null;
  await until(Date.now() + 15000, async () => settled() || (await accepts(port)));
  if (settled() || !(await accepts(port))) {
    child.kill('SIGKILL');
    const what = settled() ? 'exited at start' : `did not listen on ${port} within 15 s`;
    throw new Error(`nats-server ${what}; see ${logFile}`);
  }
  say(`nats-server ${bin} listens on 127.0.0.1:${port} (JetStream data in ${storeDir})`);
  return { child, url: `nats://127.0.0.1:${port}` };
}

module.exports = { startLocalNats };
