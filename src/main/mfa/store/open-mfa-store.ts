import type { Db } from '../../store/database';
import type { MfaStore } from './mfa-store';
import { openPostgresStore } from './postgres/postgres-store';
import { createSqliteMfaStore } from './sqlite/sqlite-mfa-store';

export type OpenMfaStoreOptions =
  /** The app's encrypted SQLite connection: the store when no database URL is configured. */
  | { db: Db; databaseUrl?: undefined }
  /**
   * A PostgreSQL URL (`--database` / TESSERA_DATABASE_URL); `keyCheck` (the derived
   * 'key-check' key) refuses a database set up with another master key.
   */
  | { databaseUrl: string; keyCheck: Buffer; poolSize?: number };

/** The MFA store the configuration asks for: PostgreSQL when a URL is given, else SQLite. */
export async function openMfaStore(options: OpenMfaStoreOptions): Promise<MfaStore> {
  if (options.databaseUrl !== undefined) {
    return openPostgresStore({
      url: options.databaseUrl,
      keyCheck: options.keyCheck,
      ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    });
  }
  return createSqliteMfaStore(options.db);
}
