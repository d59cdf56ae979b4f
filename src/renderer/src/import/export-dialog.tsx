import { useId, useState } from 'react';
import { TesseraError } from '../../../shared/errors';
import { call } from '../bridge/bridge';
import { ModalDialog } from '../ui/modal-dialog';
import { base64ToBytes, download } from './file-bytes';

type Format = 'tessera' | 'uris';

/** Export: an encrypted backup by default; plain links only after an explicit acknowledgement. */
export function ExportDialog({
  onClose,
  onExported,
}: {
  onClose(): void;
  onExported(message: string): void;
}) {
  const [format, setFormat] = useState<Format>('tessera');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { password: useId(), repeat: useId(), warning: useId() };

  const submit = async () => {
    setError(null);
    if (format === 'tessera' && password.length < 8)
      return setError('Use a backup password of at least 8 characters.');
    if (format === 'tessera' && password !== repeat)
      return setError('The two passwords do not match.');
    setBusy(true);
    try {
      if (format === 'tessera') {
        const { fileName, dataBase64 } = await call('export.backup', { password });
        download(fileName, base64ToBytes(dataBase64), 'application/json');
        onExported(
          `Saved the encrypted backup ${fileName}. Keep its password somewhere safe: without it the backup cannot be opened.`,
        );
      } else {
        const { fileName, text } = await call('export.uris', { acknowledgedPlaintext: true });
        download(fileName, text, 'text/plain');
        onExported(
          `Saved ${fileName}. It holds your secrets in plain text: delete it once you have imported it.`,
        );
      }
    } catch (caught) {
      setError(caught instanceof TesseraError ? caught.message : 'The export failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Export accounts" onClose={onClose} className="export-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>Format</legend>
          <label>
            <input
              type="radio"
              name="format"
              checked={format === 'tessera'}
              onChange={() => setFormat('tessera')}
              data-autofocus
            />
            Encrypted Tessera backup (recommended)
          </label>
          <label>
            <input
              type="radio"
              name="format"
              checked={format === 'uris'}
              onChange={() => setFormat('uris')}
            />
            Plain otpauth:// links (not encrypted)
          </label>
        </fieldset>
        {format === 'tessera' ? (
          <>
            <label htmlFor={ids.password}>Backup password</label>
            <input
              id={ids.password}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <label htmlFor={ids.repeat}>Repeat password</label>
            <input
              id={ids.repeat}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          </>
        ) : (
          <>
            <p id={ids.warning} className="warning" role="note">
              Warning: this file will hold every secret in plain text. Anyone who reads it can
              generate all your codes. Use it only to move to another app, and delete it right
              after.
            </p>
            <label>
              <input
                type="checkbox"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
                aria-describedby={ids.warning}
              />
              I understand that this file is not encrypted
            </label>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-footer">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || (format === 'uris' && !acknowledged)}
          >
            {busy ? 'Exporting…' : format === 'tessera' ? 'Export backup' : 'Export links'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
