import { ModalDialog } from '../ui/modal-dialog';
import { useToast } from '../ui/toast';
import { AutoLockForm } from './auto-lock-form';
import { useAppLock } from './lock-context';
import { PasswordForm } from './password-form';
import './lock.css';

const NEW_FIELDS = [
  { name: 'password', label: 'New master password' },
  { name: 'confirm', label: 'Repeat the new master password' },
] as const;

/** Master password (set, change, remove), auto-lock, and where quick access lives. */
export function SecurityDialog({ onClose }: { onClose(): void }) {
  const lock = useAppLock();
  const notify = useToast();
  const done = (message: string) => () => {
    notify(message, 'success');
    onClose();
  };
  const hasPassword = lock.status.protection === 'password';
  return (
    <ModalDialog
      title="Security"
      onClose={onClose}
      description={
        hasPassword
          ? 'A master password protects the vault on top of the system keychain.'
          : 'No master password: the system keychain alone unlocks Tessera.'
      }
    >
      {hasPassword ? (
        <>
          <PasswordForm
            title="Change master password"
            fields={[{ name: 'current', label: 'Current master password' }, ...NEW_FIELDS]}
            submitLabel="Change password"
            onSubmit={(v) => lock.changePassword(v.current, v.password)}
            onDone={done('Master password changed.')}
          />
          <PasswordForm
            title="Remove master password"
            fields={[{ name: 'current', label: 'Current master password' }]}
            submitLabel="Remove password"
            danger
            onSubmit={(v) => lock.removePassword(v.current)}
            onDone={done('Master password removed: the keychain alone unlocks Tessera.')}
          />
        </>
      ) : (
        <PasswordForm
          title="Set a master password"
          fields={[...NEW_FIELDS]}
          submitLabel="Set password"
          onSubmit={(v) => lock.setPassword(v.password)}
          onDone={done('Master password set. Lock with Ctrl+L or the Lock button.')}
        />
      )}
      <AutoLockForm />
      <section className="security-form" aria-label="Quick access">
        <h3>Quick access</h3>
        <p>
          {lock.mode === 'electron'
            ? 'The tray icon searches and copies codes; Ctrl+Shift+Space (Cmd+Shift+Space on a Mac) opens quick search from anywhere.'
            : 'Tray and global shortcut are available in the desktop app.'}
        </p>
      </section>
    </ModalDialog>
  );
}
