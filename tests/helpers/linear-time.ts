export const MIB = 1024 * 1024;

/**
 * What a linear path may take for 1 MiB, in CPU time (tens of ms when the machine is idle); a
 * quadratic one takes minutes. CPU time, not wall time, so a busy machine does not fail the test.
 */
export const BOUND_MS_PER_MIB = 4000;

/**
 * Below this, timings are noise (JIT, GC, the app's own timers, a machine whose two cores run
 * three test passes), not growth: CI saw 631 ms of CPU for a 64 KiB import that takes tens of
 * ms on an idle machine. A quadratic path under the floor at 64 KiB still fails at 256 KiB or
 * 1 MiB, 16 to 256 times slower against a budget 1 to 2.7 times the floor.
 */
const FLOOR_MS = 1500;

/**
 * Pathological inputs, each a run of one pattern: the character runs that make
 * hand-written regexes rescan the rest of the input from every position.
 */
export const HOSTILE_PATTERNS: [name: string, unit: string][] = [
  ['[', '['],
  ['![', '!['],
  ['[a](', '[a]('],
  ['](', ']('],
  ['*', '*'],
  ['_', '_'],
  ['**a', '**a'],
  ['backticks', '`'],
  ['<', '<'],
  ['<a ', '<a '],
  ['(', '('],
  ['\\', '\\'],
  ['&#', '&#'],
  ['#', '#'],
  ['spaces and tabs', ' \t'],
  ['/', '/'],
  ['nested quotes', '>'],
  ['nested lists', '- '],
  ['list items', '* [a](https://a.test/) by b\n'],
];

/** `unit` repeated to `bytes` characters (all our patterns are ASCII). */
export const repeatTo = (unit: string, bytes: number): string =>
  unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** Milliseconds of CPU this process has used (the app under test runs in it too). */
export const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const timed = async (work: (input: string) => unknown, input: string) => {
  const started = cpuMs();
  await work(input);
  return cpuMs() - started;
};

const SIZES = [16 * 1024, 64 * 1024, 256 * 1024, MIB];

/**
 * Runs `work` on inputs of growing size up to `maxBytes` (1 MiB by default)
 * and fails as soon as one takes more than a linear budget for its size
 * (BOUND_MS_PER_MIB per MiB, never less than a noise floor). Growing the
 * input makes a quadratic path fail within a second instead of blocking the
 * suite for minutes. Returns the time at the largest size.
 */
export const expectLinear = async (
  work: (input: string) => unknown,
  makeInput: (bytes: number) => string,
  { maxBytes = MIB }: { maxBytes?: number } = {}
): Promise<number> => {
  let last = 0;
  const sizes = [...SIZES.filter((size) => size < maxBytes), maxBytes];
  for (const bytes of sizes) {
    const input = makeInput(bytes);
    const budget = Math.max(FLOOR_MS, (BOUND_MS_PER_MIB * bytes) / MIB);
    last = await timed(work, input);
    // One more try before failing: on a shared machine a single run can stall.
    if (last > budget) last = Math.min(last, await timed(work, input));
    if (last > budget) {
      throw new Error(
        `took ${last.toFixed(0)} ms of CPU for ${bytes} characters; a linear path has ${budget.toFixed(0)} ms`
      );
    }
  }
  return last;
};
