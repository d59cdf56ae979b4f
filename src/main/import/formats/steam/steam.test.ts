import { describe, expect, it } from 'vitest';
import { SECRET_B32, detects, expectImportError, run } from '../test-support/run';
import { steamMaFile, steamNewLayout } from './fixtures';
import { steamFormat } from './steam';

describe('Steam Guard file', () => {
  it('reads a .maFile (old layout)', async () => {
    const input = steamMaFile();
    expect(detects(steamFormat, input)).toBe(true);
    const { entries } = await run(steamFormat, input);
    expect(entries).toEqual([
      {
        label: 'Steam (gamer)',
        draft: {
          type: 'steam',
          issuer: 'Steam',
          name: 'gamer',
          secret: SECRET_B32,
          algorithm: 'SHA1',
          digits: 5,
          period: 30,
          counter: 0,
        },
      },
    ]);
  });

  it('reads every account of the new layout', async () => {
    const input = steamNewLayout();
    expect(detects(steamFormat, input)).toBe(true);
    const { entries } = await run(steamFormat, input);
    expect(entries.map((e) => e.draft?.name)).toEqual(['gamer', 'alt']);
  });

  it('reports a broken secret and a truncated file', async () => {
    await expectImportError(
      run(steamFormat, JSON.stringify({ shared_secret: '!!notbase64!!', account_name: 'x' })),
      'IMPORT_MALFORMED',
    );
    await expectImportError(run(steamFormat, steamMaFile().slice(0, 100)), 'IMPORT_TRUNCATED');
  });
});
