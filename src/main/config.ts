import { homedir } from 'node:os';
import { join } from 'node:path';
import { TesseraError } from '../shared/errors';

export interface AppConfig {
  dataDir: string;
  /** OS keychain service holding the master key; tests use their own. */
  keychainService: string;
  /** When set, the master key is read from this file instead of the keychain. */
  keyFile?: string;
  /**
   * When set, the MFA server's data lives in this PostgreSQL database (`--database`,
   * TESSERA_DATABASE_URL) instead of the encrypted SQLite file.
   */
  databaseUrl?: string;
  clock: () => number;
  /** Wall-clock limit for reading one import file (env TESSERA_IMPORT_TIMEOUT_MS). */
  importTimeoutMs?: number;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'tessera';
export const DATABASE_FILE = 'tessera.db';

/** Where the CLI and browser mode keep data when no --data-dir is given (Electron uses userData). */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'Tessera');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Tessera');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'tessera');
}

export interface ConfigOverrides {
  dataDir?: string;
  keychainService?: string;
  keyFile?: string;
  database?: string;
}

/** Flags win over environment variables, which win over defaults. */
export function resolveConfig(
  overrides: ConfigOverrides,
  env: NodeJS.ProcessEnv = process.env,
): AppConfig {
  const keyFile = overrides.keyFile ?? env.TESSERA_KEY_FILE;
  // An empty variable (`TESSERA_DATABASE_URL= tessera serve`) means "no database URL".
  const databaseUrl = overrides.database ?? (env.TESSERA_DATABASE_URL || undefined);
  const importTimeoutMs = importTimeoutFrom(env.TESSERA_IMPORT_TIMEOUT_MS);
  return {
    dataDir: overrides.dataDir ?? env.TESSERA_DATA_DIR ?? defaultDataDir(),
    keychainService:
      overrides.keychainService ?? env.TESSERA_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE,
    ...(keyFile ? { keyFile } : {}),
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(importTimeoutMs !== undefined ? { importTimeoutMs } : {}),
    clock: Date.now,
  };
}

function importTimeoutFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 3_600_000) {
    throw new TesseraError(
      'VALIDATION_FAILED',
      'TESSERA_IMPORT_TIMEOUT_MS must be a whole number of milliseconds from 100 to 3600000.',
    );
  }
  return ms;
}
