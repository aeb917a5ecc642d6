import { z } from 'zod';

/** The plugin's options, under `roundup.config` in the app's config/plugins.ts. */
export const configSchema = z
  .object({
    /** Page size of GET /api/roundup/roundups when the request names none. */
    defaultPageSize: z.number().int().min(1).max(100),
    /** The largest page size a request may ask for. */
    maxPageSize: z.number().int().min(1).max(1000),
  })
  .strict()
  .refine((config) => config.defaultPageSize <= config.maxPageSize, {
    message: 'defaultPageSize must not exceed maxPageSize',
    path: ['defaultPageSize'],
  });

export type RoundupConfig = z.infer<typeof configSchema>;

const defaults: RoundupConfig = {
  defaultPageSize: 10,
  maxPageSize: 100,
};

export default {
  default: defaults,
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (result.success) return;
    const messages = result.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `"${issue.path.join('.')}" ${issue.message}`
    );
    throw new Error(messages.join('; '));
  },
};
