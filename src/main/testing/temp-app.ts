import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../app';
import { createKeyFile } from '../keychain/key-file';

export interface TempApp {
  app: App;
  dir: string;
  keyFile: string;
  reopen(): Promise<App>;
  /** A second connection to the same database, as another process would have; closed on dispose. */
  openAnother(): Promise<App>;
  dispose(): void;
}

/** A real app on a fresh encrypted database, keyed from a 0600 key file (no keychain needed). */
export async function openTempApp(clock: () => number = Date.now): Promise<TempApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
  const keyFile = join(dir, 'master.key');
  await createKeyFile(keyFile);
  const config = { dataDir: join(dir, 'data'), keychainService: 'unused', keyFile, clock };
  const others: App[] = [];
  const state: TempApp = {
    app: await openApp(config),
    dir,
    keyFile,
    async reopen() {
      state.app.close();
      state.app = await openApp(config);
      return state.app;
    },
    async openAnother() {
      const other = await openApp(config);
      others.push(other);
      return other;
    },
    dispose() {
      for (const app of [state.app, ...others]) {
        try {
          app.close();
        } catch {
          // already closed by the test
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return state;
}
