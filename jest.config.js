// Jest configuration: TypeScript through @swc/jest; unit, integration, emulator and browser suites.
/** @type {import('jest').Config} */
module.exports = {
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/emulator/test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  // Jest's default on a 2-core machine is one worker: the suites are independent, so use both cores.
  maxWorkers: 2,
};
