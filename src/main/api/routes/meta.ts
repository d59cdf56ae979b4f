import { healthSchema } from '../../../shared/api';
import { defineRoute, type Route } from '../route';

export function metaRoutes(version: string, openapi: () => unknown): Route[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/health',
      auth: 'none',
      tag: 'meta',
      summary: 'Liveness and version (no API key needed).',
      schemas: {},
      responses: { 200: { description: 'The server is up.', schema: healthSchema } },
      errors: [],
      handler: () => ({ status: 200, body: { status: 'ok', version } }),
    }),
    defineRoute({
      method: 'GET',
      url: '/openapi.json',
      auth: 'none',
      tag: 'meta',
      summary: 'This OpenAPI 3.1 document, generated from the schemas that validate requests.',
      schemas: {},
      responses: { 200: { description: 'OpenAPI 3.1 document.' } },
      errors: [],
      handler: () => ({ status: 200, body: openapi() }),
    }),
  ];
}
