import { expect } from 'vitest';
import { problemSchema, type Problem } from '../../../src/shared/api';
import type { Response } from './http';

/** Asserts a problem+json answer with this status and code, and a human detail. */
export function expectProblem(res: Response, status: number, code: string): Problem {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(res.body);
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(status);
  expect(problem.detail.length).toBeGreaterThan(10);
  return problem;
}
