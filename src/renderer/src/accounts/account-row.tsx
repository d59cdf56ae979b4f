import { memo, useState } from 'react';
import type { AccountView } from '../../../shared/account';
import { useCodeStore } from '../codes/code-context';
import { Icon } from '../ui/icons';
import { RowButton } from './row-button';
import { accountLabel } from '../vault/account-label';
import { CodeCell } from './code-cell';
import type { RowActions } from './row-actions';
import { ShowQrButton } from '../import/transfer-buttons';
import { RecoveryCodesButton } from '../recovery/recovery-codes-button';
import { AccountAvatar } from '../brand-icons/account-avatar';

interface AccountRowProps {
  account: AccountView;
  index: number;
  setSize: number;
  tabbable: boolean;
  actions: RowActions;
  /** Offset in the virtual list, in pixels. */
  start: number;
  /** Just copied: shows a check instead of the copy icon for a moment. */
  copied: boolean;
  /** Can be dragged to another place (manual order). */
  draggable: boolean;
}

/** One account: who it is for, its live code and its actions. Enter (or a click on the code) copies. */
export const AccountRow = memo(function AccountRow({
  account,
  index,
  setSize,
  tabbable,
  actions,
  start,
  copied,
  draggable,
}: AccountRowProps) {
  const store = useCodeStore();
  const [busy, setBusy] = useState(false);
  const label = accountLabel(account);
  const tabIndex = tabbable ? 0 : -1;

  const copyCurrent = () => {
    const code = store.getCode(account.id)?.current;
    if (code) actions.copy(account, code);
  };
  const hotpNext = () => {
    setBusy(true);
    void actions.hotpNext(account).finally(() => setBusy(false));
  };

  return (
    <li
      className={`account-row${copied ? ' account-row-copied' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      aria-label={label}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      data-index={index}
      data-id={account.id}
      draggable={draggable || undefined}
      tabIndex={tabIndex}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          copyCurrent();
        }
      }}
    >
      <AccountAvatar issuer={account.issuer} name={account.name} customIcon={account.customIcon} />
      <div className="account-names">
        <span className="account-issuer">
          {account.issuer || account.name}
          {account.weakSecret && (
            <span
              className="weak-badge"
              role="img"
              aria-label="Weak key (shorter than 128 bits)"
              title="Weak key (shorter than 128 bits)"
            >
              <Icon name="warning" size={14} />
            </span>
          )}
        </span>
        {account.issuer && account.name && <span className="account-name">{account.name}</span>}
        {account.tags.length > 0 && (
          <span className="account-tags">
            <span className="visually-hidden">Tags: </span>
            {account.tags.join(', ')}
          </span>
        )}
      </div>
      <CodeCell
        account={account}
        onCopy={(code) => actions.copy(account, code)}
        onHotpNext={hotpNext}
        busy={busy}
        tabIndex={tabIndex}
      />
      <div className="row-actions">
        <RowButton
          icon={copied ? 'check' : 'copy'}
          name={`Copy code for ${label}`}
          tip="Copy code"
          tabIndex={tabIndex}
          onClick={copyCurrent}
        />
        <RowButton
          icon="edit"
          name={`Edit ${label}`}
          tip="Edit"
          tabIndex={tabIndex}
          onClick={() => actions.edit(account)}
        />
        <RowButton
          icon="trash"
          name={`Delete ${label}`}
          tip="Delete"
          tabIndex={tabIndex}
          danger
          onClick={() => actions.remove(account)}
        />
        <ShowQrButton account={account} label={label} tabIndex={tabIndex} />
        <RecoveryCodesButton account={account} label={label} tabIndex={tabIndex} />
        <RowButton
          icon="star"
          name={`Favourite ${label}`}
          tip={account.favourite ? 'Unpin from the top' : 'Pin to the top'}
          tabIndex={tabIndex}
          pressed={account.favourite}
          onClick={() => actions.toggleFavourite(account)}
        />
      </div>
    </li>
  );
});
