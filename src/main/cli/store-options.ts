import { Command } from 'commander';
import { resolveConfig, type AppConfig } from '../config';

export interface StoreFlags {
  dataDir?: string;
  keychainService?: string;
  keyFile?: string;
}

/** The options every command that opens the database shares. */
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

export function configFrom(flags: StoreFlags): AppConfig {
  return resolveConfig(flags);
}
