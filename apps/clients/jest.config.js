module.exports = {
  ...require('../../jest.preset'),
  displayName: 'clients',
  rootDir: __dirname,
};
