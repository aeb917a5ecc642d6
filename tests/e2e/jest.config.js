/**
 * The browser suite: `npm run test:e2e` builds the admin panel, then drives
 * Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with
 * playwright-core against the app served on a free port.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  testTimeout: 180000,
  forceExit: true,
};
