import { describe, expect, it } from 'vitest';
import { SECRET2_B32, SECRET_B32, detects, run } from '../test-support/run';
import { duoFormat } from './duo';
import { duoAccounts } from './fixtures';

describe('Duo Mobile accounts.json', () => {
  it('reads TOTP and HOTP accounts', async () => {
    const input = duoAccounts();
    expect(detects(duoFormat, input)).toBe(true);
    const { entries } = await run(duoFormat, input);
    expect(entries[0]?.draft).toEqual({
      type: 'totp',
      issuer: '',
      name: 'GitHub',
      secret: SECRET_B32,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
    expect(entries[1]?.draft).toMatchObject({
      type: 'hotp',
      name: 'Corp',
      secret: SECRET2_B32,
      counter: 3,
    });
    expect(detects(duoFormat, '[{"secret": "x", "type": "TOTP", "label": "y"}]')).toBe(false);
  });
});
