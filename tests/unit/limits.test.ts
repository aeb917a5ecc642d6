import { CANONICAL_HASH_LENGTH } from '../../plugins/roundup/server/src/core/canonical-url';
import {
  FIELD_LIMITS,
  URL_LENGTH,
  fieldLengthProblems,
  frontMatterSizeProblem,
  roundupLengthProblems,
} from '../../plugins/roundup/server/src/core/limits';
import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import { slugFromText } from '../../plugins/roundup/server/src/core/slug';
import entrySchema from '../../plugins/roundup/server/src/content-types/entry/schema';
import roundupSchema from '../../plugins/roundup/server/src/content-types/roundup/schema';
import categorySchema from '../../plugins/roundup/server/src/content-types/category/schema';

const text = (length: number) => 'a'.repeat(length);

describe('FIELD_LIMITS', () => {
  it.each([
    ['roundup', roundupSchema],
    ['entry', entrySchema],
    ['category', categorySchema],
  ] as const)(
    'every text attribute of the %s schema has the maxLength of the table',
    (type, schema) => {
      const attributes = schema.attributes as Record<string, { type: string; maxLength?: number }>;
      const textFields = Object.entries(attributes).filter(([, a]) =>
        ['string', 'text', 'richtext', 'uid'].includes(a.type)
      );
      for (const [field, attribute] of textFields) {
        const limit =
          (FIELD_LIMITS[type] as Record<string, number>)[field] ??
          (
            { canonicalUrl: URL_LENGTH, canonicalHash: CANONICAL_HASH_LENGTH } as Record<
              string,
              number
            >
          )[field];
        expect([field, attribute.maxLength]).toEqual([field, limit]);
      }
    }
  );

  it('keeps URLs in text columns, long enough for 2,048 characters on every database', () => {
    const attributes = entrySchema.attributes as Record<string, { type: string }>;
    expect(URL_LENGTH).toBe(2048);
    for (const field of ['url', 'originalUrl', 'canonicalUrl'])
      expect([field, attributes[field].type]).toEqual([field, 'text']);
  });

  it('keeps strings and slugs within a varchar(255) column', () => {
    for (const [type, fields] of Object.entries(FIELD_LIMITS)) {
      const attributes = { roundup: roundupSchema, entry: entrySchema, category: categorySchema }[
        type
      ]!.attributes as Record<string, { type: string }>;
      for (const [field, limit] of Object.entries(fields)) {
        if (['string', 'uid'].includes(attributes[field].type))
          expect([type, field, limit <= 255]).toEqual([type, field, true]);
      }
    }
  });
});

describe('fieldLengthProblems', () => {
  it.each([
    ['entry', { description: text(20_000) }, []],
    [
      'entry',
      { description: text(20_001) },
      [['description', 'must be at most 20000 characters (it has 20001)']],
    ],
    [
      'entry',
      { title: text(256), url: `https://a.test/${text(2034)}` },
      [
        ['title', 'must be at most 255 characters (it has 256)'],
        ['url', 'must be at most 2048 characters (it has 2049)'],
      ],
    ],
    [
      'entry',
      { url: `https://a.test/${text(2033)}`, originalUrl: `https://a.test/${text(2033)}` },
      [],
    ],
    [
      'entry',
      { originalUrl: `https://a.test/${text(2034)}` },
      [['originalUrl', 'must be at most 2048 characters (it has 2049)']],
    ],
    [
      'roundup',
      { intro: text(20_001), layout: text(101) },
      [
        ['intro', 'must be at most 20000 characters (it has 20001)'],
        ['layout', 'must be at most 100 characters (it has 101)'],
      ],
    ],
    [
      'roundup',
      { frontMatter: { notes: text(20_000) } },
      [['frontMatter', 'must be at most 20000 characters of JSON (it has 20012)']],
    ],
    [
      'category',
      { name: text(121), description: null },
      [['name', 'must be at most 120 characters (it has 121)']],
    ],
  ] as const)('%s %j', (type, data, expected) => {
    expect(
      fieldLengthProblems(type, data as Record<string, unknown>).map((p) => [p.path, p.message])
    ).toEqual(expected);
  });

  it('counts front matter as the characters of its JSON, and accepts none', () => {
    expect(frontMatterSizeProblem(null)).toBeNull();
    expect(frontMatterSizeProblem({ tags: ['a'] })).toBeNull();
  });
});

describe('roundupLengthProblems', () => {
  it('names each over-long field of an imported roundup by its place in the post', () => {
    const roundup: Roundup = {
      title: 'T',
      slug: 't',
      date: '2026-07-31',
      excerpt: null,
      intro: text(20_001),
      outro: null,
      layout: 'post',
      frontMatter: null,
      sections: [
        { category: { name: text(121), slug: 's' }, entries: [] },
        {
          category: { name: 'Tools', slug: 'tools' },
          entries: [
            { title: 'ok', url: 'https://a.test/', author: null, description: text(20_001) },
          ],
        },
      ],
    };
    expect(roundupLengthProblems(roundup).map((p) => p.path)).toEqual([
      'intro',
      'sections[0].name',
      'sections[1].entries[0].description',
    ]);
  });
});

describe('slugFromText', () => {
  it('keeps a slug made from a title within its column, with room for -2, -3 …', () => {
    const slug = slugFromText('& '.repeat(127), 'roundup');
    expect(slug.length).toBeLessThanOrEqual(245);
    expect(slug.endsWith('-')).toBe(false);
  });
});
