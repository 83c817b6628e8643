// Jest configuration: TypeScript through @swc/jest; unit, integration, emulator and browser suites.
/** @type {import('jest').Config} */
module.exports = {
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/emulator/test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
};
