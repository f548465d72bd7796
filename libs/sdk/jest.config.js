module.exports = {
  ...require('../../jest.preset'),
  displayName: 'sdk',
  rootDir: __dirname,
};
