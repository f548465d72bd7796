module.exports = {
  ...require('../../jest.preset'),
  displayName: 'metrics',
  rootDir: __dirname,
};
