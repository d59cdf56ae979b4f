import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { createMfaServices } from '../../mfa-services';
import { checkInterleavings } from '../../testing/interleavings';
import { createThrowawayDatabase, postgresTestsRun } from '../testing/throwaway-database';
import { openPostgresStore } from './postgres-store';

describe.skipIf(!postgresTestsRun())(
  'random interleavings over two PostgreSQL-backed instances on one database',
  () => {
    it(
      'never accept a code twice or while locked, and count failures exactly',
      { timeout: 240_000 },
      async () => {
        const clock = { now: Date.UTC(2030, 0, 1) };
        const db = await createThrowawayDatabase();
        const masterKey = randomBytes(32);
        const stores = await Promise.all([
          openPostgresStore({ url: db.url }),
          openPostgresStore({ url: db.url }),
        ]);
        const [one, two] = stores.map((store) =>
          createMfaServices({ store, masterKey, clock: () => clock.now }),
        );
        try {
          await checkInterleavings({
            services: [one!, two!],
            clock,
            close: async () => undefined,
          });
        } finally {
          await Promise.all(stores.map((store) => store.close()));
          await db.drop();
        }
      },
    );
  },
);
