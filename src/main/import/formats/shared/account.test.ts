import { describe, expect, it } from 'vitest';
import { toImportEntry } from './account';

describe('one raw account of another app', () => {
  it('treats the literal value "null" in a field as absent, so the default applies', () => {
    expect(
      toImportEntry({
        issuer: 'null',
        name: 'alice',
        secret: 'JBSWY3DPEHPK3PXP',
        type: 'null',
        algorithm: 'NULL',
      }).draft,
    ).toEqual({
      type: 'totp',
      issuer: '',
      name: 'alice',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
    expect(toImportEntry({ name: 'x', secret: 'null' }).skipReason).toBe('It has no secret key.');
  });

  it('keeps an account with neither name nor issuer, as the source app had it', () => {
    expect(toImportEntry({ secret: 'jbsw y3dp e' }).draft).toMatchObject({
      issuer: '',
      name: '',
      secret: 'JBSWY3DPE',
    });
  });
});
