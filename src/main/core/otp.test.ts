import { describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { RFC4226_CODES, RFC4226_SECRET } from '../testing/rfc-vectors';
import { codeAtStep, hotpCode, steamCode, timeStep, totpCode } from './otp';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'ascii'));

describe('RFC 4226 HOTP test vectors', () => {
  const secret = ascii(RFC4226_SECRET);
  const expected = [...RFC4226_CODES];
  it.each(expected.map((code, counter) => [counter, code]))('counter %i → %s', (counter, code) => {
    expect(hotpCode(secret, counter, 'SHA1', 6)).toBe(code);
  });
});

describe('RFC 6238 TOTP test vectors (8 digits, 30 s)', () => {
  const secrets = {
    SHA1: ascii('12345678901234567890'),
    SHA256: ascii('12345678901234567890123456789012'),
    SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
  } as const;
  const vectors: [number, string, keyof typeof secrets][] = [
    [59, '94287082', 'SHA1'],
    [59, '46119246', 'SHA256'],
    [59, '90693936', 'SHA512'],
    [1111111109, '07081804', 'SHA1'],
    [1111111109, '68084774', 'SHA256'],
    [1111111109, '25091201', 'SHA512'],
    [1111111111, '14050471', 'SHA1'],
    [1111111111, '67062674', 'SHA256'],
    [1111111111, '99943326', 'SHA512'],
    [1234567890, '89005924', 'SHA1'],
    [1234567890, '91819424', 'SHA256'],
    [1234567890, '93441116', 'SHA512'],
    [2000000000, '69279037', 'SHA1'],
    [2000000000, '90698825', 'SHA256'],
    [2000000000, '38618901', 'SHA512'],
    [20000000000, '65353130', 'SHA1'],
    [20000000000, '77737706', 'SHA256'],
    [20000000000, '47863826', 'SHA512'],
  ];
  it.each(vectors)('T=%i → %s (%s)', (seconds, code, algorithm) => {
    const spec = {
      type: 'totp' as const,
      algorithm,
      digits: 8,
      period: 30,
      secret: secrets[algorithm],
    };
    expect(totpCode(spec, seconds * 1000)).toBe(code);
    // otpauth's own TOTP path must agree with the node:crypto HMAC we plug in.
    expect(
      TOTP.generate({
        secret: new Secret({ buffer: secrets[algorithm].slice().buffer }),
        algorithm,
        digits: 8,
        period: 30,
        timestamp: seconds * 1000,
      }),
    ).toBe(code);
  });
});

describe('time steps and Steam codes', () => {
  it('computes the step from epoch milliseconds and the period', () => {
    expect(timeStep(59_999, 30)).toBe(1);
    expect(timeStep(60_000, 30)).toBe(2);
    expect(timeStep(60_000, 60)).toBe(1);
  });

  it('renders Steam codes as five characters from Steam alphabet, keyed on the time step', () => {
    const secret = ascii('12345678901234567890');
    const code = steamCode(secret, 1);
    expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    expect(codeAtStep({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, secret }, 1)).toBe(
      code,
    );
    expect(steamCode(secret, 2)).not.toBe(code);
  });

  it('derives the Steam code from the same truncated value as HOTP', () => {
    // RFC 4226 gives the truncated 31-bit value for counter 0: 1284755224.
    let value = 1284755224;
    let expected = '';
    for (let i = 0; i < 5; i++) {
      expected += '23456789BCDFGHJKMNPQRTVWXY'[value % 26];
      value = Math.floor(value / 26);
    }
    expect(steamCode(ascii('12345678901234567890'), 0)).toBe(expected);
  });
});
