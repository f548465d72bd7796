// `npm test` runs every project's suite in one jest run (one shared nats-server).
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const preset = require('./jest.preset');

const inFolder = (dir) =>
  existsSync(path.join(__dirname, dir))
    ? readdirSync(path.join(__dirname, dir)).map((name) => path.join(dir, name))
    : [];

const projects = [...inFolder('apps'), ...inFolder('libs'), 'deploy', 'e2e']
  .map((dir) => path.join(__dirname, dir, 'jest.config.js'))
  .filter((file) => existsSync(file));

module.exports = {
  projects,
  globalSetup: preset.globalSetup,
  globalTeardown: preset.globalTeardown,
  testTimeout: 30000,
};
