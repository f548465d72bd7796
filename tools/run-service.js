#!/usr/bin/env node
// Runs one compiled service: `node tools/run-service.js <channels|clients|sessions|metrics|gateway>`.
// Build first with `npm run build`.
const { existsSync } = require('node:fs');
const path = require('node:path');

const SERVICES = ['channels', 'clients', 'sessions', 'metrics', 'gateway'];
const name = process.argv[2] ?? process.env.APP;
if (!SERVICES.includes(name)) {
  process.stderr.write(`usage: run-service.js <${SERVICES.join('|')}>\n`);
  process.exit(2);
}
const main = path.join(__dirname, '..', 'dist', 'apps', name, 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write(`${main} is missing: run \`npm run build\` first\n`);
  process.exit(2);
}
require('./register-paths');
require(main);
