import { randomBytes } from 'node:crypto';
import type { LockStatus } from '../../../shared/contract/lock';
import { TesseraError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { createIdleTimer } from './idle-timer';
import { createLockRepository, type LockRow, type Protection } from './lock-repository';
import { keyFromPassword, newKdfParams, type KdfParams } from './password-kdf';
import { sealPlainSecrets } from './seal-plain-secrets';
import { open, seal } from './sealing';
import { unlockDelayMs } from './unlock-delay';
import { lockedError, VaultKeys } from './vault-keys';

const VAULT_KEY_BYTES = 32;
const wrapOwner = (protection: Protection) => `tessera/vault-key/${protection}`;

export interface VaultLockOptions {
  db: Db;
  /** Derived from the master key: wraps the vault key when no master password is set. */
  keychainWrapKey: Buffer;
  clock: () => number;
  /** Argon2id cost of new wraps (tests use a cheap one). */
  kdfCost?: Omit<KdfParams, 'algorithm' | 'salt'>;
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${s} second${s === 1 ? '' : 's'}`;
}

/**
 * The app lock. The vault key seals every account secret and recovery code; it is held here only
 * while unlocked. Without a master password the keychain unwraps it at start; with one, Argon2id
 * of the password does. Attempts are counted in the database before the slow derivation, so
 * neither a restart nor a second process resets the growing wait.
 */
export function openVaultLock({ db, keychainWrapKey, clock, kdfCost }: VaultLockOptions) {
  const repository = createLockRepository(db);
  const isoNow = () => new Date(clock()).toISOString();
  let held: VaultKeys | null = null;
  const idle = createIdleTimer(() => lock());
  /** What keeps decrypted vault data outside the key (import previews) and drops it on lock. */
  const lockListeners: (() => void)[] = [];

  const row = (): LockRow => repository.get()!;
  const hold = (keys: VaultKeys) => {
    held?.destroy();
    held = keys;
    idle.start(row().protection === 'password' ? row().autoLockSeconds : 0);
  };
  function lock(): void {
    idle.stop();
    held?.destroy();
    held = null;
    for (const listener of lockListeners) listener();
  }

  // First open (and the one after an upgrade): make the vault key, then seal what was in clear,
  // in one transaction so no process ever sees a key without its sealed rows or the reverse.
  db.transaction(() => {
    if (!repository.get()) {
      const key = randomBytes(VAULT_KEY_BYTES);
      repository.create(seal(keychainWrapKey, key, wrapOwner('keychain')), isoNow());
      key.fill(0);
    }
    const current = row();
    if (current.protection !== 'keychain') return;
    const keys = new VaultKeys(open(keychainWrapKey, current.wrappedKey, wrapOwner('keychain')));
    sealPlainSecrets(db, keys);
    hold(keys);
  }).immediate();

  /** One counted attempt: the vault key the password unwraps, or WRONG_PASSWORD / UNLOCK_DELAYED. */
  async function verify(password: string): Promise<{ key: Buffer; wrapped: string }> {
    const notSet = () => new TesseraError('PASSWORD_NOT_SET', 'No master password is set.');
    if (row().protection !== 'password') throw notSet();
    const now = clock();
    const charged = repository.charge(now, unlockDelayMs);
    if (!charged) {
      throw new TesseraError(
        'UNLOCK_DELAYED',
        `Too many wrong passwords. Try again in ${seconds(row().retryAfter - now)}.`,
      );
    }
    // Another process may have removed the password between the look and the charge.
    if (!charged.kdf) throw notSet();
    const kek = await keyFromPassword(password, charged.kdf);
    try {
      const key = open(kek, charged.wrappedKey, wrapOwner('password'));
      repository.clearFailures();
      return { key, wrapped: charged.wrappedKey };
    } catch {
      const wait = charged.retryAfter - now;
      throw new TesseraError(
        'WRONG_PASSWORD',
        wait > 0
          ? `That is not the master password. Wait ${seconds(wait)} before the next try.`
          : 'That is not the master password.',
        [{ path: ['password'], message: 'That is not the master password.' }],
      );
    } finally {
      kek.fill(0);
    }
  }

  async function passwordWrap(password: string, key: Buffer) {
    const kdf = newKdfParams(kdfCost);
    const kek = await keyFromPassword(password, kdf);
    try {
      return { wrapped: seal(kek, key, wrapOwner('password')), kdf };
    } finally {
      kek.fill(0);
    }
  }

  function rewrapped(changed: boolean): void {
    if (!changed) {
      throw new TesseraError(
        'CONFLICT',
        'The master password was changed by another Tessera window or command. Try again.',
      );
    }
  }

  /** The vault key, or `LOCKED`. Services call this for every vault operation. */
  const keys = (): VaultKeys => {
    if (!held) throw lockedError();
    return held;
  };

  return {
    status(): LockStatus {
      const current = row();
      const now = clock();
      return {
        protection: current.protection,
        locked: held === null,
        autoLockSeconds: current.autoLockSeconds,
        retryAfter: current.retryAfter > now ? current.retryAfter : null,
      };
    },
    keys,
    isLocked: () => held === null,
    async unlock(password: string): Promise<void> {
      if (held) return;
      hold(new VaultKeys((await verify(password)).key));
    },
    lock(): void {
      if (row().protection !== 'password') {
        throw new TesseraError(
          'PASSWORD_NOT_SET',
          'Set a master password first: without one, the keychain alone unlocks Tessera.',
        );
      }
      lock();
    },
    /**
     * Locks when a master password is set (a page load, system lock, suspend); without one there
     * is nothing to unlock with, so it does nothing.
     */
    lockIfProtected(): void {
      if (row().protection === 'password') lock();
    },
    async setPassword(password: string): Promise<void> {
      if (row().protection === 'password') {
        throw new TesseraError(
          'PASSWORD_ALREADY_SET',
          'A master password is already set; change it instead.',
        );
      }
      const before = row().wrappedKey;
      const wrap = await passwordWrap(password, keys().rawKey());
      rewrapped(repository.rewrap('password', wrap.wrapped, wrap.kdf, before, isoNow()));
      idle.start(row().autoLockSeconds);
    },
    async changePassword(current: string, password: string): Promise<void> {
      const { key, wrapped } = await verify(current);
      try {
        const wrap = await passwordWrap(password, key);
        rewrapped(repository.rewrap('password', wrap.wrapped, wrap.kdf, wrapped, isoNow()));
      } finally {
        key.fill(0);
      }
    },
    async removePassword(current: string): Promise<void> {
      const { key, wrapped } = await verify(current);
      const keychainWrap = seal(keychainWrapKey, key, wrapOwner('keychain'));
      rewrapped(repository.rewrap('keychain', keychainWrap, null, wrapped, isoNow()));
      hold(new VaultKeys(key));
    },
    setAutoLock(seconds: number): void {
      repository.setAutoLock(seconds, isoNow());
      if (held) idle.start(row().protection === 'password' ? seconds : 0);
    },
    /** Runs `listener` each time the vault locks (and when it closes). */
    onLock(listener: () => void): void {
      lockListeners.push(listener);
    },
    /** A person did something: the idle time starts again. */
    touch(): void {
      if (held) idle.touch();
    },
    close(): void {
      lock();
    },
  };
}

export type VaultLock = ReturnType<typeof openVaultLock>;
