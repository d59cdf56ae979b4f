import { useState } from 'react';
import type { AccountView } from '../../../shared/account';
import { TesseraError } from '../../../shared/errors';
import { call } from '../bridge/bridge';
import { ModalDialog } from '../ui/modal-dialog';

function labelOf(account: AccountView): string {
  return account.issuer && account.name
    ? `${account.issuer} (${account.name})`
    : account.issuer || account.name;
}

/**
 * Moves one account to a phone: the QR (and its link) are fetched from main only after the
 * person presses Reveal, and are dropped when the dialog closes.
 */
export function AccountQrDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const [revealed, setRevealed] = useState<{ uri: string; svg: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = labelOf(account);

  const reveal = async () => {
    try {
      setRevealed(await call('export.accountQr', { id: account.id }));
    } catch (caught) {
      setError(caught instanceof TesseraError ? caught.message : 'The QR code could not be shown.');
    }
  };

  return (
    <ModalDialog
      title={`QR code for ${label}`}
      onClose={onClose}
      className="account-qr-dialog"
      description="Scan it with another authenticator to add this account there. Anyone who sees this code can generate its codes."
    >
      {revealed ? (
        <>
          <img
            className="account-qr"
            src={`data:image/svg+xml;base64,${btoa(revealed.svg)}`}
            alt={`QR code for ${label}`}
            width={260}
            height={260}
          />
          <details>
            <summary>Show as a link</summary>
            <code className="account-uri">{revealed.uri}</code>
          </details>
          <div className="modal-footer">
            <button type="button" className="button" onClick={() => setRevealed(null)}>
              Hide
            </button>
            <button
              type="button"
              className="button button-primary"
              data-autofocus
              onClick={onClose}
            >
              Done
            </button>
          </div>
        </>
      ) : (
        <div className="modal-footer">
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            data-autofocus
            onClick={() => void reveal()}
          >
            Reveal QR code
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
