import { CodeStoreProvider } from './codes/code-context';
import { TransferProvider } from './import/transfer-context';
import { AppShell } from './app-shell';
import { DialogLayerProvider } from './ui/dialog-layer';
import { ToastProvider, useToast } from './ui/toast';
import { asTesseraError, VaultProvider } from './vault/vault-context';

function CodesAndShell() {
  const notify = useToast();
  return (
    <CodeStoreProvider
      onError={(error) =>
        notify(`Codes could not be refreshed: ${asTesseraError(error).message}`, 'error')
      }
    >
      <TransferProvider>
        <AppShell />
      </TransferProvider>
    </CodeStoreProvider>
  );
}

/** Providers, outermost first: messages, dialogs, the vault, then live codes. */
export function App() {
  return (
    <ToastProvider>
      <DialogLayerProvider>
        <VaultProvider>
          <CodesAndShell />
        </VaultProvider>
      </DialogLayerProvider>
    </ToastProvider>
  );
}
