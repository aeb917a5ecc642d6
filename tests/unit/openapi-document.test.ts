import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildOpenApiDocument,
  CONTRACT_VERSION,
  openApiDocument,
} from '../../plugins/roundup/server/src/openapi/document';
import contentApi from '../../plugins/roundup/server/src/routes/content-api';

const PLUGIN = path.resolve(__dirname, '../../plugins/roundup');
const SHIPPED = path.join(PLUGIN, 'openapi.json');
const serialized = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/**
 * Checks documents with @seriousme/openapi-schema-validator (the official 3.1
 * schema, and every $ref resolved); it is an ES module, so it runs in a child.
 */
const validateOpenApi = (...documents: unknown[]): { valid: boolean; errors?: unknown }[] => {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    const documents = JSON.parse(await new Promise((done) => {
      let input = '';
      process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => done(input));
    }));
    const results = [];
    for (const document of documents) results.push(await new Validator().validate(document));
    process.stdout.write(JSON.stringify(results));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: path.resolve(__dirname, '../..'),
    input: JSON.stringify(documents),
    encoding: 'utf8',
  });
  return JSON.parse(output);
};

/** Every object schema under `node`, with its JSON pointer. */
const objectSchemas = (node: unknown, pointer = ''): [string, Record<string, unknown>][] => {
  if (!node || typeof node !== 'object') return [];
  const here: [string, Record<string, unknown>][] = [];
  const record = node as Record<string, unknown>;
  const type = record.type;
  if (type === 'object' || (Array.isArray(type) && type.includes('object')))
    here.push([pointer, record]);
  return [
    ...here,
    ...Object.entries(record).flatMap(([key, value]) => objectSchemas(value, `${pointer}/${key}`)),
  ];
};

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', () => {
    const dangling = structuredClone(openApiDocument) as any;
    dangling.paths['/roundups'].get.responses['200'].content['application/json'].schema.$ref =
      '#/components/schemas/Nothing';
    const noInfo = structuredClone(openApiDocument) as any;
    delete noInfo.info;
    const [shipped, configured, ...broken] = validateOpenApi(
      openApiDocument,
      buildOpenApiDocument({ basePath: '/v2/roundup', maxPageSize: 500 }),
      dangling,
      noInfo
    );
    expect(shipped).toEqual({ valid: true });
    expect(configured).toEqual({ valid: true });
    // The validator is not a formality: it refuses a dangling reference and a missing info.
    expect(broken.map((result) => result.valid)).toEqual([false, false]);
  });

  it('documents every public route, each with the permission action that opens it', () => {
    const documented = Object.entries(openApiDocument.paths).flatMap(([route, operations]) =>
      Object.entries(operations).map(([method, operation]) => [
        `${method.toUpperCase()} ${route}`,
        (operation as { 'x-strapi-action': string })['x-strapi-action'],
      ])
    );
    const routed = contentApi.routes.map((route) => [
      `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`,
      `plugin::roundup.${route.handler}`,
    ]);
    expect(documented.sort()).toEqual(routed.sort());
  });

  it('closes every object the API decides the keys of', () => {
    const open = objectSchemas(openApiDocument.components.schemas)
      .filter(([, schema]) => schema.additionalProperties !== false)
      .map(([pointer]) => pointer);
    // The editor's front matter keys, and the details of errors Strapi raises.
    expect(open.sort()).toEqual(['/Error/properties/details', '/Roundup/properties/frontMatter']);
  });

  it('takes the page sizes and the REST prefix of the app', () => {
    const document = buildOpenApiDocument({
      basePath: '/v2/roundup',
      defaultPageSize: 25,
      maxPageSize: 500,
    });
    expect(document.servers).toEqual([{ url: '/v2/roundup' }]);
    const pageSize = document.paths['/roundups'].get.parameters.find((p) => p.name === 'pageSize');
    expect(pageSize?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 500, default: 25 });
  });

  it('carries the version of the package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PLUGIN, 'package.json'), 'utf8'));
    expect(CONTRACT_VERSION).toBe(pkg.version);
  });

  it('ships as openapi.json in the package, as the code builds it', () => {
    // ROUNDUP_WRITE_OPENAPI=true npx jest tests/unit/openapi-document.test.ts rewrites the file.
    if (process.env.ROUNDUP_WRITE_OPENAPI === 'true')
      fs.writeFileSync(SHIPPED, serialized(openApiDocument));
    expect(fs.readFileSync(SHIPPED, 'utf8')).toBe(serialized(openApiDocument));
  });
});
