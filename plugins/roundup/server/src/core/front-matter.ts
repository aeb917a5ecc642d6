/** Keys the roundup's own fields write into the front matter. */
export const RESERVED_FRONT_MATTER_KEYS = ['layout', 'title', 'date'] as const;

const KEY_PATTERN = /^[a-z_][\w-]*$/i;

/**
 * Why `value` cannot be a roundup's extra front matter, or null when it can:
 * it must be a plain object with YAML-safe keys, none of which shadows a field
 * the roundup already has.
 */
export const frontMatterProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return 'must be an object of front matter keys and values';
  }
  for (const key of Object.keys(value)) {
    if (!KEY_PATTERN.test(key)) {
      return `key "${key}" must start with a letter or _ and contain only letters, digits, - and _`;
    }
    if ((RESERVED_FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      return `key "${key}" is set by the roundup's own ${key} field`;
    }
  }
  return null;
};
