/** A failed admin API call as the admin panel's fetch client throws it, in Strapi's error envelope. */
interface FailedCall {
  message?: unknown;
  status?: unknown;
  response?: {
    status?: unknown;
    data?: {
      error?: {
        message?: unknown;
        details?: { errors?: { path?: unknown; message?: unknown }[] };
      };
    };
  };
}

const asFailedCall = (error: unknown): FailedCall =>
  typeof error === 'object' && error !== null ? (error as FailedCall) : {};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const number = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The error message of a failed admin API call, in Strapi's error envelope or not. */
export const errorMessage = (error: unknown): string => {
  const failed = asFailedCall(error);
  return (
    text(failed.response?.data?.error?.message) ?? text(failed.message) ?? 'Something went wrong'
  );
};

/** The HTTP status of a failed admin API call, when there was a response. */
export const errorStatus = (error: unknown): number | undefined => {
  const failed = asFailedCall(error);
  return number(failed.status) ?? number(failed.response?.status);
};

/** The per-field messages of a 400, keyed by the dotted path. */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const details = asFailedCall(error).response?.data?.error?.details?.errors;
  if (!Array.isArray(details)) return {};
  return Object.fromEntries(
    details.flatMap(({ path, message }) =>
      Array.isArray(path) && typeof message === 'string' ? [[path.join('.'), message]] : []
    )
  );
};
