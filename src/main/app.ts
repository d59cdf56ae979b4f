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
import { createVaultService, type VaultService } from './vault/vault-service';
import { version } from '../../package.json';

export interface App {
  config: AppConfig;
  db: Db;
  masterKey: Buffer;
  vault: VaultService;
  /** The app lock: holds the vault key while unlocked; vault calls answer LOCKED otherwise. */
  lock: VaultLock;
  accounts: AccountRepository;
  recoveryCodes: RecoveryCodeRepository;
  recovery: RecoveryCodeService;
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
  const lock = openVaultLock({
    db,
    keychainWrapKey: deriveKey(masterKey, 'vault-key-wrap'),
    clock: config.clock,
  });
  const accounts = createAccountRepository(db, lock.keys);
  const recoveryCodes = createRecoveryCodeRepository(db, lock.keys);
  const vault = createVaultService(accounts, config.clock);
  const recovery = createRecoveryCodeService(recoveryCodes, accounts, config.clock);
  const transfer = transferHandlers(accounts, recoveryCodes, config.clock, APP_VERSION);
  let mfa: MfaServices | undefined;
  const mfaServices = () => (mfa ??= createMfaServices({ db, masterKey, config }));

  return {
    config,
    db,
    masterKey,
    vault,
    lock,
    accounts,
    recoveryCodes,
    recovery,
    get mfa() {
      return mfaServices();
    },
    router: (mode) =>
      lockedGate(
        lock,
        createRouter({
          'app.info': () => ({ version: APP_VERSION, mode, dataDir: config.dataDir }),
          'vault.list': () => vault.list(),
          'vault.codes': ({ ids }) => vault.codes(ids),
          'vault.add': (input) => vault.add(input),
          'vault.addUri': ({ uri }) => vault.addUri(uri),
          'vault.update': ({ id, issuer, name }) => vault.update(id, issuer, name),
          'vault.delete': ({ id }) => vault.delete(id),
          'vault.hotpNext': ({ id }) => vault.hotpNext(id),
          'recovery.summary': ({ accountId }) => recovery.summary(accountId),
          'recovery.save': ({ accountId, text }) => recovery.save(accountId, text),
          'recovery.reveal': ({ accountId }) => recovery.reveal(accountId),
          'recovery.markUsed': ({ id }) => recovery.markUsed(id),
          'recovery.find': ({ code }) => recovery.find(code),
          ...lockHandlers(lock),
          ...transfer,
          ...adminConsoleHandlers(mfaServices),
        }),
      ),
    close: () => {
      // Commit writes still queued (an audit event, a console action) before the file closes.
      mfa?.ctx.writes.flush();
      lock.close();
      db.close();
    },
  };
}
