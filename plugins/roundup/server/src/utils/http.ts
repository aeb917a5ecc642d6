/** Answers 409 Conflict in Strapi's usual error envelope. */
export const conflict = (
  ctx: { status: number; body: unknown },
  message: string,
  details: Record<string, unknown> = {}
) => {
  ctx.status = 409;
  ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message, details } };
};

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
