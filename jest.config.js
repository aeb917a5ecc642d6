/** Unit tests run the plugin's pure core from source; API tests boot the real app. */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
};

/**
 * Suites whose result cannot depend on the database (the pure core's unit tests, real Jekyll
 * and Hugo builds, the pull command against a scripted server: `tests/unit/`, `tests/jekyll/`
 * and any `once/` folder) run once per CI run, with the SQLite pass, not again on PostgreSQL
 * and MariaDB.
 */
const onceNotPerDatabase = (process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite';
const ignored = ['/node_modules/', ...(onceNotPerDatabase ? [] : ['/once/'])];

module.exports = {
  projects: [
    ...(onceNotPerDatabase
      ? [
          {
            displayName: 'unit',
            testEnvironment: 'node',
            transform,
            testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
            testPathIgnorePatterns: ignored,
          },
        ]
      : []),
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      testPathIgnorePatterns: ignored,
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      slowTestThreshold: 30,
    },
    ...(onceNotPerDatabase
      ? [
          {
            displayName: 'jekyll',
            testEnvironment: 'node',
            transform,
            testMatch: ['<rootDir>/tests/jekyll/**/*.test.ts'],
          },
        ]
      : []),
  ],
  testTimeout: 120000,
  // A suite that fails mid-boot can leave a pool or timer behind; CI must not wait on it.
  forceExit: true,
};
