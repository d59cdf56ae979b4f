import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, type AppConfig } from './config';
import { adminConsoleHandlers } from './admin-console/admin-console-handlers';
import { createMfaServices, type MfaServices } from './api/services';
import { createRouter, type Router } from './ipc/router';
import { readKeyFile } from './keychain/key-file';
import { createKeytarStore } from './keychain/keytar-store';
import { deriveKey, loadMasterKey } from './keychain/master-key';
import { openDatabase, type Db } from './store/database';
import { migrations } from './store/migrations';
import { createAccountRepository } from './vault/account-repository';
import { transferHandlers } from './import/import-handlers';
import { organisationHandlers } from './vault/organisation-handlers';
import { createVaultService, type VaultService } from './vault/vault-service';
import { createOrganisationRepository } from './vault/organisation-repository';
import { createOrganisationService, type OrganisationService } from './vault/organisation-service';
import { version } from '../../package.json';

export interface App {
  config: AppConfig;
  db: Db;
  masterKey: Buffer;
  vault: VaultService;
  organisation: OrganisationService;
  /**
   * The MFA services, built on first use and then shared by the API server and the admin console,
   * so both go through one write queue and one set of caches (a key revoked in the console stops
   * working in the API at once).
   */
  readonly mfa: MfaServices;
  /** Builds the contract router for one front end (they differ only in `mode`). */
  router(mode: 'electron' | 'web'): Router;
  close(): void;
}

export const APP_VERSION: string = version;

async function masterKeyFor(config: AppConfig, databaseExists: boolean): Promise<Buffer> {
  if (config.keyFile) return readKeyFile(config.keyFile);
  return loadMasterKey(createKeytarStore(config.keychainService), databaseExists);
}

/** The composition root: every front end (Electron, browser mode, CLI, API) builds the app here. */
export async function openApp(config: AppConfig): Promise<App> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = join(config.dataDir, DATABASE_FILE);
  const databaseExists = existsSync(file) && statSync(file).size > 0;
  const masterKey = await masterKeyFor(config, databaseExists);
  const db = openDatabase({
    file,
    key: deriveKey(masterKey, 'database'),
    keyCheck: deriveKey(masterKey, 'key-check'),
    migrations,
  });
  const accounts = createAccountRepository(db);
  const organisationRepository = createOrganisationRepository(db);
  const vault = createVaultService(accounts, config.clock, organisationRepository);
  const organisation = createOrganisationService(accounts, organisationRepository, config.clock);
  const transfer = transferHandlers(accounts, organisationRepository, config.clock, APP_VERSION);
  let mfa: MfaServices | undefined;
  const mfaServices = () => (mfa ??= createMfaServices({ db, masterKey, config }));

  return {
    config,
    db,
    masterKey,
    vault,
    organisation,
    get mfa() {
      return mfaServices();
    },
    router: (mode) =>
      createRouter({
        'app.info': () => ({ version: APP_VERSION, mode, dataDir: config.dataDir }),
        'vault.list': () => vault.list(),
        'vault.codes': ({ ids }) => vault.codes(ids),
        'vault.add': (input) => vault.add(input),
        'vault.addUri': ({ uri }) => vault.addUri(uri),
        'vault.update': ({ id, issuer, name, note, tags }) =>
          vault.update(id, issuer, name, { note, tags }),
        'vault.delete': ({ id }) => vault.delete(id),
        'vault.hotpNext': ({ id }) => vault.hotpNext(id),
        ...organisationHandlers(organisation),
        ...transfer,
        ...adminConsoleHandlers(mfaServices),
      }),
    close: () => {
      // Commit writes still queued (an audit event, a console action) before the file closes.
      mfa?.ctx.writes.flush();
      db.close();
    },
  };
}
