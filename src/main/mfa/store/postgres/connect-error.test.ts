import { describe, expect, it } from 'vitest';
import { postgresTestsRun } from '../testing/throwaway-database';
import { redactUrl } from './connection';
import { openPostgresStore } from './postgres-store';

const SECRET = 'S3cr3t-pa55';

async function failure(url: string): Promise<{ code: string; message: string }> {
  try {
    const store = await openPostgresStore({ url });
    await store.close();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the open to fail');
}

describe('PostgreSQL connection errors', { timeout: 60_000 }, () => {
  it('masks the password of a URL', () => {
    expect(redactUrl(`postgres://u:${SECRET}@h:5432/db?sslmode=require`)).toBe(
      'postgres://u:***@h:5432/db?sslmode=require',
    );
  });

  it('refuses a URL that is not postgres://', async () => {
    const error = await failure(`mysql://u:${SECRET}@127.0.0.1/db`);
    expect(error.code).toBe('DATABASE_URL_INVALID');
    expect(error.message).not.toContain(SECRET);
  });

  it('refuses a URL that does not parse, without echoing it', async () => {
    const error = await failure(`postgres://u:${SECRET}@[bad/db`);
    expect(error.code).toBe('DATABASE_URL_INVALID');
    expect(error.message).not.toContain(SECRET);
  });

  it('names a server that does not answer, in one line, without the password', async () => {
    const error = await failure(`postgres://u:${SECRET}@127.0.0.1:1/db`);
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toBe(
      'Cannot use the database postgres://u:***@127.0.0.1:1/db: nothing is listening there (is PostgreSQL running?).',
    );
  });

  it.skipIf(!postgresTestsRun())('names a failed login without the password', async () => {
    const url = new URL(process.env.TESSERA_TEST_PG_URL!);
    url.password = SECRET;
    const error = await failure(url.toString());
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toContain('password authentication failed');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('\n');
  });

  it.skipIf(!postgresTestsRun())('names a database that does not exist', async () => {
    const url = new URL(process.env.TESSERA_TEST_PG_URL!);
    url.pathname = '/tessera_no_such_database';
    expect((await failure(url.toString())).message).toContain('the database does not exist');
  });
});
