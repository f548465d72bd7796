module.exports = {
  ...require('../../jest.preset'),
  displayName: 'sessions',
  rootDir: __dirname,
};
