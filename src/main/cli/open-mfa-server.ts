import { openApp } from '../app';
import type { AppConfig } from '../config';
import { readKeyFile } from '../keychain/key-file';
import { createKeytarStore } from '../keychain/keytar-store';
import { deriveKey, loadMasterKey } from '../keychain/master-key';
import { createMfaServices, type MfaServices } from '../mfa/mfa-services';
import { openMfaStore } from '../mfa/store/open-mfa-store';

export interface MfaServer {
  mfa: MfaServices;
  close(): Promise<void>;
}

/**
 * The MFA server's services for a CLI command. With a database URL they run on PostgreSQL and
 * the local encrypted file is neither needed nor touched (several instances share the database
 * and `--key-file`); without one, on the app's SQLite file as always.
 */
export async function openMfaServer(config: AppConfig): Promise<MfaServer> {
  if (config.databaseUrl === undefined) {
    const app = await openApp(config);
    return { mfa: app.mfa, close: () => app.close() };
  }
  // The key must already exist: a new one would orphan whatever the database holds (the key
  // check in the database refuses a different one).
  const masterKey = config.keyFile
    ? await readKeyFile(config.keyFile)
    : await loadMasterKey(createKeytarStore(config.keychainService), true);
  const store = await openMfaStore({
    databaseUrl: config.databaseUrl,
    keyCheck: deriveKey(masterKey, 'key-check'),
  });
  return {
    mfa: createMfaServices({ store, masterKey, clock: config.clock }),
    close: () => store.close(),
  };
}

/** Runs one CLI action on the MFA server's services, then closes them. */
export async function withMfaServer<T>(
  config: AppConfig,
  run: (services: MfaServices) => Promise<T> | T,
): Promise<T> {
  const server = await openMfaServer(config);
  try {
    return await run(server.mfa);
  } finally {
    await server.close();
  }
}
