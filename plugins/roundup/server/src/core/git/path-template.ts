/** What a path template may hold besides text: `{date}` is YYYY-MM-DD. */
export const PATH_PLACEHOLDERS = ['date', 'year', 'month', 'day', 'slug'] as const;

type Placeholder = (typeof PATH_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Why `template` cannot name a roundup's file in a repository, or null when it can. */
export const pathTemplateProblem = (template: string): string | null => {
  if (!template.trim()) return 'must not be empty';
  if (template.length > 200) return 'must be at most 200 characters';
  if (template.startsWith('/')) return 'must be relative to the root of the repository';
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!(PATH_PLACEHOLDERS as readonly string[]).includes(match[1])) {
      return `uses {${match[1]}}; the placeholders are ${PATH_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
    }
  }
  if (!template.includes('{slug}')) return 'must hold {slug}, so that each roundup has a file';
  const parts = template.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    return 'must not hold empty, "." or ".." segments';
  if (parts[0] === '.git') return 'must not write into .git';
  if (/[\\\0:*?"<>|]/.test(template)) return 'must not hold \\ : * ? " < > | or control characters';
  return null;
};

/** The file of a roundup under `template` (checked with pathTemplateProblem first). */
export const roundupFilePath = (
  template: string,
  roundup: { date: string; slug: string }
): string => {
  const [year, month, day] = roundup.date.slice(0, 10).split('-');
  const values: Record<Placeholder, string> = {
    date: roundup.date.slice(0, 10),
    year,
    month,
    day,
    slug: roundup.slug,
  };
  return template.replace(PLACEHOLDER, (_, name: string) => values[name as Placeholder]);
};
