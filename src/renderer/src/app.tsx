import { CodeStoreProvider } from './codes/code-context';
import { TransferProvider } from './import/transfer-context';
import { AppShell } from './app-shell';
import { DialogLayerProvider } from './ui/dialog-layer';
import { ToastProvider, useToast } from './ui/toast';
import { asTesseraError, VaultProvider } from './vault/vault-context';
import { LockProvider } from './lock/lock-context';

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

/** Providers, outermost first: messages, dialogs, the lock, the vault, then live codes. */
export function App() {
  return (
    <ToastProvider>
      <DialogLayerProvider>
        <LockProvider>
          <VaultProvider>
            <CodesAndShell />
          </VaultProvider>
        </LockProvider>
      </DialogLayerProvider>
    </ToastProvider>
  );
}
