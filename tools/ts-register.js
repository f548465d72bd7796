// A minimal require hook for running TypeScript sources (benchmarks) without a build: SWC
// compiles each .ts file (decorator metadata on, as in jest.preset.js) and @openlines/<lib>
// resolves to libs/<lib>/src/index.ts.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const swc = require('@swc/core');

const libsRoot = path.join(__dirname, '..', 'libs');
const originalResolve = Module._resolveFilename;

Module._resolveFilename = function resolveWorkspaceAlias(request, ...rest) {
  const match = /^@openlines\/([a-z-]+)$/.exec(request);
  if (match) return originalResolve.call(this, path.join(libsRoot, match[1], 'src', 'index.ts'), ...rest);
  return originalResolve.call(this, request, ...rest);
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
