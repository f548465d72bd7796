#!/usr/bin/env node
// `npm run bench` runs every bench/<name>.bench.ts; `npm run bench -- query` runs one;
// `--quick` (anywhere) asks each for a short run with small sizes: `run({ quick: true })`.
// Each bench module exports `run(options?)` and prints its own figures.
const { readdirSync } = require('node:fs');
const path = require('node:path');

require('./ts-register');

const benchDir = path.join(__dirname, '..', 'bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const unknownFlag = args.find((arg) => arg.startsWith('--') && arg !== '--quick');
if (unknownFlag !== undefined) {
  process.stderr.write(`unknown option "${unknownFlag}"; known: --quick\n`);
  process.exit(2);
}
const wanted = args.filter((arg) => !arg.startsWith('--'));
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
    await bench.run({ quick });
  }
})().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
