/**
 * Types of the plugin's public responses, for frontends that fetch them:
 * `import type { … } from 'strapi-plugin-roundup/client'`.
 */
export {};
