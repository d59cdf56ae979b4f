import type { Db } from '../../../store/database';
import type { MfaStore, MfaTx } from '../mfa-store';
import { createGroupCommit } from './group-commit';
import { createSqliteReads } from './sqlite-reads';
import { createSqliteWrites } from './sqlite-writes';

/**
 * The MFA store on the encrypted SQLite file (the default). `db` is the app's connection (the
 * vault shares the file), opened by store/database.ts with `synchronous=FULL`: a COMMIT returns
 * once the WAL is on disk. Other processes on the same file wait for the write lock
 * (busy_timeout), and every decision is made under it, so they behave as one server.
 *
 * Reads outside a transaction run on the same connection: one made while a batch is in flight
 * may see that batch's writes before they commit. Nothing decides on such a read; the
 * conditional writes inside the transaction do.
 */
export function createSqliteMfaStore(db: Db): MfaStore {
  const reads = createSqliteReads(db);
  const tx: MfaTx = { ...reads, ...createSqliteWrites(db) };
  const commits = createGroupCommit(db, tx);
  return {
    kind: 'sqlite',
    transaction: (work) => commits.run(work),
    acceptTotp: (accept, audit) => commits.run((t) => t.acceptTotp(accept, audit)),
    read: reads,
    // The connection belongs to the app, which closes it after this.
    close: () => commits.drain(),
  };
}
