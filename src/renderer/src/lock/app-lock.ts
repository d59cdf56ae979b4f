import type { LockStatus } from '../../../shared/contract/lock';

/** What the lock context offers the UI; main decides, this mirrors and asks. */
export interface AppLock {
  status: LockStatus;
  /** Where Tessera runs: the tray and global shortcut exist only in the desktop app. */
  mode: 'electron' | 'web';
  lock(): Promise<void>;
  unlock(password: string): Promise<void>;
  setPassword(password: string): Promise<void>;
  changePassword(current: string, password: string): Promise<void>;
  removePassword(current: string): Promise<void>;
  setAutoLock(seconds: number): Promise<void>;
}
