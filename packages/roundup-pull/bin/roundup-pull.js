#!/usr/bin/env node
'use strict';
const { version } = require('../package.json');
const { parseOptions, USAGE, UsageError } = require('../lib/options');
const { InterruptedError, PullError, pull } = require('../lib/pull');

/** @param {import('../lib/pull').Report} report */
const summary = (report) => {
  const counts = `${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed, ${report.kept.length} kept, ${report.unchanged} unchanged`;
  const requests = `${report.requests} request${report.requests === 1 ? '' : 's'}`;
  return `roundup-pull: ${report.dryRun ? 'dry run, would have ' : ''}${counts} (${requests})`;
};

const main = async () => {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`roundup-pull: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in options) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('version' in options) {
    process.stdout.write(`${version}\n`);
    return 0;
  }

  const interrupt = new AbortController();
  /** @type {string | undefined} */
  let signalName;
  for (const name of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(name, () => {
      signalName = name;
      interrupt.abort();
    });
  }
  const warn = (/** @type {string} */ message) =>
    process.stderr.write(`roundup-pull: ${message}\n`);
  try {
    const report = await pull(options, { signal: interrupt.signal, warn });
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else if (!options.quiet) {
      const verb = report.dryRun ? 'would be ' : '';
      for (const file of report.added) process.stdout.write(`${verb}added   ${file}\n`);
      for (const file of report.updated) process.stdout.write(`${verb}updated ${file}\n`);
      for (const file of report.removed) process.stdout.write(`${verb}removed ${file}\n`);
      process.stdout.write(`${summary(report)}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof PullError)) throw error;
    const cause =
      error instanceof InterruptedError
        ? `interrupted by ${signalName ?? 'a signal'}`
        : error.message;
    const message = `${cause}; nothing was removed, and the next run picks up from here`;
    if (options.json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
    process.stderr.write(`roundup-pull: ${message}\n`);
    return error instanceof InterruptedError ? 130 : 1;
  }
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`roundup-pull: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  }
);
