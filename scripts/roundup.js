'use strict';
/**
 * npm run roundup -- import <files...> [--publish] [--dry-run] [--replace] [--date YYYY-MM-DD]
 * npm run roundup -- export --out <dir>
 * npm run roundup -- reindex
 *
 * Boots the app (its database settings come from the environment, as for
 * `npm run develop`) and imports Jekyll roundup posts or exports every
 * published roundup as <YYYY-MM-DD>-<slug>.md, Jekyll's _posts naming, or
 * rebuilds the search index from the links (after a `strapi import`, say).
 */
const fs = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');
const usage =
  'usage: npm run roundup -- import <files...> [--publish] [--dry-run] [--replace] [--date YYYY-MM-DD]\n' +
  '       npm run roundup -- export --out <dir>\n' +
  '       npm run roundup -- reindex';

const parseArgs = (argv) => {
  const [command, ...rest] = argv;
  const options = {
    command,
    files: [],
    publish: false,
    dryRun: false,
    replace: false,
    date: undefined,
    out: undefined,
  };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--publish') options.publish = true;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--replace') options.replace = true;
    else if (arg === '--date') options.date = rest[(i += 1)];
    else if (arg === '--out') options.out = rest[(i += 1)];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${usage}`);
    else options.files.push(arg);
  }
  if (command === 'import' && options.files.length === 0)
    throw new Error(`import needs at least one file\n${usage}`);
  if (command === 'export' && !options.out) throw new Error(`export needs --out <dir>\n${usage}`);
  if (!['import', 'export', 'reindex'].includes(command)) throw new Error(usage);
  return options;
};

const describeError = (error) => {
  const details = error.details?.errors;
  return details?.length ? details.map((e) => e.message).join('\n    ') : error.message;
};

const runImport = async (strapi, options) => {
  const importer = strapi.plugin('roundup').service('importer');
  let failed = 0;
  for (const file of options.files) {
    try {
      const markdown = fs.readFileSync(file, 'utf8');
      const { body } = await importer.import({
        markdown,
        fileName: path.basename(file),
        date: options.date,
        publish: options.publish,
        dryRun: options.dryRun,
        replace: options.replace,
      });
      const names = (body.roundup?.sections ?? []).map((s) => s.category?.name).filter(Boolean);
      console.log(
        `${file}: ${options.dryRun ? 'would import' : `imported as ${body.slug}`}, ${body.sections} sections, ${body.entries} entries`
      );
      if (names.length) console.log(`  sections: ${names.join(', ')}`);
      for (const problem of body.problems ?? [])
        console.log(`  error: ${problem.path}: ${problem.message}`);
      for (const warning of body.warnings)
        console.log(`  warning, line ${warning.line}: ${warning.message}`);
      if (body.problems?.length) failed += 1;
    } catch (error) {
      failed += 1;
      console.error(`${file}: failed: ${describeError(error)}`);
    }
  }
  return failed;
};

const runExport = async (strapi, options) => {
  const rows = await strapi
    .documents('plugin::roundup.roundup')
    .findMany({ status: 'published', fields: ['documentId'] });
  fs.mkdirSync(options.out, { recursive: true });
  const importer = strapi.plugin('roundup').service('importer');
  for (const { documentId } of rows) {
    const exported = await importer.export(documentId, 'published');
    fs.writeFileSync(path.join(options.out, exported.fileName), exported.markdown);
    console.log(path.join(options.out, exported.fileName));
  }
  return 0;
};

const runReindex = async (strapi) => {
  const started = Date.now();
  const held = await strapi.plugin('roundup').service('search-index').rebuild();
  console.log(
    `search index rebuilt: ${held} links in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  return 0;
};

const COMMANDS = { import: runImport, export: runExport, reindex: runReindex };

(async () => {
  const options = parseArgs(process.argv.slice(2));
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  const strapi = await createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  let failed = 0;
  try {
    failed = await COMMANDS[options.command](strapi, options);
  } finally {
    await strapi.destroy();
  }
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.error(error.message);
  process.exit(2);
});
