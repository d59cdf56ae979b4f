import { TesseraError } from '../../shared/errors';
import { openApp, type App } from '../app';
import { readPasswordFile } from './password-file';
import { configFrom, type StoreFlags } from './store-options';

export const MASTER_PASSWORD_FILE_HELP =
  'when Tessera has a master password: read it from the first line of this file';

export interface UnlockFlags extends StoreFlags {
  passwordFile?: string;
}

/** Opens the app and, when a master password is set, unlocks it from --password-file. */
export async function openUnlockedApp(flags: UnlockFlags, flag = '--password-file'): Promise<App> {
  const app = await openApp(configFrom(flags));
  try {
    if (app.lock.isLocked()) {
      const password = await readPasswordFile(flags.passwordFile);
      if (password === undefined) {
        throw new TesseraError(
          'LOCKED',
          `Tessera has a master password: pass ${flag} FILE (its first line is the password).`,
        );
      }
      await app.lock.unlock(password);
    }
    return app;
  } catch (error) {
    app.close();
    throw error;
  }
}
