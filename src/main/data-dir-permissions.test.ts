import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from './app';
import { DATABASE_FILE } from './config';
import { createKeyFile } from './keychain/key-file';

let dir: string;
let app: App | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-perms-'));
});
afterEach(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data dir', () => {
  it('is 0700 and the database and its companions 0600, even when they were made looser', async () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const keyFile = join(dir, 'master.key');
    await createKeyFile(keyFile);
    const config = { dataDir, keychainService: 'unused', keyFile, clock: Date.now };
    app = await openApp(config);
    app.vault.add({ issuer: 'Perms', name: 'me', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    app.close();
    const db = join(dataDir, DATABASE_FILE);
    for (const file of [db, `${db}.keycheck`]) chmodSync(file, 0o644);
    chmodSync(dataDir, 0o755);

    app = await openApp(config);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm', '.keycheck']) {
      expect(existsSync(db + suffix)).toBe(true);
      expect([suffix, modeOf(db + suffix)]).toEqual([suffix, 0o600]);
    }
  });
});
