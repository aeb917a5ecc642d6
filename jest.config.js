/** Unit tests run the plugin's pure core from source; API tests boot the real app. */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
};

/**
 * Suites under a `once/` folder (real Jekyll and Hugo builds, the pull command against a
 * scripted server) give the same result on every database: CI runs them on its SQLite pass only.
 */
const once =
  !process.env.DATABASE_CLIENT || process.env.DATABASE_CLIENT === 'sqlite' ? [] : ['/once/'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...once],
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...once],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 120000,
  // A suite that fails mid-boot can leave a pool or timer behind; CI must not wait on it.
  forceExit: true,
};
