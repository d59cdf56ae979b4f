import type { AccountView } from '../../../shared/account';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { accountLabel } from '../vault/account-label';
import { useVault } from '../vault/vault-context';

interface DeleteAccountDialogProps {
  account: AccountView;
  onClose(): void;
  onDeleted(account: AccountView): void;
}

/** Deleting a secret cannot be undone, so it always asks first. */
export function DeleteAccountDialog({ account, onClose, onDeleted }: DeleteAccountDialogProps) {
  const vault = useVault();
  return (
    <ConfirmDialog
      title={`Delete ${accountLabel(account)}?`}
      description="Tessera will forget this account and its secret key. You cannot undo this; make sure you can still sign in to the service another way."
      confirmLabel="Delete"
      onConfirm={async () => {
        await vault.remove(account.id);
        onDeleted(account);
      }}
      onClose={onClose}
    />
  );
}
