import { describe, expect, it } from 'vitest';
import { EMPTY_ORGANISATION } from '../../shared/organisation';
import { bySourcePosition, organisationFromImport } from './imported-organisation';

describe('organisation from another app or a backup', () => {
  it('fits tags and notes to the rules instead of refusing the account', () => {
    const o = organisationFromImport({
      tags: ['Work', 'work', ' ', 'a,b', 'x'.repeat(50), 'tab\there', ...Array(30).fill('t')],
      note: 'line 1\nline 2\u0007',
      favourite: true,
      lastUsedAt: 'yesterday',
      customIcon: 'data:image/svg+xml;base64,PHN2Zz4=',
    });
    expect(o.tags).toEqual(['Work', 'a b', 'x'.repeat(32), 'tab here', 't']);
    expect(o.note).toBe('line 1\nline 2 ');
    expect(o).toMatchObject({ favourite: true, lastUsedAt: null, customIcon: null });
    expect(organisationFromImport(undefined)).toEqual(EMPTY_ORGANISATION);
  });

  it("orders by the source app's position, keeping the rest in file order", () => {
    const entries = [
      { id: 'a', organisation: { position: 2 } },
      { id: 'b' },
      { id: 'c', organisation: { position: 0 } },
      { id: 'd', organisation: {} },
    ];
    expect(bySourcePosition(entries).map((e) => e.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
