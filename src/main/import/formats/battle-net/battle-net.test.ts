import { describe, expect, it } from 'vitest';
import { SECRET_B32, detects, expectImportError, run } from '../test-support/run';
import { battleNetFormat } from './battle-net';
import { battleNetPrefs } from './fixtures';

describe('Battle.net authenticator preferences', () => {
  it('unmasks the serial and secret into an 8-digit TOTP', async () => {
    const input = battleNetPrefs();
    expect(detects(battleNetFormat, input)).toBe(true);
    const { entries } = await run(battleNetFormat, input);
    expect(entries).toEqual([
      {
        label: 'Battle.net (US-1234-5678-9012)',
        draft: {
          type: 'totp',
          issuer: 'Battle.net',
          name: 'US-1234-5678-9012',
          secret: SECRET_B32,
          algorithm: 'SHA1',
          digits: 8,
          period: 30,
          counter: 0,
        },
      },
    ]);
  });

  it('reports a file without the secret', async () => {
    await expectImportError(
      run(battleNetFormat, '<map><string name="x">y</string></map>'),
      'IMPORT_MALFORMED',
    );
  });
});
