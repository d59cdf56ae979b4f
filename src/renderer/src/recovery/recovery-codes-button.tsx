import { useState } from 'react';
import type { AccountView } from '../../../shared/account';
import { RowButton } from '../accounts/row-button';
import { RecoveryCodesDialog } from './recovery-codes-dialog';

/** A row's way to its recovery codes; the dialog is its own, like the QR code's. */
export function RecoveryCodesButton({
  account,
  label,
  tabIndex,
}: {
  account: AccountView;
  label: string;
  tabIndex: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <RowButton
        icon="key"
        name={`Recovery codes for ${label}`}
        tip="Recovery codes"
        tabIndex={tabIndex}
        onClick={() => setOpen(true)}
      />
      {open && <RecoveryCodesDialog account={account} onClose={() => setOpen(false)} />}
    </>
  );
}
