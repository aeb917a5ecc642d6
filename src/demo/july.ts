/**
 * The demo roundup: the sections of the real series and one month in its
 * format. The links are real; the commentary is ours.
 */
export const demoCategories = [
  {
    name: 'Articles & Learning',
    position: 1,
    description: 'Articles, papers and write-ups worth the time.',
  },
  { name: 'Videos', position: 2, description: 'Talks, lectures and screencasts.' },
  {
    name: 'Neat Open Source Projects',
    position: 3,
    description: 'Projects whose code is worth reading.',
  },
  { name: 'Tools', position: 4, description: 'Things that made the work easier.' },
];

type DemoEntry = { title: string; url: string; author?: string; description: string };

export const demoRoundup = {
  title: "What I've been reading in July",
  date: '2026-07-31',
  layout: 'post',
  excerpt: "Here are the articles, videos, and tools that I'm excited about this July.",
  intro:
    'A month of reading about databases, concurrency and the tools around them. As always, the links are in no particular order within a section.',
  outro: 'Found something I should read next month? Send it my way.',
  frontMatter: { tags: ['roundup', 'reading'] },
  sections: {
    'Articles & Learning': [
      {
        title: 'What every programmer should know about memory',
        url: 'https://lwn.net/Articles/250967/',
        author: 'Ulrich Drepper',
        description:
          'Old but still the best long read on caches, NUMA and why memory layout decides performance. The chapter on what programmers can do is the one to reread.',
      },
      {
        title: 'How does SQLite work?',
        url: 'https://jvns.ca/blog/2014/09/27/how-does-sqlite-work-part-1-pages/',
        author: 'Julia Evans',
        description:
          "A curious walk through the pages of a database file, in the style that makes Julia's posts easy to follow. A good first step before reading the file format documentation.",
      },
      {
        title: 'Files are hard',
        url: 'https://danluu.com/file-consistency/',
        author: 'Dan Luu',
        description:
          'A survey of how file systems and applications lose data on crashes, and how few programs get `fsync` right. Sobering reading for anyone who writes a storage layer.',
      },
      {
        title:
          "The Log: What every software engineer should know about real-time data's unifying abstraction",
        url: 'https://engineering.linkedin.com/distributed-systems/log-what-every-software-engineer-should-know-about-real-time-datas-unifying',
        author: 'Jay Kreps',
        description:
          'The essay that explains why an append-only log sits under databases, replication and stream processing alike.',
      },
    ],
    Videos: [
      {
        title: 'Performance Matters',
        url: 'https://www.youtube.com/watch?v=r-TLSBdHe1A',
        author: 'Emery Berger',
        description:
          'Why measured speed-ups lie (layout effects, noise) and how causal profiling tells you which code is worth optimising.',
      },
      {
        title: 'Simple Made Easy',
        url: 'https://www.infoq.com/presentations/Simple-Made-Easy/',
        author: 'Rich Hickey',
        description:
          'The distinction between simple and easy, and why choosing the first keeps paying off. I rewatch it every year or so.',
      },
    ],
    'Neat Open Source Projects': [
      {
        title: 'Litestream',
        url: 'https://github.com/benbjohnson/litestream',
        description:
          'Streams SQLite changes to object storage, so a single-file database gets point-in-time recovery. Small, readable Go.',
      },
      {
        title: 'Jepsen',
        url: 'https://github.com/jepsen-io/jepsen',
        author: 'Kyle Kingsbury',
        description:
          'The framework behind the Jepsen analyses of distributed databases. The checker code is a lesson in testing consistency claims.',
      },
    ],
    Tools: [
      {
        title: 'hyperfine',
        url: 'https://github.com/sharkdp/hyperfine',
        description:
          'A command-line benchmarking tool with warm-up runs and statistical output. My default for timing shell commands.',
      },
      {
        title: 'ripgrep',
        url: 'https://github.com/BurntSushi/ripgrep',
        description:
          'Fast recursive search that respects `.gitignore`. Once you have it, `grep -r` feels slow.',
      },
      {
        title: 'jq',
        url: 'https://jqlang.github.io/jq/',
        description:
          'sed for JSON. Worth learning beyond `.foo.bar` for its `select` and `map` filters.',
      },
    ],
  } satisfies Record<string, DemoEntry[]>,
};
