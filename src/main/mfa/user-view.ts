import type { PolicyMode, UserView } from '../../shared/api';
import { isLocked } from './lockout';
import type { UserRecord } from './store/mfa-store';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function mfaStatus(user: UserRecord, nowMs: number): 'none' | 'pending' | 'enrolled' {
  if (user.factorId !== null) return 'enrolled';
  return user.pendingExpiresAt !== null && user.pendingExpiresAt > nowMs ? 'pending' : 'none';
}

/** The API's view of a user: MFA state and what the client's policy asks of it; no secret. */
export function userView(user: UserRecord, mode: PolicyMode, nowMs: number): UserView {
  const status = mfaStatus(user, nowMs);
  const enrolled = status === 'enrolled';
  const remaining = enrolled ? user.backupCodesRemaining : 0;
  return {
    userId: user.userId,
    displayName: user.displayName,
    email: user.email,
    mfa: {
      status,
      methods: enrolled ? (remaining > 0 ? ['totp', 'backup_code'] : ['totp']) : [],
      backupCodesRemaining: remaining,
      lockedUntil: isLocked(user.lockedUntil, nowMs) ? iso(user.lockedUntil) : null,
      consecutiveFailures: user.failures,
      lastVerifiedAt: iso(user.lastVerifiedAt),
    },
    policy: { mode, enrollmentRequired: mode === 'REQUIRED' && !enrolled },
  };
}
