import type { Roundup, RoundupSection } from '../../plugins/roundup/server/src/core/model';
import { benchmarkRender } from '../../plugins/roundup/server/src/core/render';

const COMMENTARY =
  'A thorough introduction to lock-free programming. Samy describes the system from the ' +
  'bottom up (cache-coherency protocols, memory models and the *cost* of atomic instructions) ' +
  'and lists the progress guarantees of [nonblocking synchronization](https://example.com/nb): ' +
  'obstruction freedom, lock freedom and `wait freedom`.';

const SECTIONS = ['Articles & Learning', 'Videos', 'Neat Open Source Projects', 'Tools'];

/** `count` entries over four sections, each with about 300 characters of commentary. */
const roundupOf = (count: number): Roundup => {
  const sections: RoundupSection[] = SECTIONS.map((name, at) => ({
    category: { name, slug: `section-${at}` },
    entries: [],
  }));
  for (let n = 0; n < count; n += 1) {
    sections[n % sections.length].entries.push({
      title: `Entry ${n}: hazard pointers, part ${n}`,
      url: `https://blog.example.com/2020/07/entry-${n}/`,
      author: n % 5 === 0 ? null : `Author ${n}`,
      description: `${COMMENTARY} (${n})`,
    });
  }
  return {
    title: `What I've been reading (${count} links)`,
    slug: `bench-${count}`,
    date: '2020-07-31',
    excerpt: 'Here are the articles, videos, and tools that I am excited about this July.',
    intro: 'The format of this entry is stolen from a [monthly roundup](https://example.com/).',
    outro: 'See you next month.',
    layout: 'post',
    frontMatter: { tags: ['roundup'] },
    sections,
  };
};

/** Links in the small and the large roundup: the large one has GROWTH times as many. */
const SMALL = 125;
const GROWTH = 8;

/**
 * How many times longer the large roundup takes than the small one, median
 * against median: a renderer linear in the links gives about GROWTH (less
 * with its fixed costs, a little more with the garbage collector's), a
 * quadratic one GROWTH², far above the bound. The figures themselves are
 * the benchmark's (`npm run bench`); a test only compares them.
 */
const growth = (format: 'markdown' | 'html') => {
  const small = roundupOf(SMALL);
  const large = roundupOf(SMALL * GROWTH);
  return benchmarkRender(large, 7)[format] / benchmarkRender(small, 7)[format];
};

describe('render speed', () => {
  it.each(['markdown', 'html'] as const)(
    'renders %s in time that grows with the number of links, not faster',
    (format) => {
      let ratio = growth(format);
      // One more try before failing: on a shared machine a single run can stall.
      if (ratio >= GROWTH * 3) ratio = Math.min(ratio, growth(format));
      expect(ratio).toBeLessThan(GROWTH * 3);
    }
  );
});
