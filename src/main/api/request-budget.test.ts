import { describe, expect, it } from 'vitest';
import { createRequestBudget, DEFAULT_REQUEST_BUDGET, requestBudgetFrom } from './request-budget';

describe('the per-key request budget', () => {
  it('spends a burst, refills at its rate, and tells how long to wait', () => {
    let now = 0;
    const budget = createRequestBudget({ perSecond: 2, burst: 2 }, () => now);
    expect([budget.take('k'), budget.take('k')]).toEqual([0, 0]);
    expect(budget.take('k')).toBe(1);
    expect(budget.take('other')).toBe(0);
    now += 500;
    expect(budget.take('k')).toBe(0);
    expect(budget.take('k')).toBe(1);
  });

  it('reads TESSERA_API_RATE_LIMIT, and refuses a value that is not a rate', () => {
    expect(requestBudgetFrom({})).toEqual(DEFAULT_REQUEST_BUDGET);
    expect(requestBudgetFrom({ TESSERA_API_RATE_LIMIT: '100' })).toEqual({
      perSecond: 100,
      burst: 200,
    });
    expect(() => requestBudgetFrom({ TESSERA_API_RATE_LIMIT: 'lots' })).toThrow(
      /TESSERA_API_RATE_LIMIT/,
    );
  });
});
