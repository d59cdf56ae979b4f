import { copyCodes, copyFailure } from '../bridge/bridge';
import { ModalDialog } from '../ui/modal-dialog';
import { useToast } from '../ui/toast';

/** Long enough to paste into a config file or a message; then the clipboard forgets it. */
const CLIPBOARD_CLEAR_MS = 120_000;

interface ShownOnceDialogProps {
  title: string;
  /** Names the list for assistive tech, e.g. "API key" or "Backup codes". */
  label: string;
  values: string[];
  copyLabel: string;
  onClose(): void;
}

/**
 * A new API key or a new set of backup codes, shown this once: Tessera keeps only keyed hashes,
 * so closing the dialog is the last chance to copy them.
 */
export function ShownOnceDialog({
  title,
  label,
  values,
  copyLabel,
  onClose,
}: ShownOnceDialogProps) {
  const notify = useToast();
  const copy = () =>
    copyCodes(values, CLIPBOARD_CLEAR_MS).then(
      () => notify('Copied. The clipboard is cleared in 2 minutes.', 'success'),
      (error: unknown) =>
        notify(`${copyFailure(error)} Select the text and copy it by hand.`, 'error'),
    );
  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      className="modal-wide"
      description="Copy it now: it will not be shown again. Tessera stores only a hash of it."
    >
      <ul className="shown-once mono" aria-label={label}>
        {values.map((value) => (
          <li key={value}>{value}</li>
        ))}
      </ul>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={() => void copy()}>
          {copyLabel}
        </button>
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          Done
        </button>
      </footer>
    </ModalDialog>
  );
}
