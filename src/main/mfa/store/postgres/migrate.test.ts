import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createThrowawayDatabase,
  postgresTestsRun,
  type ThrowawayDatabase,
} from '../testing/throwaway-database';
import { createPool } from './connection';
import { migrate } from './migrate';
import { pgMigrations } from './migrations';
import { openPostgresStore } from './postgres-store';

describe.skipIf(!postgresTestsRun())('PostgreSQL migrations', { timeout: 60_000 }, () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase();
  });
  afterAll(() => db?.drop());

  it('numbers the migrations 1, 2, … in order', () => {
    expect(pgMigrations.map((m) => m.version)).toEqual(pgMigrations.map((_, i) => i + 1));
  });

  it('applies each migration once when instances start together', async () => {
    const pools = Array.from({ length: 4 }, () => createPool(db.url, 2));
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(applied.flat().sort()).toEqual(pgMigrations.map((m) => m.version));
      const { rows } = await pools[0]!.query(
        'SELECT version FROM tessera_migrations ORDER BY version',
      );
      expect(rows.map((r: { version: number }) => r.version)).toEqual(
        pgMigrations.map((m) => m.version),
      );
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('refuses a database newer than the code, changing nothing', async () => {
    const pool = createPool(db.url, 1);
    try {
      const next = pgMigrations.length + 1;
      await pool.query(
        "INSERT INTO tessera_migrations (version, name, applied_at) VALUES ($1, 'future', 0)",
        [next],
      );
      await expect(openPostgresStore({ url: db.url })).rejects.toMatchObject({
        code: 'DATABASE_TOO_NEW',
      });
      await pool.query('DELETE FROM tessera_migrations WHERE version = $1', [next]);
    } finally {
      await pool.end();
    }
  });

  it('refuses a master key other than the one the database was set up with', async () => {
    const first = await openPostgresStore({ url: db.url, keyCheck: Buffer.alloc(32, 1) });
    await first.close();
    const again = await openPostgresStore({ url: db.url, keyCheck: Buffer.alloc(32, 1) });
    await again.close();
    await expect(
      openPostgresStore({ url: db.url, keyCheck: Buffer.alloc(32, 2) }),
    ).rejects.toMatchObject({ code: 'DATABASE_WRONG_KEY' });
  });
});
