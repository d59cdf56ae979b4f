import type { Db } from '../../store/database';
import { isSealed } from './sealing';
import { sealedFor, type VaultKeys } from './vault-keys';

/**
 * Seals account secrets still stored in clear (written before the vault key existed). Runs in
 * the caller's transaction; after the first open it finds nothing.
 */
export function sealPlainSecrets(db: Db, keys: VaultKeys): number {
  const rows = db
    .prepare<[], { id: string; secret: string }>('SELECT id, secret FROM vault_accounts')
    .all()
    .filter((row) => !isSealed(row.secret));
  const update = db.prepare<[string, string]>('UPDATE vault_accounts SET secret = ? WHERE id = ?');
  for (const row of rows) {
    update.run(keys.seal(Buffer.from(row.secret, 'utf8'), sealedFor.accountSecret(row.id)), row.id);
  }
  return rows.length;
}
