/** Why `value` is not a calendar date written YYYY-MM-DD, or null when it is one. */
export const isoDateProblem = (value: unknown): string | null => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'is not a valid date' : null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return 'must be a date written YYYY-MM-DD';
  }
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return `is not a day of the calendar (${value})`;
  }
  return null;
};
