// The end-to-end suite: builds the services (npm run build), starts each as its own process on the
// test nats-server and drives them with the SDK over NATS and over HTTP. Its timeouts are set in
// the spec (jest.setTimeout), which holds under the root config too.
const path = require('node:path');

module.exports = {
  ...require('../jest.preset'),
  displayName: 'e2e',
  rootDir: __dirname,
  globalSetup: path.join(__dirname, 'support/global-setup.js'),
};
