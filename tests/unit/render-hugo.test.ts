import { inertShortcodes, renderHugo } from '../../plugins/roundup/server/src/core/render';
import { expectLinear, repeatTo } from '../helpers/linear-time';
import type { Roundup } from '../../plugins/roundup/server/src/core/model';

const options = {
  rawHtml: 'sanitize' as const,
  liquidTags: ['post_url', 'link'],
  site: { siteUrl: 'https://site.example', permalink: '/:year/:month/:day/:slug/' },
  otherSection: 'Other',
};

const roundup = (fields: Partial<Roundup> = {}): Roundup => ({
  title: 'What I read in July',
  slug: 'july',
  date: '2026-07-31',
  excerpt: null,
  intro: null,
  outro: null,
  layout: 'post',
  frontMatter: null,
  sections: [],
  ...fields,
});

describe('inertShortcodes', () => {
  it.each([
    ['no braces at all', 'plain text', 'plain text'],
    ['Go template braces Hugo leaves alone in content', '{{ .Title }}', '{{ .Title }}'],
    ['a shortcode', '{{< youtube abc >}}', '{{</* youtube abc */>}}'],
    ['a Markdown shortcode', '{{% note %}}x{{% /note %}}', '{{%/* note */%}}x{{%/* /note */%}}'],
    ['one inside another', '{{< a {{< b >}}', '{{</* a {{< b */>}}'],
    ['a closer that looks like the escape', '{{< a */>}}', '{{</* a */*/>}}'],
    ['an opener with no closer', 'see {{< and more', 'see {\\{< and more'],
    ['three braces', '{{{< x >}}', '{{{</* x */>}}'],
    ['both kinds, one unclosed', '{{% a {{< b >}}', '{\\{% a {{</* b */>}}'],
  ])('%s', (_what, text, expected) => {
    expect(inertShortcodes(text)).toBe(expected);
  });

  it.each(['{{<', '{{%', '{{< a >}}', '{{'])(
    'takes time linear in the length of a run of %j',
    async (unit) => {
      await expectLinear(inertShortcodes, (bytes) => repeatTo(unit, bytes));
    }
  );
});

describe('renderHugo', () => {
  it('writes the front matter Hugo reads and leaves out Jekyll-only and clashing keys', () => {
    const text = renderHugo(
      roundup({ title: 'Yes', frontMatter: { tags: ['a', 'b'], draft: true, slug: 'other' } }),
      options
    );
    expect(text.split('---\n')[1]).toBe(
      'title: "Yes"\ndate: 2026-07-31\nslug: july\ndraft: false\ntags:\n  - a\n  - b\n'
    );
  });

  it('puts the excerpt before the summary divider and each commentary under its link', () => {
    const text = renderHugo(
      roundup({
        excerpt: 'The month in links.',
        intro: 'Intro {% post_url 2026-06-30-june %} and {{ page.title }}.',
        sections: [
          {
            category: { name: 'Articles & Learning', slug: 'articles' },
            entries: [
              {
                title: 'A *star*',
                url: 'https://a.example/{{<x>}}',
                author: 'Ann',
                description: 'Why {{< y >}}.',
              },
              {
                title: 'B',
                url: 'https://b.example/',
                author: null,
                description: '- a list first',
              },
            ],
          },
          {
            category: null,
            entries: [{ title: 'C', url: 'https://c.example/', author: null, description: null }],
          },
        ],
      }),
      options
    );
    expect(text.split('---\n')[2]).toBe(
      [
        '',
        'The month in links.',
        '',
        '<!--more-->',
        '',
        'Intro https://site.example/2026/06/30/june/ and {{ page.title }}.',
        '',
        '## Articles & Learning',
        '',
        // Braces in a URL are character references, which Goldmark reads back (and no shortcode opens).
        '* [A \\*star\\*](<https://a.example/&#123;&#123;\\<x\\>&#125;&#125;>) by Ann\\',
        '  Why {{</* y */>}}.',
        '* [B](https://b.example/)',
        '',
        '  - a list first',
        '',
        '## Other',
        '',
        '* [C](https://c.example/)',
        '',
      ].join('\n')
    );
  });
});

describe('renderHugo: list items without a link', () => {
  it('writes them after the link they follow, at the top level of the list', () => {
    const body = renderHugo(
      roundup({
        sections: [
          {
            category: { name: 'Videos', slug: 'videos' },
            entries: [
              {
                title: 'Trees',
                url: 'https://video.example.com/trees',
                author: null,
                description: 'A talk.',
                textAfter: '* No recording; [the slides](https://example.com/s) are up.',
              },
              { title: 'Next', url: 'https://example.com/next', author: null, description: null },
            ],
          },
        ],
      }),
      options
    );
    expect(body).toContain(
      [
        '## Videos',
        '',
        '* [Trees](https://video.example.com/trees)\\',
        '  A talk.',
        '* No recording; [the slides](https://example.com/s) are up.',
        '* [Next](https://example.com/next)',
      ].join('\n')
    );
  });
});
