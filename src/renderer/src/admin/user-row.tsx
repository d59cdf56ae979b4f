import type { AdminUser } from '../../../shared/contract/admin';
import { formatTime, lockText, METHOD_NAMES, STATUS_NAMES } from './format';

export type UserAction = 'reset' | 'unlock' | 'regenerate';

interface UserRowProps {
  user: AdminUser;
  clientName: string;
  /** How buttons name the user: "alice", or "alice (intranet)" when two clients share the id. */
  who: string;
  onAction(action: UserAction, user: AdminUser): void;
}

function ActionButton({ text, who, onClick }: { text: string; who: string; onClick(): void }) {
  return (
    <button type="button" className="button button-small" onClick={onClick}>
      {text}
      <span className="visually-hidden"> for {who}</span>
    </button>
  );
}

export function UserRow({ user, clientName, who, onAction }: UserRowProps) {
  const { mfa } = user;
  return (
    <tr>
      <th scope="row">
        <span className="mono">{user.userId}</span>
        {user.displayName && <span className="admin-sub">{user.displayName}</span>}
      </th>
      <td>{clientName}</td>
      <td>{STATUS_NAMES[mfa.status]}</td>
      <td>{mfa.methods.length === 0 ? '—' : mfa.methods.map((m) => METHOD_NAMES[m]).join(', ')}</td>
      <td>{mfa.status === 'enrolled' ? mfa.backupCodesRemaining : '—'}</td>
      <td className={mfa.lockedUntil ? 'admin-locked' : undefined}>{lockText(mfa.lockedUntil)}</td>
      <td>{mfa.consecutiveFailures}</td>
      <td>{formatTime(mfa.lastVerifiedAt)}</td>
      <td>
        <div className="admin-row-actions">
          {mfa.lockedUntil && (
            <ActionButton text="Unlock" who={who} onClick={() => onAction('unlock', user)} />
          )}
          {mfa.status === 'enrolled' && (
            <ActionButton
              text="Regenerate backup codes"
              who={who}
              onClick={() => onAction('regenerate', user)}
            />
          )}
          {mfa.status !== 'none' && (
            <ActionButton text="Reset MFA" who={who} onClick={() => onAction('reset', user)} />
          )}
        </div>
      </td>
    </tr>
  );
}
