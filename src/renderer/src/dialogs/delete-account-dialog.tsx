import { useState } from 'react';
import type { AccountView } from '../../../shared/account';
import { ModalDialog } from '../ui/modal-dialog';
import { accountLabel } from '../vault/account-label';
import { asTesseraError, useVault } from '../vault/vault-context';

interface DeleteAccountDialogProps {
  account: AccountView;
  onClose(): void;
  onDeleted(account: AccountView): void;
}

/** Deleting a secret cannot be undone, so it always asks first; Cancel has the focus. */
export function DeleteAccountDialog({ account, onClose, onDeleted }: DeleteAccountDialogProps) {
  const vault = useVault();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = accountLabel(account);

  const confirm = async () => {
    setBusy(true);
    try {
      await vault.remove(account.id);
      onDeleted(account);
    } catch (failure) {
      setError(asTesseraError(failure).message);
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title={`Delete ${label}?`}
      onClose={onClose}
      description="Tessera will forget this account and its secret key. You cannot undo this; make sure you can still sign in to the service another way."
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <footer className="modal-footer">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => void confirm()}
        >
          Delete
        </button>
      </footer>
    </ModalDialog>
  );
}
