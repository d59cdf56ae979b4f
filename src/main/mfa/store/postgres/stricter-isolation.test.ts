import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MfaStore } from '../mfa-store';
import { acceptedAudit, countDefined, seedEnrolled, T0 } from '../testing/store-fixtures';
import {
  createThrowawayDatabase,
  postgresTestsRun,
  type ThrowawayDatabase,
} from '../testing/throwaway-database';
import { openPostgresStore } from './postgres-store';

describe.skipIf(!postgresTestsRun())('a database whose default isolation is SERIALIZABLE', () => {
  let db: ThrowawayDatabase;
  let stores: MfaStore[];
  beforeAll(async () => {
    db = await createThrowawayDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `ALTER DATABASE ${db.name} SET default_transaction_isolation = 'serializable'`,
      );
    } finally {
      await client.end();
    }
    stores = await Promise.all([
      openPostgresStore({ url: db.url }),
      openPostgresStore({ url: db.url }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await db.drop();
  });

  // Both stores migrated it at once in beforeAll: the second found the schema the first made.
  it('the losers of parallel accepts get "not applied", not a serialisation error', async () => {
    const u = await seedEnrolled(stores[0]!, 100);
    const accept = { pk: u.pk, factorId: u.factorId, step: 101, now: T0 };
    const accepted = await countDefined(100, (i) =>
      stores[i % 2]!.acceptTotp(accept, acceptedAudit(u)),
    );
    expect(accepted).toHaveLength(1);
    const audited = await stores[0]!.read.audit({ clientId: u.clientId, limit: 10 });
    expect(audited.map((e) => e.event)).toEqual(['verify.success']);
  });
});
