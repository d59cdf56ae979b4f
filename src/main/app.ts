import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, type AppConfig } from './config';
import { adminConsoleHandlers } from './admin-console/admin-console-handlers';
import { createMfaServices, type MfaServices } from './mfa/mfa-services';
import { openMfaStore } from './mfa/store/open-mfa-store';
import { createRouter, type Router } from './ipc/router';
import { readKeyFile } from './keychain/key-file';
import { createKeytarStore } from './keychain/keytar-store';
import { deriveKey, loadMasterKey } from './keychain/master-key';
import { openDatabase, type Db } from './store/database';
import { ensurePrivateDir, restrictDatabaseFiles } from './store/private-data-dir';
import { migrations } from './store/migrations';
import { createAccountRepository, type AccountRepository } from './vault/account-repository';
import { openVaultLock, type VaultLock } from './vault/lock/vault-lock';
import {
  createRecoveryCodeRepository,
  type RecoveryCodeRepository,
} from './vault/recovery/recovery-code-repository';
import {
  createRecoveryCodeService,
  type RecoveryCodeService,
} from './vault/recovery/recovery-code-service';
import { lockedGate } from './ipc/lock-gate';
import { lockHandlers } from './ipc/lock-handlers';
import { transferHandlers } from './import/import-handlers';
import { importLimits } from './import/worker/parse-in-worker';
import { organisationHandlers } from './vault/organisation-handlers';
import { createVaultService, type VaultService } from './vault/vault-service';
import {
  createOrganisationRepository,
  type OrganisationRepository,
} from './vault/organisation-repository';
import { createOrganisationService, type OrganisationService } from './vault/organisation-service';
import type { ApiStatus } from '../shared/contract/app';
import { version } from '../../package.json';

export interface App {
  config: AppConfig;
  db: Db;
  masterKey: Buffer;
  vault: VaultService;
  organisation: OrganisationService;
  organisationRepository: OrganisationRepository;
  /** The app lock: holds the vault key while unlocked; vault calls answer LOCKED otherwise. */
  lock: VaultLock;
  accounts: AccountRepository;
  recoveryCodes: RecoveryCodeRepository;
  recovery: RecoveryCodeService;
  /** The MFA server's services, shared by the API server, the admin console and the CLI. */
  mfa: MfaServices;
  /** The verification API beside the app, as `app.info` reports it; set by whoever starts it. */
  apiStatus: ApiStatus;
  /** Builds the contract router for one front end (they differ only in `mode`). */
  router(mode: 'electron' | 'web'): Router;
  /** Closes the database now; the promise settles once the MFA store has closed too. */
  close(): Promise<void>;
}

export const APP_VERSION: string = version;

async function masterKeyFor(config: AppConfig, databaseExists: boolean): Promise<Buffer> {
  if (config.keyFile) return readKeyFile(config.keyFile);
  return loadMasterKey(createKeytarStore(config.keychainService), databaseExists);
}

/** The composition root: every front end (Electron, browser mode, CLI, API) builds the app here. */
export async function openApp(config: AppConfig): Promise<App> {
  ensurePrivateDir(config.dataDir);
  const file = join(config.dataDir, DATABASE_FILE);
  const databaseExists = existsSync(file) && statSync(file).size > 0;
  const masterKey = await masterKeyFor(config, databaseExists);
  const db = openDatabase({
    file,
    key: deriveKey(masterKey, 'database'),
    keyCheck: deriveKey(masterKey, 'key-check'),
    migrations,
  });
  restrictDatabaseFiles(file);
  const lock = openVaultLock({
    db,
    keychainWrapKey: deriveKey(masterKey, 'vault-key-wrap'),
    clock: config.clock,
  });
  const accounts = createAccountRepository(db, lock.keys);
  const recoveryCodes = createRecoveryCodeRepository(db, lock.keys);
  const organisationRepository = createOrganisationRepository(db, lock.keys);
  const vault = createVaultService(accounts, config.clock, organisationRepository);
  const organisation = createOrganisationService(accounts, organisationRepository, config.clock);
  const recovery = createRecoveryCodeService(recoveryCodes, accounts, config.clock);
  const transfer = transferHandlers(
    accounts,
    recoveryCodes,
    organisationRepository,
    config.clock,
    APP_VERSION,
    (listener) => lock.onLock(listener),
    importLimits(config),
  );
  const store = await openMfaStore({ db });
  const mfa = createMfaServices({ store, masterKey, clock: config.clock });

  const app: App = {
    config,
    db,
    masterKey,
    vault,
    organisation,
    organisationRepository,
    lock,
    accounts,
    recoveryCodes,
    recovery,
    mfa,
    apiStatus: { state: 'off' },
    router: (mode) =>
      lockedGate(
        lock,
        createRouter({
          'app.info': () => ({
            version: APP_VERSION,
            mode,
            dataDir: config.dataDir,
            api: app.apiStatus,
          }),
          'vault.list': () => vault.list(),
          'vault.codes': ({ ids }) => vault.codes(ids),
          'vault.add': (input) => vault.add(input),
          'vault.addUri': ({ uri }) => vault.addUri(uri),
          'vault.update': ({ id, issuer, name, note, tags }) =>
            vault.update(id, issuer, name, { note, tags }),
          'vault.delete': ({ id }) => vault.delete(id),
          'vault.hotpNext': ({ id }) => vault.hotpNext(id),
          ...organisationHandlers(organisation),
          'recovery.summary': ({ accountId }) => recovery.summary(accountId),
          'recovery.save': ({ accountId, text }) => recovery.save(accountId, text),
          'recovery.reveal': ({ accountId }) => recovery.reveal(accountId),
          'recovery.markUsed': ({ id }) => recovery.markUsed(id),
          'recovery.find': ({ code }) => recovery.find(code),
          ...lockHandlers(lock),
          ...transfer,
          ...adminConsoleHandlers(mfa),
        }),
      ),
    close: () => {
      // A write still queued now fails (its caller is told so), never half-applied.
      const closing = store.close();
      lock.close();
      db.close();
      return closing;
    },
  };
  return app;
}
