import type { Pool } from 'pg';
import { isTesseraError, TesseraError } from '../../../../shared/errors';
import type { MfaStore, MfaTx } from '../mfa-store';
import { describeConnectError } from './connect-error';
import { createPool, DatabaseUrlError } from './connection';
import { checkMasterKey } from './key-check';
import { migrate } from './migrate';
import { pgReads } from './pg-reads';
import { acceptTotp, pgTx } from './pg-tx';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database?sslmode=…` */
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** The derived 'key-check' key: a database set up with another master key is refused. */
  keyCheck?: Buffer;
}

/** How long opening the store waits for the server before it gives up with a clear error. */
const CONNECT_TIMEOUT_MS = 15_000;
/**
 * A deadlock victim or a serialisation failure was rolled back whole, so its work may run again.
 * (The statements are READ COMMITTED and lock rows in one order, so both are rare.)
 */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

/**
 * The MFA store on PostgreSQL: a pool, the schema migrated at open, READ COMMITTED transactions
 * whose COMMIT returns once durable (synchronous_commit as the server has it, `on` by default).
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<MfaStore> {
  let setup: Pool;
  try {
    setup = createPool(options.url, 1, CONNECT_TIMEOUT_MS);
  } catch (error) {
    throw new TesseraError(
      'DATABASE_URL_INVALID',
      error instanceof DatabaseUrlError ? error.message : describeConnectError(error, options.url),
    );
  }
  try {
    await migrate(setup);
    if (options.keyCheck) await checkMasterKey(setup, options.keyCheck);
  } catch (error) {
    if (isTesseraError(error)) throw error;
    throw new TesseraError('DATABASE_UNAVAILABLE', describeConnectError(error, options.url));
  } finally {
    await setup.end().catch(() => undefined);
  }
  return postgresStore(createPool(options.url, options.poolSize));
}

function postgresStore(pool: Pool): MfaStore {
  async function attempt<T>(work: (tx: MfaTx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    // The connection may die between statements (a server restart, a terminated backend): the
    // next statement then fails and the work rejects; unheard, the event would end the process.
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      const result = await work(pgTx(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped rather than handed out again.
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
  return {
    kind: 'postgres',
    async transaction<T>(work: (tx: MfaTx) => Promise<T>): Promise<T> {
      for (let tries = 1; ; tries++) {
        try {
          return await attempt(work);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (tries >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
        }
      }
    },
    acceptTotp: (accept, audit) => acceptTotp(pool, accept, audit),
    read: pgReads(pool),
    close: () => pool.end(),
  };
}
