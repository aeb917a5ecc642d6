import path from 'node:path';

/**
 * Builds what the API suites boot, once per test run (scripts/build-for-tests.js),
 * unless ROUNDUP_TEST_PREBUILT=1 says it is built already: several runs side
 * by side (CI's three databases) must not rewrite the files another is booting.
 */
export default async () => {
  if (process.env.ROUNDUP_TEST_PREBUILT === '1') return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain script, also run on its own
  const { buildForTests } = require(path.resolve(__dirname, '../../scripts/build-for-tests.js'));
  buildForTests();
};
