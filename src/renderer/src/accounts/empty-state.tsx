import { Icon } from '../ui/icons';

export function EmptyState({ query }: { query: string }) {
  if (query.trim() !== '') {
    return (
      <div className="empty-state">
        <p className="empty-title">No accounts match “{query.trim()}”</p>
        <p>Search looks at the issuer and the account name.</p>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <span className="empty-icon" aria-hidden="true">
        <Icon name="lock" size={40} />
      </span>
      <p className="empty-title">No accounts yet</p>
      <p>
        Choose Add account and type the secret key a service gave you, or paste its otpauth:// link.
      </p>
    </div>
  );
}
