import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/database';
import { normalizeRecoveryCode } from '../../../shared/recovery-codes';
import { sealedFor, type VaultKeys } from '../lock/vault-keys';

interface Row {
  id: string;
  account_id: string;
  position: number;
  sealed: string;
  used_at: string | null;
}

export interface RecoveryCodeState {
  id: string;
  accountId: string;
  position: number;
  usedAt: string | null;
}

export interface RecoveryCodeInput {
  code: string;
  usedAt: string | null;
}

const state = (row: Row): RecoveryCodeState => ({
  id: row.id,
  accountId: row.account_id,
  position: row.position,
  usedAt: row.used_at,
});

/** SQL for recovery codes: sealed like secrets, found by a keyed hash of the normalised code. */
export function createRecoveryCodeRepository(db: Db, keys: () => VaultKeys) {
  const statements = {
    ofAccount: db.prepare<[string], Row>(
      'SELECT * FROM vault_recovery_codes WHERE account_id = ? ORDER BY position',
    ),
    clear: db.prepare<[string]>('DELETE FROM vault_recovery_codes WHERE account_id = ?'),
    insert: db.prepare(
      `INSERT INTO vault_recovery_codes (id, account_id, position, sealed, lookup, used_at, created_at)
       VALUES (@id, @accountId, @position, @sealed, @lookup, @usedAt, @now)`,
    ),
    // Once only: the row decides, so two windows marking the same code cannot both succeed.
    markUsed: db.prepare<[string, string], Row>(
      'UPDATE vault_recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL RETURNING *',
    ),
    byId: db.prepare<[string], Row>('SELECT * FROM vault_recovery_codes WHERE id = ?'),
    byLookup: db.prepare<[string], Row>(
      'SELECT * FROM vault_recovery_codes WHERE lookup = ? ORDER BY created_at LIMIT 1',
    ),
  };

  const insert = (accountId: string, codes: readonly RecoveryCodeInput[], now: string) => {
    const vault = keys();
    codes.forEach(({ code, usedAt }, position) => {
      const id = randomUUID();
      statements.insert.run({
        id,
        accountId,
        position,
        sealed: vault.seal(Buffer.from(code, 'utf8'), sealedFor.recoveryCode(id)),
        lookup: vault.lookup(normalizeRecoveryCode(code)),
        usedAt,
        now,
      });
    });
  };

  return {
    states: (accountId: string): RecoveryCodeState[] =>
      statements.ofAccount.all(accountId).map(state),
    /** The codes in clear, for an explicit reveal or an encrypted backup only. */
    reveal: (accountId: string): (RecoveryCodeState & { code: string })[] => {
      const vault = keys();
      return statements.ofAccount.all(accountId).map((row) => ({
        ...state(row),
        code: vault.open(row.sealed, sealedFor.recoveryCode(row.id)).toString('utf8'),
      }));
    },
    /** Replaces an account's codes, all or nothing. */
    replace: db.transaction((accountId: string, codes: RecoveryCodeInput[], now: string) => {
      keys();
      statements.clear.run(accountId);
      insert(accountId, codes, now);
    }),
    /**
     * Writes accounts (through `writeAccounts`) and the codes that came with each, in one
     * transaction: an import never leaves accounts without their codes.
     */
    withAccounts: db.transaction(
      <T extends { id: string }>(
        writeAccounts: () => T[],
        codes: (readonly RecoveryCodeInput[] | undefined)[],
        now: string,
      ): T[] => {
        const written = writeAccounts();
        written.forEach((account, i) => {
          if (codes[i]?.length) insert(account.id, codes[i]!, now);
        });
        return written;
      },
    ),
    get: (id: string): RecoveryCodeState | undefined => {
      const row = statements.byId.get(id);
      return row && state(row);
    },
    markUsed: (id: string, now: string): RecoveryCodeState | undefined => {
      const row = statements.markUsed.get(now, id);
      return row && state(row);
    },
    find: (code: string): RecoveryCodeState | undefined => {
      const row = statements.byLookup.get(keys().lookup(normalizeRecoveryCode(code)));
      return row && state(row);
    },
  };
}

export type RecoveryCodeRepository = ReturnType<typeof createRecoveryCodeRepository>;
