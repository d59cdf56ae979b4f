import { useState, type ReactNode } from 'react';
import { ModalDialog } from './modal-dialog';
import { asTesseraError } from '../vault/vault-context';

interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog stays open and shows the error if it fails. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** A destructive action asks first; Cancel has the focus so Enter does not destroy by accident. */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } catch (failure) {
      setError(asTesseraError(failure).message);
      setBusy(false);
    }
  };
  return (
    <ModalDialog title={title} onClose={onClose} description={description}>
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
          {confirmLabel}
        </button>
      </footer>
    </ModalDialog>
  );
}
