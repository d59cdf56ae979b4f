import { z } from 'zod';
import type { ApiErrorCode } from '../../shared/api';
import type { Principal } from '../mfa/clients-service';
import { MfaError } from '../mfa/mfa-error';

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';
export type Auth = 'none' | 'client' | 'admin';

export interface RouteResult {
  status: number;
  body?: unknown;
}

interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type Out<S extends z.ZodType | undefined> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<S extends Schemas> {
  params: Out<S['params']>;
  query: Out<S['query']>;
  body: Out<S['body']>;
  principal: Principal;
}

/**
 * One route of the API: the zod schemas validate requests at run time and are also what the
 * OpenAPI document is generated from, so the two cannot drift apart.
 */
export interface Route {
  method: Method;
  /** Fastify syntax: `/v1/users/:userId`. */
  url: string;
  auth: Auth;
  tag: string;
  summary: string;
  schemas: Schemas;
  /** Success responses by status; a missing schema means no body. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Error codes this route can answer with (documented in the OpenAPI). */
  errors: ApiErrorCode[];
  run(
    raw: { params: unknown; query: unknown; body: unknown },
    principal: Principal | null,
  ): Promise<RouteResult> | RouteResult;
}

export function defineRoute<S extends Schemas>(
  spec: Omit<Route, 'run' | 'schemas'> & {
    schemas: S;
    handler(input: RouteInput<S>): Promise<RouteResult> | RouteResult;
  },
): Route {
  const { handler, ...rest } = spec;
  const parts = ['params', 'query', 'body'] as const;
  return {
    ...rest,
    run(raw, principal) {
      const parsed: Record<string, unknown> = {};
      const errors: { path: (string | number)[]; message: string }[] = [];
      for (const part of parts) {
        const schema = spec.schemas[part];
        if (!schema) continue;
        // A missing body is validated as `{}` when every field is optional, and refused otherwise.
        const value = part === 'body' && raw.body === undefined ? {} : raw[part];
        const result = schema.safeParse(value);
        if (result.success) parsed[part] = result.data;
        else {
          for (const issue of result.error.issues) {
            errors.push({
              path: [
                part,
                ...issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
              ],
              message: issue.message,
            });
          }
        }
      }
      if (errors.length > 0) throw validationFailed(errors);
      return handler({
        ...(parsed as Omit<RouteInput<S>, 'principal'>),
        principal: principal as Principal,
      });
    },
  };
}

export class ValidationError extends MfaError {
  readonly errors: { path: (string | number)[]; message: string }[];
  constructor(errors: { path: (string | number)[]; message: string }[]) {
    const first = errors[0]!;
    super(
      'VALIDATION_FAILED',
      `${first.path.join('.')}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    );
    this.errors = errors;
  }
}

function validationFailed(
  errors: { path: (string | number)[]; message: string }[],
): ValidationError {
  return new ValidationError(errors);
}
