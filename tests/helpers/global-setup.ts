import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds what the app runs: the plugin's server code and the host app's
 * TypeScript, once per test run.
 */
export default async () => {
  const root = path.resolve(__dirname, '..', '..');
  const tsc = require.resolve('typescript/bin/tsc');
  // A file left from an older layout (routes/admin.js beside routes/admin/) would shadow the new one.
  fs.rmSync(path.join(root, 'plugins/roundup/dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, '-p', 'plugins/roundup/server/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
};
