#!/usr/bin/env node
// Container health check: `node deploy/docker/healthcheck.js [/healthz|/readyz]`. Exits 0 when the
// service answers 200 on HTTP_PORT (or its default port from deploy/services.json), 1 otherwise.
// Plain Node with no dependencies, because the runtime image has no curl or wget.
const http = require('node:http');
const path = require('node:path');

const { services } = require(path.join(__dirname, '..', 'services.json'));

const probePath = process.argv[2] ?? '/healthz';
const service = services.find((candidate) => candidate.name === process.env.APP);
const port = Number(process.env.HTTP_PORT || service?.port);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write(`healthcheck: no HTTP_PORT and unknown APP "${process.env.APP}"\n`);
  process.exit(1);
}

const request = http.get(
  { host: '127.0.0.1', port, path: probePath, timeout: 2500 },
  (response) => {
    response.resume();
    process.exit(response.statusCode === 200 ? 0 : 1);
  },
);
request.on('timeout', () => request.destroy(new Error(`timed out on ${probePath}`)));
request.on('error', (error) => {
  process.stderr.write(`healthcheck: ${error.message}\n`);
  process.exit(1);
});
