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

describe('render speed', () => {
  it.each([14, 500])('renders %i entries in milliseconds', (count) => {
    const { markdown, html } = benchmarkRender(roundupOf(count), 25);
    console.log(
      `${count} entries, median ms: markdown ${markdown.toFixed(2)}, html ${html.toFixed(2)}`
    );
    expect(markdown).toBeLessThan(200);
    expect(html).toBeLessThan(200);
  });
});
