// Resolves the workspace aliases (@openlines/<lib>) to the compiled libraries under dist/, so
// that `node tools/run-service.js <app>` runs the tsc output without a bundler.
const Module = require('node:module');
const path = require('node:path');

const distRoot = path.join(__dirname, '..', 'dist', 'libs');
const originalResolve = Module._resolveFilename;

Module._resolveFilename = function resolveWorkspaceAlias(request, ...rest) {
  const match = /^@openlines\/([a-z-]+)$/.exec(request);
  if (match) return originalResolve.call(this, path.join(distRoot, match[1], 'src', 'index.js'), ...rest);
  return originalResolve.call(this, request, ...rest);
};
