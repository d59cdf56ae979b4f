import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { AccountView } from '../../../shared/account';
import { useAnyDialogOpen } from '../ui/dialog-layer';
import { useToast } from '../ui/toast';
import { useVault } from '../vault/vault-context';
import { AccountQrDialog } from './account-qr-dialog';
import { ExportDialog } from './export-dialog';
import type { ImportSource } from './import-actions';
import { ImportDialog, type IncomingSource } from './import-dialog';
import { useWindowSources } from './window-sources';
import './import.css';

interface Transfer {
  openImport(): void;
  /** "Import from…": the same dialog, opened on the list of apps and their export steps. */
  openImportFrom(): void;
  openExport(): void;
  showAccountQr(account: AccountView): void;
}

const TransferContext = createContext<Transfer | null>(null);

type Open =
  | null
  | { kind: 'import'; fromApps?: boolean }
  | { kind: 'export' }
  | { kind: 'qr'; account: AccountView };

/**
 * Import, export and per-account QR for the whole window: owns their dialogs and turns files
 * dropped or pasted on the window into an import. Lives inside the VaultProvider.
 */
export function TransferProvider({ children }: { children: ReactNode }) {
  const vault = useVault();
  const notify = useToast();
  const [open, setOpen] = useState<Open>(null);
  const [incoming, setIncoming] = useState<IncomingSource[]>([]);
  const seq = useRef(0);
  const otherDialogOpen = useAnyDialogOpen() && open?.kind !== 'import';

  const addSources = useCallback((sources: ImportSource[]) => {
    setIncoming((list) => [...list, ...sources.map((source) => ({ seq: ++seq.current, source }))]);
    // A drop into an open import dialog keeps it as it was opened.
    setOpen((old) => (old?.kind === 'import' ? old : { kind: 'import' }));
  }, []);
  const dragging = useWindowSources(addSources, !otherDialogOpen);

  const transfer = useMemo<Transfer>(
    () => ({
      openImport: () => setOpen({ kind: 'import' }),
      openImportFrom: () => setOpen({ kind: 'import', fromApps: true }),
      openExport: () => setOpen({ kind: 'export' }),
      showAccountQr: (account) => setOpen({ kind: 'qr', account }),
    }),
    [],
  );
  const close = () => {
    setOpen(null);
    setIncoming([]);
  };

  return (
    <TransferContext.Provider value={transfer}>
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to import
        </div>
      )}
      {open?.kind === 'import' && (
        <ImportDialog
          incoming={incoming}
          startWithApps={open.fromApps}
          onClose={close}
          onImported={(summary) => {
            void vault.reload();
            notify(
              `Imported ${summary.imported} account${summary.imported === 1 ? '' : 's'}.`,
              'success',
            );
          }}
        />
      )}
      {open?.kind === 'export' && (
        <ExportDialog onClose={close} onExported={(text) => (close(), notify(text, 'success'))} />
      )}
      {open?.kind === 'qr' && <AccountQrDialog account={open.account} onClose={close} />}
    </TransferContext.Provider>
  );
}

export function useTransfer(): Transfer {
  const transfer = useContext(TransferContext);
  if (!transfer) throw new Error('useTransfer needs a TransferProvider');
  return transfer;
}
