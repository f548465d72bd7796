#!/usr/bin/env node
// `npm run bench` runs every bench/<name>.bench.ts; `npm run bench -- query` runs one.
// Each bench module exports `run(options?)` and prints its own figures.
const { readdirSync } = require('node:fs');
const path = require('node:path');

require('./ts-register');

const benchDir = path.join(__dirname, '..', 'bench');
const wanted = process.argv.slice(2);
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length));
const selected = wanted.length > 0 ? wanted : available;

(async () => {
  for (const name of selected) {
    if (!available.includes(name)) {
      process.stderr.write(`unknown benchmark "${name}"; available: ${available.join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`\n== bench ${name} ==\n`);
    const bench = require(path.join(benchDir, `${name}.bench.ts`));
    await bench.run();
  }
})().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
