// Shared jest settings: every project compiles TypeScript with SWC (decorator metadata on, for
// NestJS) and resolves the workspace's @openlines/* libraries from source.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@openlines/([a-z-]+)$': path.join(root, 'libs/$1/src/index.ts'),
  },
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.test.ts'],
  setupFilesAfterEnv: [path.join(root, 'libs/testing/src/jest/timeout.js')],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: path.join(root, 'libs/testing/src/jest/global-setup.js'),
  globalTeardown: path.join(root, 'libs/testing/src/jest/global-teardown.js'),
};
