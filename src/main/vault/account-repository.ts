import { randomUUID } from 'node:crypto';
import type { AccountDraft, AccountView } from '../../shared/account';
import { EMPTY_ORGANISATION, type Organisation } from '../../shared/organisation';
import { isWeakSecret } from '../../shared/secret';
import type { Db } from '../store/database';
import { sealedFor, type VaultKeys } from './lock/vault-keys';

interface AccountRow {
  id: string;
  issuer: string;
  name: string;
  type: AccountDraft['type'];
  algorithm: AccountDraft['algorithm'];
  digits: number;
  period: number;
  counter: number;
  secret: string;
  position: number;
  created_at: string;
}

export interface StoredAccount extends AccountDraft {
  id: string;
  position: number;
  createdAt: string;
}

function fromRow(row: AccountRow, keys: VaultKeys): StoredAccount {
  const secret = keys.open(row.secret, sealedFor.accountSecret(row.id));
  return {
    id: row.id,
    issuer: row.issuer,
    name: row.name,
    type: row.type,
    algorithm: row.algorithm,
    digits: row.digits,
    period: row.period,
    counter: row.counter,
    secret: secret.toString('utf8'),
    position: row.position,
    createdAt: row.created_at,
  };
}

export function toView(
  account: StoredAccount,
  organisation: Organisation = EMPTY_ORGANISATION,
): AccountView {
  const { secret, ...rest } = account;
  return { ...rest, ...organisation, weakSecret: isWeakSecret(secret) };
}

/**
 * SQL for vault accounts; every statement prepared once. Secrets are sealed with the vault key
 * (`keys()` answers LOCKED while the app is locked) and opened only when a row is read.
 */
export function createAccountRepository(db: Db, keys: () => VaultKeys) {
  const statements = {
    all: db.prepare<[], AccountRow>('SELECT * FROM vault_accounts ORDER BY position, created_at'),
    byId: db.prepare<[string], AccountRow>('SELECT * FROM vault_accounts WHERE id = ?'),
    exists: db.prepare<[string], number>('SELECT 1 FROM vault_accounts WHERE id = ?').pluck(),
    // One statement for any number of ids: the list asks for the rows on screen at every rollover.
    byIds: db.prepare<[string], AccountRow>(
      'SELECT * FROM vault_accounts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position, created_at',
    ),
    nextPosition: db.prepare<[], { next: number }>(
      'SELECT coalesce(max(position), -1) + 1 AS next FROM vault_accounts',
    ),
    insert: db.prepare(
      `INSERT INTO vault_accounts (id, issuer, name, type, algorithm, digits, period, counter, secret, position, created_at, updated_at)
       VALUES (@id, @issuer, @name, @type, @algorithm, @digits, @period, @counter, @secret, @position, @now, @now)`,
    ),
    rename: db.prepare<[string, string, string, string]>(
      'UPDATE vault_accounts SET issuer = ?, name = ?, updated_at = ? WHERE id = ?',
    ),
    remove: db.prepare<[string]>('DELETE FROM vault_accounts WHERE id = ?'),
    advance: db.prepare<[string, string], AccountRow>(
      'UPDATE vault_accounts SET counter = counter + 1, updated_at = ? WHERE id = ? RETURNING *',
    ),
  };

  const insertMany = db.transaction((drafts: AccountDraft[], now: string): StoredAccount[] => {
    let position = statements.nextPosition.get()!.next;
    return drafts.map((draft) => {
      const account: StoredAccount = {
        ...draft,
        id: randomUUID(),
        position: position++,
        createdAt: now,
      };
      const secret = keys().seal(
        Buffer.from(draft.secret, 'utf8'),
        sealedFor.accountSecret(account.id),
      );
      statements.insert.run({ ...draft, secret, id: account.id, position: account.position, now });
      return account;
    });
  });

  const read = (row: AccountRow) => fromRow(row, keys());
  return {
    list: (): StoredAccount[] => statements.all.all().map(read),
    getMany: (ids: string[]): StoredAccount[] =>
      statements.byIds.all(JSON.stringify(ids)).map(read),
    get: (id: string): StoredAccount | undefined => {
      const row = statements.byId.get(id);
      return row && read(row);
    },
    /** Without opening the secret. */
    exists: (id: string): boolean => statements.exists.get(id) !== undefined,
    /** All-or-nothing: either every draft is stored or none is. */
    insertMany,
    rename: (id: string, issuer: string, name: string, now: string): boolean =>
      statements.rename.run(issuer, name, now, id).changes === 1,
    remove: (id: string): boolean => statements.remove.run(id).changes === 1,
    advanceCounter: (id: string, now: string): StoredAccount | undefined => {
      const row = statements.advance.get(now, id);
      return row && read(row);
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
