import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createThrowawayDatabase,
  postgresTestsRun,
  type ThrowawayDatabase,
} from '../testing/throwaway-database';
import { openPostgresStore } from './postgres-store';

describe.skipIf(!postgresTestsRun())('PostgreSQL connections lost', { timeout: 60_000 }, () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase();
  });
  afterAll(() => db?.drop());

  it('a backend terminated mid-transaction fails that work only; the next one runs', async () => {
    const store = await openPostgresStore({ url: db.url });
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const terminateOthers = () =>
        admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      await expect(
        store.transaction(async (tx) => {
          await tx.unlock(-1, 0);
          await terminateOthers();
          // Let the termination notice arrive while the connection sits between statements.
          await new Promise((resolve) => setTimeout(resolve, 200));
          return tx.unlock(-1, 0);
        }),
      ).rejects.toThrow();
      expect(await store.transaction((tx) => tx.unlock(-1, 0))).toBe(false);
      expect(await store.read.clients()).toEqual([]);
    } finally {
      await admin.end();
      await store.close();
    }
  });
});
