/** The error message of a failed admin API call, in Strapi's error envelope or not. */
export const errorMessage = (error: any): string =>
  error?.response?.data?.error?.message ?? error?.message ?? 'Something went wrong';

/** The per-field messages of a 400, keyed by the dotted path. */
export const fieldErrors = (error: any): Record<string, string> => {
  const details = error?.response?.data?.error?.details?.errors ?? [];
  return Object.fromEntries(details.map((e: any) => [e.path.join('.'), e.message]));
};
