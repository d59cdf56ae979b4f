import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TesseraError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { migrations } from '../../store/migrations';
import { createAccountRepository } from '../account-repository';
import { unlockDelayMs } from './unlock-delay';
import { openVaultLock } from './vault-lock';

/** Cheap Argon2id for tests that are not about its cost. */
const CHEAP = { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 };
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function migrated(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations) migration.up(db);
  return db;
}

function setup(db = migrated(), clock = () => 1_000_000) {
  const keychainWrapKey = randomBytes(32);
  const open = () => openVaultLock({ db, keychainWrapKey, clock: () => clock(), kdfCost: CHEAP });
  return { db, open, lock: open() };
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'NO_ERROR';
  } catch (error) {
    if (error instanceof TesseraError) return error.code;
    throw error;
  }
}

describe('vault lock', () => {
  it('wraps the vault key with the master password: a wrong one is refused, the right one unlocks', async () => {
    const { db, lock } = setup();
    const accounts = createAccountRepository(db, lock.keys);
    const [stored] = accounts.insertMany(
      [
        {
          issuer: 'A',
          name: 'a',
          secret: SECRET,
          type: 'totp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
        },
      ],
      'now',
    );
    await lock.setPassword('correct horse battery');
    lock.lock();
    expect(lock.status()).toMatchObject({ protection: 'password', locked: true });
    expect(await codeOf(() => lock.unlock('wrong password'))).toBe('WRONG_PASSWORD');
    expect(lock.isLocked()).toBe(true);
    await lock.unlock('correct horse battery');
    expect(accounts.get(stored!.id)?.secret).toBe(SECRET);
  });

  it('stores the Argon2id parameters with the wrap and unlocks with them after a restart', async () => {
    const { db, lock } = setup();
    await lock.setPassword('correct horse battery');
    const row = db.prepare<[], { kdf: string }>('SELECT kdf FROM vault_lock').get()!;
    const kdf = JSON.parse(row.kdf) as Record<string, unknown>;
    expect(kdf).toMatchObject({ algorithm: 'argon2id', ...CHEAP });
    expect(Buffer.from(kdf.salt as string, 'base64')).toHaveLength(16);
    lock.close();
    // A restart with a different default cost still reads the stored parameters.
    const restarted = openVaultLock({
      db,
      keychainWrapKey: randomBytes(32),
      clock: () => 1_000_000,
    });
    expect(restarted.isLocked()).toBe(true);
    await restarted.unlock('correct horse battery');
    expect(restarted.isLocked()).toBe(false);
  });

  it('seals secrets an older version stored in clear, at the first open', () => {
    const db = migrated();
    db.prepare(
      `INSERT INTO vault_accounts (id, issuer, name, type, algorithm, digits, period, counter, secret, position, created_at, updated_at)
       VALUES ('old', 'Old', 'o', 'totp', 'SHA1', 6, 30, 0, ?, 0, 'then', 'then')`,
    ).run(SECRET);
    const { lock } = setup(db);
    const raw = db
      .prepare<[], string>("SELECT secret FROM vault_accounts WHERE id = 'old'")
      .pluck();
    expect(raw.get()).toMatch(/^v1\./);
    expect(raw.get()).not.toContain(SECRET);
    expect(createAccountRepository(db, lock.keys).get('old')?.secret).toBe(SECRET);
  });

  it('without a master password the keychain alone unlocks, and there is nothing to lock', async () => {
    const { lock } = setup();
    expect(lock.status()).toMatchObject({ protection: 'keychain', locked: false });
    expect(await codeOf(async () => lock.lock())).toBe('PASSWORD_NOT_SET');
  });

  it('makes the wait grow after wrong passwords and keeps it across a restart', async () => {
    let now = 5_000_000;
    const { lock, open } = setup(undefined, () => now);
    await lock.setPassword('correct horse battery');
    lock.lock();
    for (let i = 0; i < 3; i++)
      expect(await codeOf(() => lock.unlock('nope nope'))).toBe('WRONG_PASSWORD');
    expect(lock.status().retryAfter).toBeNull();
    expect(await codeOf(() => lock.unlock('nope nope'))).toBe('WRONG_PASSWORD');
    expect(lock.status().retryAfter).toBe(now + 1000);
    // Even the right password waits, and a restart does not clear the wait.
    expect(await codeOf(() => open().unlock('correct horse battery'))).toBe('UNLOCK_DELAYED');
    now += 1000;
    expect(await codeOf(() => lock.unlock('nope nope'))).toBe('WRONG_PASSWORD');
    expect(lock.status().retryAfter).toBe(now + 2000);
    now += 2000;
    await lock.unlock('correct horse battery');
    expect(lock.status()).toMatchObject({ locked: false, retryAfter: null });
  });

  it('change and remove ask for the current password', async () => {
    const { lock } = setup();
    await lock.setPassword('first password');
    expect(await codeOf(() => lock.setPassword('another one'))).toBe('PASSWORD_ALREADY_SET');
    expect(await codeOf(() => lock.changePassword('wrong one!', 'second password'))).toBe(
      'WRONG_PASSWORD',
    );
    await lock.changePassword('first password', 'second password');
    lock.lock();
    expect(await codeOf(() => lock.unlock('first password'))).toBe('WRONG_PASSWORD');
    await lock.unlock('second password');
    expect(await codeOf(() => lock.removePassword('first password'))).toBe('WRONG_PASSWORD');
    await lock.removePassword('second password');
    expect(lock.status()).toMatchObject({ protection: 'keychain', locked: false });
  });

  it('locks by itself after the idle time the person set', async () => {
    const { lock } = setup();
    await lock.setPassword('correct horse battery');
    lock.setAutoLock(1);
    lock.touch();
    expect(lock.isLocked()).toBe(false);
    await expect.poll(() => lock.isLocked(), { timeout: 5_000, interval: 100 }).toBe(true);
  });
});

describe('unlock delay', () => {
  it('is free for a few typos, then doubles up to five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(unlockDelayMs)).toEqual([
      0, 0, 0, 0, 1000, 2000, 4000, 8000,
    ]);
    expect(unlockDelayMs(100)).toBe(300_000);
  });
});

describe('lock if protected (page load, system lock, suspend)', () => {
  it('locks only when a master password is set', async () => {
    const { lock } = setup();
    lock.lockIfProtected();
    expect(lock.isLocked()).toBe(false);
    await lock.setPassword('correct horse battery');
    lock.lockIfProtected();
    expect(lock.isLocked()).toBe(true);
  });
});
