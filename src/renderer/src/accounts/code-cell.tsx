import type { AccountView } from '../../../shared/account';
import { useAccountCode } from '../codes/code-context';
import { codeGroups } from '../codes/format-code';
import { accountLabel } from '../vault/account-label';
import { CountdownRing } from './countdown-ring';

function Digits({
  code,
  placeholderLength,
}: {
  code: string | undefined;
  placeholderLength: number;
}) {
  if (!code) {
    return <span className="code-placeholder">{'•'.repeat(placeholderLength)}</span>;
  }
  return (
    <>
      {codeGroups(code).map((group, i) => (
        <span key={i} className="code-group">
          {group}
        </span>
      ))}
    </>
  );
}

interface CodeCellProps {
  account: AccountView;
  onCopy(code: string): void;
  onHotpNext(): void;
  busy: boolean;
  /** Roving tab stop: only the active row's controls are in the Tab order. */
  tabIndex: number;
}

/** Current code (click to copy), the next one, and the countdown or the HOTP "Next code" button. */
export function CodeCell({ account, onCopy, onHotpNext, busy, tabIndex }: CodeCellProps) {
  const code = useAccountCode(account.id);
  const label = accountLabel(account);
  const current = code?.current;
  return (
    <div className="code-cell">
      <div className="code-stack">
        <div
          className="code"
          role="group"
          aria-label={`Code for ${label}`}
          aria-busy={current ? undefined : true}
          onClick={() => current && onCopy(current)}
        >
          <Digits code={current} placeholderLength={account.digits} />
        </div>
        {account.type === 'hotp' ? (
          <span className="code-next">Counter {account.counter}</span>
        ) : (
          <span className="code-next">
            Next <Digits code={code?.next} placeholderLength={account.digits} />
          </span>
        )}
      </div>
      <div className="code-trailing">
        {account.type === 'hotp' ? (
          <button
            type="button"
            className="button button-small"
            onClick={onHotpNext}
            disabled={busy}
            tabIndex={tabIndex}
          >
            Next code
          </button>
        ) : (
          code && <CountdownRing validUntil={code.validUntil} period={account.period} />
        )}
      </div>
    </div>
  );
}
