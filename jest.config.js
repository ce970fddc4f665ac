/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  // Two test files at a time: the bundle tests are single-threaded CPU work, and CI has two cores
  // (Jest's default would be one worker there). The browser tests run in band (package.json).
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/support/global-setup.js',
};
