/**
 * Posts in the style of the real roundups, made from them deterministically: a
 * seeded generator reorders their sections, nests some under `###`/`####`, links
 * and punctuates headings, gives sections prose, lengthens URLs up to 2,048
 * characters, adds footnotes and list items without a link of their own.
 */
import { seededRandom } from './seeded-random';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number) => random() < p;

interface PostParts {
  front: string[];
  /** Lines before the first heading: excerpt and intro. */
  before: string[];
  sections: { heading: string; body: string[] }[];
}

const splitPost = (post: string): PostParts => {
  const lines = post.replace(/\r\n?/g, '\n').split('\n');
  const frontEnd = lines.indexOf('---', 1);
  const front = lines.slice(0, frontEnd + 1);
  const parts: PostParts = { front, before: [], sections: [] };
  for (const line of lines.slice(frontEnd + 1)) {
    if (/^#{1,6} /.test(line)) parts.sections.push({ heading: line, body: [] });
    else if (parts.sections.length === 0) parts.before.push(line);
    else parts.sections[parts.sections.length - 1].body.push(line);
  }
  return parts;
};

const ENTRY_LINE = /^[*-] \[[^\]]+\]\((https?:\/\/[^)\s]+)\)/;

/** A URL of `length` characters on an example host, query and fragment included. */
const longUrl = (random: Random, length: number): string => {
  const head = `https://archive${Math.floor(random() * 1000)}.example.com/read?from=newsletter&id=`;
  const tail = '#section-2';
  const middle = Array.from({ length: length - head.length - tail.length }, () =>
    pick(random, [...'abcdef0123456789'])
  ).join('');
  return head + middle + tail;
};

const PUNCTUATION = ['!', ' & More', ' (and friends)', ': the rest', '?', ' — Part 2', ', etc.'];
const PROSE = [
  'A quieter month here, but a good one.',
  'Mostly *long reads* this time; take your time with them.',
  'Two of these came from readers: thank you!',
];
const LINKLESS = [
  '* No recording of the meetup this time.',
  '* No video yet; [the slides](https://slides.example.com/meetup) and [the notes](https://notes.example.com/meetup) are up.',
  '* Also worth a look, with [a follow-up](https://follow.example.org/up).',
  '- Noah',
];

export interface Variation {
  name: string;
  post: string;
}

/** The `index`th variation of `post` (named `name`), made with `seed`. */
export const variation = (name: string, post: string, index: number, seed: number): Variation => {
  const random = seededRandom(seed * 7919 + index);
  const { front, before, sections } = splitPost(post);
  const changes: string[] = [];

  // Sections reordered: a shuffle that keeps each section's own lines.
  if (sections.length > 1 && chance(random, 0.7)) {
    for (let at = sections.length - 1; at > 0; at -= 1) {
      const other = Math.floor(random() * (at + 1));
      [sections[at], sections[other]] = [sections[other], sections[at]];
    }
    changes.push('reordered');
  }
  sections.forEach((section, s) => {
    let name = section.heading.replace(/^#+ /, '');
    let marks = '##';
    if (s > 0 && chance(random, 0.4)) {
      marks = pick(random, ['###', '####']);
      changes.push(`${marks} ${name}`);
    }
    if (chance(random, 0.3)) {
      name += pick(random, PUNCTUATION);
      changes.push('punctuated heading');
    }
    const heading = chance(random, 0.2)
      ? `[${name}](https://lists.example.org/${s}?from=roundup&section=${index})`
      : name;
    if (heading !== name) changes.push('linked heading');
    section.heading = `${marks} ${heading}`;

    let body = [...section.body];
    if (chance(random, 0.3)) {
      const footnote = chance(random, 0.5) ? ` See the note.[^${s + 1}]` : '';
      body = ['', `${pick(random, PROSE)}${footnote}`, '', ...body];
      changes.push(footnote ? 'prose with a footnote' : 'prose');
    }
    // Long URLs, up to the 2,048 characters a link may have.
    body = body.map((line) => {
      const entry = ENTRY_LINE.exec(line);
      if (!entry || !chance(random, 0.15)) return line;
      const length = pick(random, [300, 1024, 1500, 2048]);
      changes.push(`${length}-character URL`);
      return line.replace(entry[1], longUrl(random, length));
    });
    // An item without a link of its own before a later entry of the section.
    const entries = body.flatMap((line, at) => (ENTRY_LINE.test(line) ? [at] : []));
    if (entries.length > 1 && chance(random, 0.35)) {
      const at = entries[1 + Math.floor(random() * (entries.length - 1))];
      const item = pick(random, LINKLESS);
      body.splice(at, 0, item);
      changes.push('item without a link');
    }
    section.body = body;
  });

  const footnotes = sections
    .map((section, s) => (section.body.some((line) => line.includes(`[^${s + 1}]`)) ? s + 1 : 0))
    .filter((n) => n > 0);
  const end =
    footnotes.length > 0
      ? ['', '', ...footnotes.map((n) => `[^${n}]: A footnote about section ${n}.`)]
      : [];
  const body = [...before, ...sections.flatMap((section) => [section.heading, ...section.body])];
  // Footnote definitions go at the end, as the posts write them.
  const text = `${[...front, ...body].join('\n').trimEnd()}\n`;
  return {
    name: `${name} #${index} (${changes.join(', ') || 'as written'})`,
    post: end.length > 0 ? `${text.trimEnd()}${end.join('\n')}\n` : text,
  };
};
