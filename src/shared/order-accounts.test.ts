import { describe, expect, it } from 'vitest';
import { orderAccounts, type SortableAccount } from './order-accounts';

const account = (
  issuer: string,
  name: string,
  position: number,
  extra: Partial<SortableAccount> = {},
): SortableAccount => ({
  issuer,
  name,
  position,
  createdAt: '2026-01-01T00:00:00.000Z',
  favourite: false,
  lastUsedAt: null,
  ...extra,
});

const list = [
  account('Zeta', 'bob', 0, { lastUsedAt: '2026-01-02T00:00:00.000Z' }),
  account('alpha', 'Carol', 1),
  account('', 'amy', 2, { lastUsedAt: '2026-01-03T00:00:00.000Z' }),
  account('Beta', 'dan', 3, { favourite: true }),
  account('Gamma', 'eve', 4, { favourite: true, lastUsedAt: '2026-01-01T00:00:00.000Z' }),
];
const issuers = (sort: Parameters<typeof orderAccounts>[1]) =>
  orderAccounts(list, sort).map((a) => a.issuer || a.name);

describe('orderAccounts', () => {
  it('pins favourites on top in every sort', () => {
    expect(issuers('manual')).toEqual(['Beta', 'Gamma', 'Zeta', 'alpha', 'amy']);
    expect(issuers('name')).toEqual(['Beta', 'Gamma', 'amy', 'Zeta', 'alpha']);
    // Case-insensitive, and an account without an issuer goes last.
    expect(issuers('issuer')).toEqual(['Beta', 'Gamma', 'alpha', 'Zeta', 'amy']);
    // Most recently used first, never used after.
    expect(issuers('lastUsed')).toEqual(['Gamma', 'Beta', 'amy', 'Zeta', 'alpha']);
  });

  it('does not change its input', () => {
    const copy = [...list];
    orderAccounts(list, 'name');
    expect(list).toEqual(copy);
  });
});
