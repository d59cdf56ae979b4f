import { TesseraError } from '../../shared/errors';

export interface RequestBudgetOptions {
  /** Requests each API key may make per second, sustained. */
  perSecond: number;
  /** Requests it may make at once after being idle. */
  burst: number;
}

/**
 * Above what the server can answer at all (the bench's 32 connections hammering verify on one
 * key reach about 10k/s on a busy 2-core machine and over 40k/s on a quiet one), so by default
 * it never throttles an integrator; TESSERA_API_RATE_LIMIT (requests per second per key) sets a
 * lower one, to keep one runaway client from taking every request slot from the others.
 */
export const DEFAULT_REQUEST_BUDGET: RequestBudgetOptions = { perSecond: 100_000, burst: 200_000 };

export function requestBudgetFrom(env: NodeJS.ProcessEnv = process.env): RequestBudgetOptions {
  const value = env.TESSERA_API_RATE_LIMIT;
  if (value === undefined || value === '') return DEFAULT_REQUEST_BUDGET;
  const perSecond = Number(value);
  if (!Number.isInteger(perSecond) || perSecond < 1 || perSecond > 10_000_000) {
    throw new TesseraError(
      'VALIDATION_FAILED',
      'TESSERA_API_RATE_LIMIT must be a whole number of requests per second from 1 to 10000000.',
    );
  }
  return { perSecond, burst: perSecond * 2 };
}

/**
 * A token bucket per API key id. This is load shaping, not a security decision (lockouts and
 * replay checks are decided in the database), so it lives in memory: a restart refills it, and
 * each process sharing the database keeps its own.
 */
export function createRequestBudget(
  options: RequestBudgetOptions,
  now: () => number = performance.now.bind(performance),
) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** 0 when the request may go ahead, else the whole seconds to wait before the next one. */
    take(keyId: string): number {
      const t = now();
      const bucket = buckets.get(keyId) ?? { tokens: options.burst, at: t };
      bucket.tokens = Math.min(
        options.burst,
        bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond,
      );
      bucket.at = t;
      buckets.set(keyId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    },
  };
}

export type RequestBudget = ReturnType<typeof createRequestBudget>;
