import pg from 'pg';

const INT8_OID = 20;

/**
 * BIGINT columns (epoch ms, pks, ids) as numbers: every value Tessera stores is far below 2^53,
 * and a string would leak into every comparison. Per pool, not pg's global parser.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The URL with its password masked, fit for a message or a log line. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable database URL)';
  }
}

/**
 * A pool over `url`. TLS and the rest come from the URL as pg parses it (`?sslmode=verify-full
 * &sslrootcert=…`, `sslcert`, `sslkey`, `application_name`, …); `poolSize` caps the connections.
 */
export function createPool(url: string, poolSize = 10, connectTimeoutMs = 0): pg.Pool {
  if (!URL.canParse(url)) {
    throw new DatabaseUrlError(
      'The database URL is not a valid URL: expected postgres://user:password@host:5432/database.',
    );
  }
  const protocol = /^([a-z]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (protocol !== 'postgres' && protocol !== 'postgresql') {
    throw new DatabaseUrlError(
      `The database URL must start with postgres:// or postgresql://, not ${JSON.stringify(redactUrl(url).slice(0, 20))}.`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    // Every statement is written for READ COMMITTED (a racer waits for the row, then re-checks
    // its WHERE): a database or role whose default is stricter would fail the losers of a race
    // with 40001 instead, even outside a transaction. (An `options` parameter in the URL wins.)
    options: '-c default_transaction_isolation=read\\ committed',
    // pg applies it to a wait for a free connection too, so only the pool that opens the store
    // sets it (an unreachable host then fails in a while instead of hanging): under load a
    // request may rightly wait longer than any fixed limit for its turn.
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle connection the server dropped (a restart, a failover) must not crash the process:
  // the pool discards it and the next query opens a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}
