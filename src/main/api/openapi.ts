import { z } from 'zod';
import { API_ERRORS, problemSchema } from '../../shared/api';
import type { Route } from './route';

type JsonSchema = Record<string, unknown>;

/** Named schemas (`.meta({ id })`) land in components.schemas; refs are rewritten to point there. */
const components: Record<string, JsonSchema> = {};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  const out = JSON.parse(
    JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as JsonSchema;
  const defs = (out.$defs ?? {}) as Record<string, JsonSchema>;
  for (const [name, def] of Object.entries(defs)) {
    components[name] ??= def;
  }
  delete out.$defs;
  delete out.$schema;
  delete out.id;
  return out;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

/** OpenAPI 3.1, built from the very zod schemas the routes validate with. */
export function buildOpenApi(routes: Route[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = jsonSchema(problemSchema, 'output');
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = r.schema
        ? {
            description: r.description,
            content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } },
          }
        : { description: r.description };
    }
    const codes = [
      ...route.errors,
      ...(route.auth === 'none' ? [] : (['UNAUTHENTICATED', 'FORBIDDEN_SCOPE'] as const)),
    ];
    for (const code of codes) {
      const status = String(API_ERRORS[code]);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        content: { 'application/problem+json': { schema: problem } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.auth === 'none' ? { security: [] } : {}),
      parameters: [
        ...parameters(route.schemas.params, 'path'),
        ...parameters(route.schemas.query, 'query'),
      ],
      ...(route.schemas.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.schemas.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tessera verification API',
      version,
      description:
        'Loopback MFA server: enroll TOTP, verify codes, backup codes, lockout, admin and audit. Errors are ' +
        'application/problem+json with a stable `code`; every response may also be 400 VALIDATION_FAILED, ' +
        '403 FORBIDDEN_HOST/FORBIDDEN_ORIGIN, 413 PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE or 431 HEADERS_TOO_LARGE.',
    },
    servers: [{ url: 'http://127.0.0.1:47300' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'tsk_... key from `tessera clients create`',
        },
      },
      schemas: { ...components, Problem: problem },
    },
    paths,
  };
}
