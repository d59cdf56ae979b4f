import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL the tests use: TESSERA_TEST_PG_URL (scripts/with-postgres.sh sets it). Without
 * it the PostgreSQL tests skip, saying why, except under CI (CI=true or TESSERA_REQUIRE_POSTGRES),
 * where they must run: there its absence fails them.
 */
/** Why the PostgreSQL tests skip here, or undefined when they run (or must run). */
export function postgresSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TESSERA_TEST_PG_URL) return undefined;
  if (env.CI === 'true' || env.TESSERA_REQUIRE_POSTGRES) return undefined;
  return (
    env.TESSERA_TEST_PG_SKIP ??
    'TESSERA_TEST_PG_URL is not set (run the tests through scripts/with-postgres.sh or npm test)'
  );
}

let warned = false;
/** True when the PostgreSQL tests should run; prints the reason once when they skip. */
export function postgresTestsRun(): boolean {
  const reason = postgresSkipReason();
  if (reason && !warned) {
    warned = true;
    process.stderr.write(`PostgreSQL tests skipped: ${reason}\n`);
  }
  return reason === undefined;
}

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database `tessera_test_<random>` on the test cluster, dropped by `drop()`. */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const base = process.env.TESSERA_TEST_PG_URL;
  if (!base) {
    throw new Error(
      'PostgreSQL is required here (CI) but TESSERA_TEST_PG_URL is not set: run through scripts/with-postgres.sh.',
    );
  }
  const name = `tessera_test_${randomBytes(6).toString('hex')}`;
  await admin(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // FORCE: a server process killed mid-test may leave a connection the server has not reaped.
    drop: () => dropWithRetries(base, name),
  };
}

/**
 * A background process the server just started in the database (autovacuum) can make the forced
 * drop fail for a moment; the database is only scratch, so a drop that keeps failing is left
 * behind with a warning rather than failing the test that used it.
 */
async function dropWithRetries(base: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if (attempt === 5) {
        process.stderr.write(
          `throwaway database ${name} left behind: ${(error as Error).message}\n`,
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
