import { afterEach, describe, expect, it, vi } from 'vitest';
import { callerOf, createMfaServices } from '../api/services';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { enrollTotp } from './testing/enroll';
import { totpCodeAt } from '../testing/totp-code';
import { stepAt } from './totp';
import { startFactorWarmUp } from './factor-warm-up';

let temp: TempApp | undefined;
afterEach(() => temp?.dispose());

/** Three enrolled users and one without a factor, then a second process with an empty cache. */
async function restarted() {
  temp = await openTempApp();
  const first = createMfaServices(temp.app);
  const created = await first.clients.create('unit', 'client');
  const caller = callerOf(first.clients.authenticate(`Bearer ${created.key}`));
  const secrets = new Map<string, Buffer>();
  for (const userId of ['a', 'b', 'c']) {
    await first.users.put(caller, userId, {});
    secrets.set(userId, await enrollTotp(first, caller, userId, Date.now()));
  }
  await first.users.put(caller, 'none', {});
  const later = createMfaServices(await temp.openAnother());
  return { first, later, caller, secrets };
}

describe('warming the factor cache up after a start', () => {
  it('caches every enrolled user with its opened secret, and no one else', async () => {
    const { later, caller, secrets } = await restarted();
    expect(later.ctx.factorCache.size()).toBe(0);
    startFactorWarmUp(later.ctx);
    await vi.waitFor(() => expect(later.ctx.factorCache.size()).toBe(3));
    for (const [userId, secret] of secrets)
      expect(later.ctx.factorCache.get(caller.clientId, userId)?.secret).toEqual(secret);
    expect(later.ctx.factorCache.get(caller.clientId, 'none')).toBeUndefined();
  });

  it('leaves a user a request cached first as it is', async () => {
    const { later, caller } = await restarted();
    const row = later.ctx.users.forVerify(caller.clientId, 'b')!;
    const { pk, totp_factor_id: factorId, totp_secret: sealed } = row;
    const remembered = later.ctx.factorCache.remember(caller.clientId, 'b', pk, factorId!, sealed!);
    startFactorWarmUp(later.ctx);
    await vi.waitFor(() => expect(later.ctx.factorCache.size()).toBe(3));
    expect(later.ctx.factorCache.get(caller.clientId, 'b')).toBe(remembered);
  });

  it('keeps the rows’ hot states: a warmed user’s first verify decides without reading its row', async () => {
    const { later, caller, secrets } = await restarted();
    startFactorWarmUp(later.ctx);
    await vi.waitFor(() => expect(later.ctx.factorCache.size()).toBe(3));
    // Changed behind the repository on the same connection: only a read of the row would see it.
    later.ctx.db
      .prepare("UPDATE mfa_users SET locked_until = ? WHERE user_id = 'a'")
      .run(Date.now() + 3_600_000);
    const valid = totpCodeAt(secrets.get('a')!, stepAt(Date.now()) + 1);
    expect((await later.verify.verify(caller, 'a', valid)).valid).toBe(true);
  });

  it('what it remembers of a row gives way to another process’s lockout', async () => {
    const { first, later, caller, secrets } = await restarted();
    startFactorWarmUp(later.ctx);
    await vi.waitFor(() => expect(later.ctx.factorCache.size()).toBe(3));
    for (let i = 0; i < 5; i++) await first.verify.verify(caller, 'a', '000000').catch(() => null);
    const valid = totpCodeAt(secrets.get('a')!, stepAt(Date.now()) + 1);
    const refused = await later.verify.verify(caller, 'a', valid).catch((e: unknown) => e);
    expect((refused as { code?: string }).code).toBe('LOCKED');
  });

  it('does nothing once stopped', async () => {
    const { later } = await restarted();
    startFactorWarmUp(later.ctx).stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(later.ctx.factorCache.size()).toBe(0);
  });
});
