// tools/start.js's decisions that need no processes: when to rebuild, which services to run.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { loadServicesFile } from './support/services-contract';
import { START_SCRIPT } from './support/start-runner';

interface StartModule {
  needsBuild(root: string, serviceNames: string[]): boolean;
  loadServices(): Array<{ name: string; port: number; command?: string[] }>;
}
const start = createRequire(__filename)(START_SCRIPT) as StartModule;

describe('tools/start.js needsBuild', () => {
  let root: string;
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
  const write = (file: string, seconds: number) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, at(seconds), at(seconds));
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'openlines-build-check-'));
    write('apps/alpha/src/main.ts', 10);
    write('libs/core/src/index.ts', 10);
    write('tsconfig.build.json', 5);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when dist/ or a service entry point is missing', () => {
    expect(start.needsBuild(root, ['alpha'])).toBe(true);
    write('dist/apps/alpha/src/main.js', 20);
    expect(start.needsBuild(root, ['alpha', 'beta'])).toBe(true);
  });

  it('does not build when dist/ is newer than every source', () => {
    write('dist/apps/alpha/src/main.js', 20);
    expect(start.needsBuild(root, ['alpha'])).toBe(false);
  });

  it('builds when a source or a tsconfig changed after the last build', () => {
    write('dist/apps/alpha/src/main.js', 20);
    write('libs/core/src/query/compile.ts', 30);
    expect(start.needsBuild(root, ['alpha'])).toBe(true);
    write('dist/libs/core/src/query/compile.js', 40);
    expect(start.needsBuild(root, ['alpha'])).toBe(false);
    write('tsconfig.build.json', 50);
    expect(start.needsBuild(root, ['alpha'])).toBe(true);
  });

  it('ignores tests and files outside src/, which the build does not compile', () => {
    write('dist/apps/alpha/src/main.js', 20);
    write('apps/alpha/src/main.spec.ts', 30);
    write('apps/alpha/test/alpha.integration.ts', 30);
    write('libs/core/node_modules/x/src/index.ts', 30);
    expect(start.needsBuild(root, ['alpha'])).toBe(false);
  });
});

describe('tools/start.js loadServices', () => {
  const saved = process.env.OPENLINES_SERVICES;
  afterEach(() => {
    if (saved === undefined) delete process.env.OPENLINES_SERVICES;
    else process.env.OPENLINES_SERVICES = saved;
  });

  it('runs the services of deploy/services.json on their ports by default', () => {
    delete process.env.OPENLINES_SERVICES;
    const expected = loadServicesFile().services.map(({ name, port }) => ({ name, port }));
    expect(start.loadServices()).toEqual(expected);
  });

  it('rejects a malformed OPENLINES_SERVICES override', () => {
    process.env.OPENLINES_SERVICES = JSON.stringify([{ name: 'Bad Name', port: 1 }]);
    expect(() => start.loadServices()).toThrow(/bad entry/);
  });
});
