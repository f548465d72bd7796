// `npm test` runs every project's suite in one jest run (one shared nats-server).
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const projects = ['apps', 'libs'].flatMap((dir) =>
  existsSync(path.join(__dirname, dir))
    ? readdirSync(path.join(__dirname, dir))
        .map((name) => path.join(__dirname, dir, name, 'jest.config.js'))
        .filter((file) => existsSync(file))
    : [],
);

module.exports = {
  projects,
  globalSetup: require('./jest.preset').globalSetup,
  globalTeardown: require('./jest.preset').globalTeardown,
  testTimeout: 30000,
};
