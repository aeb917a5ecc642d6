import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds what the app runs: the plugin's server code and the host app's
 * TypeScript, once per test run.
 */
export default async () => {
  const root = path.resolve(__dirname, '..', '..');
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'plugins/roundup/server/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
};
