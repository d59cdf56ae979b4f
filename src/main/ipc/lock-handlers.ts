import type { VaultLock } from '../vault/lock/vault-lock';
import type { Handlers } from './router';

type LockChannel = Extract<keyof Handlers, `lock.${string}`>;

/** Router handlers of the app lock; each answers with the lock's status after the change. */
export function lockHandlers(lock: VaultLock): Pick<Handlers, LockChannel> {
  return {
    'lock.status': () => lock.status(),
    'lock.unlock': async ({ password }) => {
      await lock.unlock(password);
      return lock.status();
    },
    'lock.lock': () => {
      lock.lock();
      return lock.status();
    },
    'lock.setPassword': async ({ password }) => {
      await lock.setPassword(password);
      return lock.status();
    },
    'lock.changePassword': async ({ current, password }) => {
      await lock.changePassword(current, password);
      return lock.status();
    },
    'lock.removePassword': async ({ current }) => {
      await lock.removePassword(current);
      return lock.status();
    },
    'lock.setAutoLock': ({ seconds }) => {
      lock.setAutoLock(seconds);
      return lock.status();
    },
    'lock.activity': () => {
      lock.touch();
      return {};
    },
  };
}
