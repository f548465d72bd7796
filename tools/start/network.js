// Ports and polling for tools/start.js: free ports, waiting with a deadline, readiness probes.
'use strict';
const http = require('node:http');
const net = require('node:net');

/** True when nothing listens on the port (host undefined: every interface, as services bind). */
function portIsFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls check() until it is true (→ true) or the deadline passes (→ false). */
async function until(deadline, check) {
  while (Date.now() < deadline) {
    if (await check()) return true;
    await pause(200);
  }
  return false;
}

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

const isReady = (port) =>
  new Promise((resolve) => {
    const options = { host: '127.0.0.1', port, path: '/readyz', timeout: 1000 };
    const request = http.get(options, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });

module.exports = { portIsFree, freePort, pause, until, accepts, isReady };
