import type { PolicyMode, UserView } from '../../shared/api';
import type { AcceptLog } from './accept-log';
import { isLocked } from './lockout';
import type { UserRow } from './user-repository';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function mfaStatus(row: UserRow, nowMs: number): 'none' | 'pending' | 'enrolled' {
  if (row.totp_factor_id !== null) return 'enrolled';
  return row.pending_expires_at !== null && row.pending_expires_at > nowMs ? 'pending' : 'none';
}

/**
 * The API's view of a user: MFA state and what the client's policy asks of it; no secret. Its
 * last verification may still be in the accept log, not yet folded into the row.
 */
export function userView(
  row: UserRow,
  mode: PolicyMode,
  nowMs: number,
  accepts: Pick<AcceptLog, 'lastVerifiedAt'>,
): UserView {
  const status = mfaStatus(row, nowMs);
  const enrolled = status === 'enrolled';
  return {
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    mfa: {
      status,
      methods: enrolled
        ? row.backup_codes_remaining > 0
          ? ['totp', 'backup_code']
          : ['totp']
        : [],
      backupCodesRemaining: enrolled ? row.backup_codes_remaining : 0,
      lockedUntil: isLocked(row.locked_until, nowMs) ? iso(row.locked_until) : null,
      consecutiveFailures: row.failures,
      lastVerifiedAt: iso(accepts.lastVerifiedAt(row)),
    },
    policy: { mode, enrollmentRequired: mode === 'REQUIRED' && !enrolled },
  };
}
