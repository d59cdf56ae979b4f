/** Far-future lock: only an admin can lift it (100 consecutive failures). */
const ADMIN_ONLY_YEAR = '9999';

export function formatTime(iso: string | null): string {
  return iso === null ? '—' : new Date(iso).toLocaleString();
}

export function lockText(lockedUntil: string | null): string {
  if (lockedUntil === null) return 'Not locked';
  if (lockedUntil.startsWith(ADMIN_ONLY_YEAR)) return 'Locked until an admin unlocks';
  return `Locked until ${new Date(lockedUntil).toLocaleTimeString()}`;
}

export const STATUS_NAMES = {
  none: 'Not enrolled',
  pending: 'Enrollment pending',
  enrolled: 'Enrolled',
} as const;
export const METHOD_NAMES = { totp: 'Authenticator app', backup_code: 'Backup codes' } as const;
