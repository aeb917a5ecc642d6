/**
 * Development fallbacks for the secrets Strapi requires, so that a fresh clone
 * runs the demo and the tests with no .env file. In production every secret
 * must come from the environment: a missing one stops startup.
 */
export const secret = (
  env: { (key: string): string | undefined },
  name: string,
  devValue: string
): string => {
  const value = env(name);
  if (value) return value;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(`${name} must be set in production (see .env.example)`);
  }
  return `roundup-dev-only-${devValue}`;
};
