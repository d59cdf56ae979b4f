import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { TesseraError } from '../../../../shared/errors';

/**
 * Records the master key's fingerprint on first use and refuses a different key afterwards: the
 * instances sharing a database must share `--key-file`, or every API key and secret would fail.
 * `keyCheck` is the derived 'key-check' key; only an HMAC of it is stored.
 */
export async function checkMasterKey(pool: Pool, keyCheck: Buffer): Promise<void> {
  const fingerprint = createHmac('sha256', keyCheck).update('tessera database key').digest('hex');
  await pool.query(
    'INSERT INTO tessera_key_check (id, fingerprint) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
    [fingerprint],
  );
  // A statement of its own, so it sees the row of an instance that won the first insert.
  const { rows } = await pool.query<{ fingerprint: string }>(
    'SELECT fingerprint FROM tessera_key_check',
  );
  if (rows[0]?.fingerprint !== fingerprint) {
    throw new TesseraError(
      'DATABASE_WRONG_KEY',
      'This PostgreSQL database was set up with a different master key: give every instance the same --key-file; nothing was changed.',
    );
  }
}
