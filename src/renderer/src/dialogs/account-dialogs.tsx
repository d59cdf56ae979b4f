import type { AccountView } from '../../../shared/account';
import { useCodeStore } from '../codes/code-context';
import { useToast } from '../ui/toast';
import { accountLabel } from '../vault/account-label';
import { AddAccountDialog } from './add-account-dialog';
import { DeleteAccountDialog } from './delete-account-dialog';
import { EditAccountDialog } from './edit-account-dialog';

export type OpenDialog =
  | null
  | { kind: 'add' }
  | { kind: 'edit'; account: AccountView }
  | { kind: 'delete'; account: AccountView };

interface AccountDialogsProps {
  dialog: OpenDialog;
  onClose(): void;
  onAdded(account: AccountView): void;
}

/** The shell's dialogs, one open at a time; each reports its outcome through the toast. */
export function AccountDialogs({ dialog, onClose, onAdded }: AccountDialogsProps) {
  const notify = useToast();
  const store = useCodeStore();
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add':
      return (
        <AddAccountDialog
          onClose={onClose}
          onAdded={(account) => {
            onClose();
            onAdded(account);
            if (account.weakSecret) {
              notify(
                `Added ${accountLabel(account)}. Warning: its secret key is weak (shorter than 128 bits).`,
                'warning',
              );
            } else {
              notify(`Added ${accountLabel(account)}.`, 'success');
            }
          }}
        />
      );
    case 'edit':
      return (
        <EditAccountDialog
          account={dialog.account}
          onClose={onClose}
          onSaved={(account) => {
            onClose();
            notify(`Saved ${accountLabel(account)}.`, 'success');
          }}
        />
      );
    case 'delete':
      return (
        <DeleteAccountDialog
          account={dialog.account}
          onClose={onClose}
          onDeleted={(account) => {
            onClose();
            store.forget(account.id);
            notify(`Deleted ${accountLabel(account)}.`, 'success');
          }}
        />
      );
  }
}
