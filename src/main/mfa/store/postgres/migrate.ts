import type { Pool } from 'pg';
import { TesseraError } from '../../../../shared/errors';
import type { PgMigration } from './migrations/pg-migration';
import { pgMigrations } from './migrations';

/** Any constant both instances agree on: the advisory lock that serialises their migrations. */
const MIGRATION_LOCK = 0x7e55e7a;

/**
 * Brings the schema up to date in ONE transaction under an advisory lock, so two instances
 * starting together apply each migration once (the second waits, then finds nothing to do).
 * A database newer than this code is refused rather than used. Returns the versions applied.
 */
export async function migrate(
  pool: Pool,
  migrations: readonly PgMigration[] = pgMigrations,
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS tessera_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM tessera_migrations',
    );
    const current = rows[0]?.version ?? 0;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) {
      throw new TesseraError(
        'DATABASE_TOO_NEW',
        `The database's schema is version ${current}, newer than this Tessera knows (${known}): upgrade Tessera; nothing was changed.`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations.filter((m) => m.version > current)) {
      await client.query(migration.sql);
      await client.query(
        'INSERT INTO tessera_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, Date.now()],
      );
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
