import { TOTP, HOTP, Secret } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { errorCodeOf } from '../testing/errors';

let now = Date.UTC(2026, 0, 1, 12, 0, 10);
let temp: TempApp;

beforeEach(async () => {
  temp = await openTempApp(() => now);
});
afterEach(() => temp.dispose());

describe('vault service', () => {
  it('adds a TOTP account and computes the same codes as otpauth', () => {
    const view = temp.app.vault.add({
      issuer: 'GitHub',
      name: 'octo',
      secret: 'jbsw y3dp ehpk 3pxp',
    });
    expect(view).toMatchObject({ issuer: 'GitHub', name: 'octo', type: 'totp', weakSecret: true });
    expect(view).not.toHaveProperty('secret');
    const [code] = temp.app.vault.codes().codes;
    const secret = Secret.fromBase32('JBSWY3DPEHPK3PXP');
    expect(code?.current).toBe(TOTP.generate({ secret, timestamp: now }));
    expect(code?.next).toBe(TOTP.generate({ secret, timestamp: now + 30_000 }));
    expect(code?.validUntil).toBe(Date.UTC(2026, 0, 1, 12, 0, 30));
  });

  it('adds from an otpauth URI and keeps every parameter', () => {
    const view = temp.app.vault.addUri(
      'otpauth://totp/ACME:jo?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME&algorithm=SHA512&digits=8&period=60',
    );
    expect(view).toMatchObject({
      issuer: 'ACME',
      name: 'jo',
      algorithm: 'SHA512',
      digits: 8,
      period: 60,
      weakSecret: false,
    });
    const [code] = temp.app.vault.codes([view.id]).codes;
    expect(code?.current).toBe(
      TOTP.generate({
        secret: Secret.fromBase32('HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ'),
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
        timestamp: now,
      }),
    );
  });

  it('computes codes only for the accounts asked for', () => {
    const a = temp.app.vault.add({ issuer: 'A', name: 'a', secret: 'JBSWY3DPEHPK3PXP' });
    temp.app.vault.add({ issuer: 'B', name: 'b', secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ' });
    const c = temp.app.vault.add({ issuer: 'C', name: 'c', secret: 'JBSWY3DPEHPK3PXP' });
    expect(temp.app.vault.codes([c.id, a.id, 'missing']).codes.map((code) => code.id)).toEqual([
      a.id,
      c.id,
    ]);
    expect(temp.app.vault.codes().codes).toHaveLength(3);
    expect(temp.app.vault.codes([]).codes).toEqual([]);
  });

  it('refuses invalid input and stores nothing', () => {
    expect(errorCodeOf(() => temp.app.vault.add({ issuer: 'X', name: 'y', secret: '' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCodeOf(() => temp.app.vault.add({ issuer: 'X', name: 'y', secret: '0189' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCodeOf(() => temp.app.vault.addUri('https://example.com'))).toBe('INVALID_URI');
    expect(temp.app.vault.list()).toEqual([]);
  });

  it('advances HOTP counters durably', async () => {
    const view = temp.app.vault.add({
      issuer: 'H',
      name: 'h',
      secret: 'JBSWY3DPEHPK3PXP',
      type: 'hotp',
      counter: 5,
    });
    const next = temp.app.vault.hotpNext(view.id);
    expect(next.current).toBe(
      HOTP.generate({ secret: Secret.fromBase32('JBSWY3DPEHPK3PXP'), counter: 6 }),
    );
    const app = await temp.reopen();
    expect(app.vault.list()[0]?.counter).toBe(6);
    expect(errorCodeOf(() => app.vault.hotpNext('missing'))).toBe('NOT_FOUND');
  });

  it('renames, deletes, and keeps insertion order across restarts', async () => {
    const a = temp.app.vault.add({ issuer: 'A', name: 'a', secret: 'JBSWY3DPEHPK3PXP' });
    temp.app.vault.add({ issuer: 'B', name: 'b', secret: 'JBSWY3DPEHPK3PXP' });
    temp.app.vault.add({ issuer: 'C', name: 'c', secret: 'JBSWY3DPEHPK3PXP' });
    expect(temp.app.vault.update(a.id, 'A2', 'a2')).toMatchObject({ issuer: 'A2', name: 'a2' });
    const app = await temp.reopen();
    expect(app.vault.list().map((v) => v.issuer)).toEqual(['A2', 'B', 'C']);
    app.vault.delete(a.id);
    expect(errorCodeOf(() => app.vault.delete(a.id))).toBe('NOT_FOUND');
    expect(app.vault.list().map((v) => v.issuer)).toEqual(['B', 'C']);
  });

  it('computes Steam codes from the time step', () => {
    temp.app.vault.add({ issuer: 'Steam', name: 's', secret: 'JBSWY3DPEHPK3PXP', type: 'steam' });
    now += 30_000;
    const [code] = temp.app.vault.codes().codes;
    expect(code?.current).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });
});
