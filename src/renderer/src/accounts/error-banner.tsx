import type { TesseraError } from '../../../shared/errors';
import { ErrorAlert } from '../ui/error-alert';

const NEW_LINK =
  'Run `tessera web --new-url` in a terminal (with the same --data-dir) and open the link it prints.';

/** What a person can do about each start-up failure; the message from main names the cause. */
const ADVICE: Record<string, string> = {
  START_LINK_USED: NEW_LINK,
  START_LINK_EXPIRED: NEW_LINK,
  START_LINK_INVALID: NEW_LINK,
  UNAUTHENTICATED: NEW_LINK,
  KEYCHAIN_UNAVAILABLE:
    'Start or unlock your system keychain (for example GNOME Keyring), then try again.',
  KEYCHAIN_LOCKED: 'Unlock your system keychain, then try again.',
  KEYCHAIN_KEY_MISSING:
    'The key for this vault is not in the keychain. Restore it, or point Tessera at a backup.',
  DATABASE_WRONG_KEY:
    'The vault was created with another key. Restore the matching keychain entry.',
  DATABASE_CORRUPT:
    'The vault file is damaged. Tessera left it untouched; restore it from a backup.',
  DATABASE_TOO_NEW: 'This vault was written by a newer Tessera. Update the app.',
};

export function ErrorBanner({ error, onRetry }: { error: TesseraError; onRetry?: () => void }) {
  return (
    <ErrorAlert
      error={error}
      title="Tessera cannot open your vault"
      advice={ADVICE[error.code]}
      onRetry={onRetry}
    />
  );
}
