import type { AccountView } from '../../../shared/account';
import { useTransfer } from './transfer-context';

/** Toolbar entry points, placed beside "Add account". */
export function TransferButtons() {
  const transfer = useTransfer();
  return (
    <>
      <button type="button" className="button" onClick={transfer.openImport}>
        Import
      </button>
      <button type="button" className="button" onClick={transfer.openImportFrom}>
        Import from…
      </button>
      <button type="button" className="button" onClick={transfer.openExport}>
        Export
      </button>
    </>
  );
}

/** The per-row "Show QR code" action. */
export function ShowQrButton({
  account,
  label,
  tabIndex,
}: {
  account: AccountView;
  label: string;
  tabIndex: number;
}) {
  const transfer = useTransfer();
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`Show QR code for ${label}`}
      title="Show QR code"
      tabIndex={tabIndex}
      onClick={() => transfer.showAccountQr(account)}
    >
      <svg
        className="icon"
        width={18}
        height={18}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2" />
      </svg>
    </button>
  );
}
