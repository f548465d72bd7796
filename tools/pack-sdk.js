#!/usr/bin/env node
// `npm run pack:sdk`: the SDK as a standalone npm package in dist/sdk-package (then `npm pack` or
// `npm publish` there). Its workspace libraries (contracts, query, messaging, observability) are
// bundled in; third-party packages stay dependencies. Type declarations are not bundled yet.
const { build } = require('esbuild');
const { mkdirSync, writeFileSync, copyFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const rootPackage = require(path.join(root, 'package.json'));
const RUNTIME_DEPENDENCIES = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/microservices',
  'nats',
  'pino',
  'reflect-metadata',
  'rxjs',
  'zod',
];

async function packSdk(outDir = path.join(root, 'dist', 'sdk-package')) {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'libs', 'sdk', 'src', 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    tsconfig: path.join(root, 'tsconfig.base.json'),
    external: [...RUNTIME_DEPENDENCIES, 'mongoose', 'mingo'],
    logLevel: 'warning',
  });
  const dependencies = Object.fromEntries(
    RUNTIME_DEPENDENCIES.map((name) => [name, rootPackage.dependencies[name]]),
  );
  const manifest = {
    name: '@openlines/sdk',
    version: rootPackage.version,
    description: 'OpenLines client, shaped like ELMA365 System.lines, over NATS or HTTP',
    license: rootPackage.license,
    main: 'index.js',
    engines: rootPackage.engines,
    dependencies,
  };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(path.join(root, 'libs', 'sdk', 'README.md'), path.join(outDir, 'README.md'));
  return outDir;
}

module.exports = { packSdk };

if (require.main === module) {
  packSdk(process.argv[2]).then(
    (dir) => process.stdout.write(`@openlines/sdk packed in ${dir}\n`),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
