import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TesseraError } from './errors';
import { formatOtpauthUri, parseOtpauthUri, parseOtpauthUriInput } from './otpauth-uri';
import { bytesToBase32 } from './secret';
import type { AccountDraft } from './account';

function errorOf(run: () => unknown): TesseraError {
  try {
    run();
  } catch (e) {
    if (e instanceof TesseraError) return e;
    throw e;
  }
  throw new Error('expected a TesseraError');
}

describe('parseOtpauthUri', () => {
  it('reads the Key Uri Format example', () => {
    expect(
      parseOtpauthUri(
        'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
      ),
    ).toEqual({
      type: 'totp',
      issuer: 'Example',
      name: 'alice@google.com',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
  });

  it('decodes percent-encoding and prefers the issuer parameter', () => {
    const draft = parseOtpauthUri(
      'otpauth://totp/ACME%20Co:john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60',
    );
    expect(draft).toMatchObject({
      issuer: 'ACME Co',
      name: 'john.doe@email.com',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
  });

  it('takes the issuer from the label when there is no parameter', () => {
    expect(parseOtpauthUri('otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP')).toMatchObject({
      issuer: 'GitHub',
      name: 'octo',
    });
  });

  it('keeps labels that look like path dot segments', () => {
    for (const name of ['.', '..', 'a/..']) {
      const draft = parseOtpauthUri(
        formatOtpauthUri({
          issuer: '',
          name,
          secret: 'JBSWY3DPEHPK3PXP',
          type: 'totp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
        }),
      );
      expect(draft.name).toBe(name);
    }
  });

  it('reads hotp with its counter and Steam links', () => {
    expect(parseOtpauthUri('otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=7')).toMatchObject({
      type: 'hotp',
      counter: 7,
    });
    expect(
      parseOtpauthUri('otpauth://totp/Steam:me?secret=JBSWY3DPEHPK3PXP&encoder=steam'),
    ).toMatchObject({ type: 'steam', digits: 5 });
    expect(parseOtpauthUri('otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP')).toMatchObject({
      type: 'steam',
    });
  });

  it('reads a link with no label, keeping the account unnamed as the source had it', () => {
    expect(parseOtpauthUriInput('otpauth://totp?secret=JBSWY3DPEHPK3PXP')).toMatchObject({
      issuer: '',
      name: '',
      secret: 'JBSWY3DPEHPK3PXP',
    });
    expect(
      parseOtpauthUri('otpauth://totp?secret=JBSWY3DPEHPK3PXP&issuer=ACME', { allowUnnamed: true }),
    ).toMatchObject({ issuer: 'ACME', name: '', type: 'totp', period: 30 });
    expect(
      parseOtpauthUri('otpauth://totp/?secret=JBSWY3DPEHPK3PXP', { allowUnnamed: true }),
    ).toMatchObject({ issuer: '', name: '' });
  });

  it('takes the first of repeated parameters, as the Key URI Format readers do', () => {
    expect(
      parseOtpauthUri(
        'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&secret=GEZDGNBVGY3TQOJQ&digits=8&digits=6&algorithm=SHA256&algorithm=SHA1&issuer=A&issuer=Z&period=60&period=30',
      ),
    ).toMatchObject({
      secret: 'JBSWY3DPEHPK3PXP',
      digits: 8,
      algorithm: 'SHA256',
      issuer: 'A',
      period: 60,
    });
  });

  it('reads a 5-digit TOTP link from issuer Steam as Steam Guard', () => {
    expect(
      parseOtpauthUri('otpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXP&issuer=Steam&digits=5'),
    ).toMatchObject({ type: 'steam', issuer: 'Steam', name: 'gamer', digits: 5 });
  });

  it('treats the literal value null as absent, so the default applies', () => {
    expect(
      parseOtpauthUri(
        'otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&issuer=null&algorithm=null&digits=null&period=null',
      ),
    ).toMatchObject({ issuer: 'ACME', name: 'me', algorithm: 'SHA1', digits: 6, period: 30 });
  });

  it('accepts secrets of any base32 length, lower case, spaced and padded', () => {
    expect(parseOtpauthUri('otpauth://totp/x?secret=jbsw%20y3dp%20e===')).toMatchObject({
      secret: 'JBSWY3DPE',
    });
  });

  it.each([
    ['https://example.com', 'INVALID_URI'],
    ['otpauth://totp/x', 'INVALID_URI'],
    ['otpauth://totp/x?secret=', 'INVALID_URI'],
    ['otpauth://totp/x?secret=null', 'INVALID_URI'],
    ['otpauth://motp/x?secret=JBSWY3DPEHPK3PXP', 'INVALID_URI'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP', 'INVALID_URI'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', 'INVALID_URI'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=abc', 'INVALID_URI'],
    ['otpauth://totp/%E0%A4%A?secret=JBSWY3DPEHPK3PXP', 'INVALID_URI'],
    ['otpauth://totp/x?secret=NOT-BASE32-1!', 'VALIDATION_FAILED'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=12', 'VALIDATION_FAILED'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0', 'VALIDATION_FAILED'],
  ])('refuses %s with %s', (uri, code) => {
    const error = errorOf(() => parseOtpauthUri(uri));
    expect(error.code).toBe(code);
    expect(error.message).not.toContain('JBSWY3DPEHPK3PXP');
  });

  const text = fc
    .string({ minLength: 0, maxLength: 40 })
    .filter((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20));
  const draft: fc.Arbitrary<AccountDraft> = fc
    .record({
      issuer: text.map((s) => s.trim().replace(/:/g, '')),
      name: text.map((s) => s.trim() || 'n'),
      secret: fc.uint8Array({ minLength: 10, maxLength: 64 }).map(bytesToBase32),
      type: fc.constantFrom('totp', 'hotp', 'steam'),
      algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
      digits: fc.integer({ min: 6, max: 8 }),
      period: fc.integer({ min: 1, max: 300 }),
      counter: fc.integer({ min: 0, max: 2 ** 40 }),
    })
    .map((d) => ({
      ...d,
      digits: d.type === 'steam' ? 5 : d.digits,
      algorithm: d.type === 'steam' ? 'SHA1' : d.algorithm,
      period: d.type === 'hotp' ? 30 : d.period,
      counter: d.type === 'hotp' ? d.counter : 0,
    }));

  it('round-trips every account through format → parse', () => {
    fc.assert(
      fc.property(draft, (account) => {
        expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
      }),
    );
  });

  it('throws only TesseraError on arbitrary input', () => {
    const arbitraryUri = fc.oneof(
      fc.string(),
      fc.string().map((s) => `otpauth://${s}`),
      fc
        .tuple(fc.constantFrom('totp', 'hotp', 'steam', 'x'), fc.string(), fc.string())
        .map(([t, l, q]) => `otpauth://${t}/${l}?${q}`),
    );
    fc.assert(
      fc.property(arbitraryUri, (uri) => {
        try {
          parseOtpauthUri(uri);
        } catch (e) {
          expect(e).toBeInstanceOf(TesseraError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
