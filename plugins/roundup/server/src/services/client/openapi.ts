import type { Core } from '@strapi/strapi';
import { strongEtag } from '../../core/http-cache';
import { buildOpenApiDocument } from '../../openapi/document';
import { getPluginConfig } from '../../utils/config';
import type { RenderedOutput } from './rendered';

/**
 * The OpenAPI document as this app serves it: its REST prefix and page sizes.
 * Both are fixed at startup, so the body is built once per process.
 */
const openapi = ({ strapi }: { strapi: Core.Strapi }) => {
  let output: RenderedOutput | null = null;

  return {
    document() {
      const { defaultPageSize, maxPageSize } = getPluginConfig(strapi);
      const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
      return buildOpenApiDocument({ basePath: `${prefix}/roundup`, defaultPageSize, maxPageSize });
    },

    output(): RenderedOutput {
      if (!output) {
        const body = Buffer.from(`${JSON.stringify(this.document(), null, 2)}\n`, 'utf8');
        output = {
          body,
          contentType: 'application/json; charset=utf-8',
          etag: strongEtag(body),
          lastModified: new Date(),
        };
      }
      return output;
    },
  };
};

export type OpenApiService = ReturnType<typeof openapi>;
export default openapi;
