import { Icon } from '../ui/icons';
import { useOptionalAppLock } from './lock-context';

/** Locks now; shown only when a master password is set (without one there is nothing to unlock). */
export function LockButton() {
  const lock = useOptionalAppLock();
  if (lock?.status.protection !== 'password') return null;
  const shortcut = navigator.platform.startsWith('Mac') ? 'Cmd+L' : 'Ctrl+L';
  return (
    <button
      type="button"
      className="button"
      title={`Lock (${shortcut})`}
      aria-keyshortcuts={shortcut === 'Cmd+L' ? 'Meta+L' : 'Control+L'}
      onClick={() => void lock.lock()}
    >
      <Icon name="lock" />
      Lock
    </button>
  );
}
