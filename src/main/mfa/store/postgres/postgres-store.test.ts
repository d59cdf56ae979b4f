import { describeMfaStore } from '../testing/describe-mfa-store';
import { createThrowawayDatabase, postgresTestsRun } from '../testing/throwaway-database';
import { openPostgresStore } from './postgres-store';

describeMfaStore(
  'PostgreSQL, two pools on one database',
  async () => {
    const db = await createThrowawayDatabase();
    const [store, other] = await Promise.all([
      openPostgresStore({ url: db.url }),
      openPostgresStore({ url: db.url }),
    ]);
    return {
      store,
      other,
      teardown: async () => {
        await Promise.all([store.close(), other.close()]);
        await db.drop();
      },
    };
  },
  { skip: !postgresTestsRun() },
);
