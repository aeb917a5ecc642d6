import fs from 'node:fs';
import path from 'node:path';

/**
 * What npm installs into a user's app: nothing may make it add a second copy
 * of a Strapi package (strapi/strapi#22488), and Strapi must find every entry.
 */
const PLUGIN = path.resolve(__dirname, '..', '..', 'plugins', 'roundup');
const pkg = JSON.parse(fs.readFileSync(path.join(PLUGIN, 'package.json'), 'utf8'));

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

describe('the strapi-plugin-roundup package', () => {
  it('depends on Strapi only through peers the host app already has', () => {
    const dependencies = Object.keys(pkg.dependencies ?? {});
    expect(
      dependencies.filter(
        (name) =>
          name.startsWith('@strapi/') ||
          /^(?:react|react-dom|react-router-dom|styled-components|react-intl)$/.test(name)
      )
    ).toEqual([]);
    expect(
      Object.keys(pkg.peerDependencies)
        .filter((name) => name.startsWith('@strapi/'))
        .sort()
    ).toEqual(['@strapi/design-system', '@strapi/icons', '@strapi/strapi']);
  });

  it('never loads @strapi/utils from its own code (types only)', () => {
    const offenders = [
      ...sourceFiles(path.join(PLUGIN, 'server', 'src')),
      ...sourceFiles(path.join(PLUGIN, 'admin', 'src')),
    ]
      .filter((file) =>
        /^import (?!type )[^;]*from '@strapi\/utils'/m.test(fs.readFileSync(file, 'utf8'))
      )
      .map((file) => path.relative(PLUGIN, file));
    expect(offenders).toEqual([]);
  });

  it('exports the server and admin entries with types first and default last, and ships only dist', () => {
    for (const entry of ['./strapi-server', './strapi-admin', './client']) {
      const keys = Object.keys(pkg.exports[entry]);
      expect([entry, keys[0], keys[keys.length - 1]]).toEqual([entry, 'types', 'default']);
    }
    expect(pkg.exports['./package.json']).toBe('./package.json');
    expect(pkg.files).toEqual(['dist', 'openapi.json', 'README.md', 'LICENSE']);
    expect(pkg.scripts.prepack).toBe('npm run build');
  });
});
