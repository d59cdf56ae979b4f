import type { Db } from '../../store/database';
import type { KdfParams } from './password-kdf';

export type Protection = 'keychain' | 'password';

export interface LockRow {
  protection: Protection;
  wrappedKey: string;
  kdf: KdfParams | null;
  failedAttempts: number;
  retryAfter: number;
  autoLockSeconds: number;
}

interface Row {
  protection: Protection;
  wrapped_key: string;
  kdf: string | null;
  failed_attempts: number;
  retry_after: number;
  auto_lock_seconds: number;
}

function fromRow(row: Row): LockRow {
  return {
    protection: row.protection,
    wrappedKey: row.wrapped_key,
    kdf: row.kdf === null ? null : (JSON.parse(row.kdf) as KdfParams),
    failedAttempts: row.failed_attempts,
    retryAfter: row.retry_after,
    autoLockSeconds: row.auto_lock_seconds,
  };
}

/** SQL for the one row that holds the wrapped vault key, the attempt counter and the lock settings. */
export function createLockRepository(db: Db) {
  const statements = {
    get: db.prepare<[], Row>('SELECT * FROM vault_lock WHERE id = 1'),
    create: db.prepare<[string, string]>(
      `INSERT INTO vault_lock (id, protection, wrapped_key, updated_at) VALUES (1, 'keychain', ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    // Pre-charges an attempt as failed, only while no wait is pending; success clears it.
    charge: db.prepare<{ now: number; seen: number; retryAfter: number }, Row>(
      `UPDATE vault_lock SET failed_attempts = @seen + 1, retry_after = @retryAfter
       WHERE id = 1 AND failed_attempts = @seen AND retry_after <= @now RETURNING *`,
    ),
    clearFailures: db.prepare(
      'UPDATE vault_lock SET failed_attempts = 0, retry_after = 0 WHERE id = 1',
    ),
    rewrap: db.prepare<{
      protection: Protection;
      wrapped: string;
      kdf: string | null;
      expected: string;
      now: string;
    }>(
      `UPDATE vault_lock SET protection = @protection, wrapped_key = @wrapped, kdf = @kdf,
         failed_attempts = 0, retry_after = 0, updated_at = @now
       WHERE id = 1 AND wrapped_key = @expected`,
    ),
    autoLock: db.prepare<[number, string]>(
      'UPDATE vault_lock SET auto_lock_seconds = ?, updated_at = ? WHERE id = 1',
    ),
  };
  const charge = db.transaction((now: number, delayAfter: (failures: number) => number) => {
    const seen = statements.get.get()?.failed_attempts ?? 0;
    const row = statements.charge.get({ now, seen, retryAfter: now + delayAfter(seen + 1) });
    return row && fromRow(row);
  });
  return {
    get: (): LockRow | undefined => {
      const row = statements.get.get();
      return row && fromRow(row);
    },
    /** The first open's row; a second process starting at once keeps the one written first. */
    create: (wrapped: string, now: string): void => void statements.create.run(wrapped, now),
    /**
     * Counts an attempt before the slow key derivation, as one conditional write: undefined when
     * a wait is still pending (or another attempt got in first). `delayAfter(n)` is the wait
     * after n failures.
     */
    charge: (now: number, delayAfter: (failures: number) => number): LockRow | undefined =>
      charge.immediate(now, delayAfter),
    clearFailures: (): void => void statements.clearFailures.run(),
    /** Replaces the wrap only if it is still the one the caller verified against. */
    rewrap: (
      protection: Protection,
      wrapped: string,
      kdf: KdfParams | null,
      expected: string,
      now: string,
    ): boolean =>
      statements.rewrap.run({
        protection,
        wrapped,
        kdf: kdf && JSON.stringify(kdf),
        expected,
        now,
      }).changes === 1,
    setAutoLock: (seconds: number, now: string): void => void statements.autoLock.run(seconds, now),
  };
}

export type LockRepository = ReturnType<typeof createLockRepository>;
