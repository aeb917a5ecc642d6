import type { Roundup, RoundupEntry } from '../../plugins/roundup/server/src/core/model';

/** A link of the roundup model. */
export const entry = (
  title: string,
  url: string,
  author: string | null,
  description: string | null
): RoundupEntry => ({ title, url, author, description });

/** A one-section, one-link roundup in the shape of the July 2020 post; `overrides` replace fields. */
export const julyRoundup = (overrides: Partial<Roundup> = {}): Roundup => ({
  title: "What I've been reading in July",
  slug: 'what-ive-been-reading-in-july',
  date: '2020-07-31',
  excerpt: "Here are the articles, videos, and tools that I'm excited about this July.",
  intro: 'The format of this entry is stolen from a monthly roundup.',
  outro: null,
  layout: 'post',
  frontMatter: null,
  sections: [
    {
      category: { name: 'Articles & Learning', slug: 'articles-and-learning' },
      entries: [
        entry(
          'Flatter wait-free hazard pointers',
          'https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/',
          'Paul Khuong',
          'Paul provides references.'
        ),
      ],
    },
  ],
  ...overrides,
});
