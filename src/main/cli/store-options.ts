import { Command } from 'commander';
import { resolveConfig, type AppConfig } from '../config';

export interface StoreFlags {
  dataDir?: string;
  keychainService?: string;
  keyFile?: string;
  database?: string;
}

/** The options every command that opens the local database shares. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'where the database lives (env TESSERA_DATA_DIR)')
    .option(
      '--keychain-service <name>',
      'OS keychain service holding the master key (env TESSERA_KEYCHAIN_SERVICE)',
    )
    .option(
      '--key-file <file>',
      'read the master key from a 0600 file instead of the keychain (env TESSERA_KEY_FILE)',
    );
}

/**
 * The options of every command that touches the MFA server's data (`serve`, `clients …` and
 * those to come): the local ones, and `--database` for a PostgreSQL shared by several servers.
 */
export function withServerOptions(command: Command): Command {
  return withStoreOptions(command).option(
    '--database <url>',
    "keep the MFA server's data in PostgreSQL (postgres://user:password@host:5432/db?sslmode=verify-full) instead of the local file; see README (env TESSERA_DATABASE_URL)",
  );
}

export function configFrom(flags: StoreFlags): AppConfig {
  return resolveConfig(flags);
}
