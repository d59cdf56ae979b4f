import type { AdminUser } from '../../../shared/contract/admin';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ShownOnceDialog } from './shown-once-dialog';

export type UserDialog =
  | { kind: 'reset' | 'regenerate'; user: AdminUser; who: string }
  | { kind: 'codes'; who: string; codes: string[] }
  | null;

interface UserDialogsProps {
  dialog: UserDialog;
  onClose(): void;
  onReset(user: AdminUser): Promise<void>;
  onRegenerate(user: AdminUser, who: string): Promise<void>;
}

/** The users view's dialogs: two confirmations, then the new codes shown once. */
export function UserDialogs({ dialog, onClose, onReset, onRegenerate }: UserDialogsProps) {
  if (!dialog) return null;
  if (dialog.kind === 'codes') {
    return (
      <ShownOnceDialog
        title={`New backup codes for ${dialog.who}`}
        label="Backup codes"
        values={dialog.codes}
        copyLabel="Copy all"
        onClose={onClose}
      />
    );
  }
  const { user, who } = dialog;
  if (dialog.kind === 'reset') {
    return (
      <ConfirmDialog
        title={`Reset MFA for ${who}?`}
        description="Removes the authenticator, the backup codes, any pending enrollment and any lock. The user must enroll again (for a lost device)."
        confirmLabel="Reset MFA"
        onConfirm={() => onReset(user)}
        onClose={onClose}
      />
    );
  }
  return (
    <ConfirmDialog
      title={`Regenerate backup codes for ${who}?`}
      description="Makes a new set of backup codes; the old ones stop working at once. You will see the new codes once, to hand over to the user."
      confirmLabel="Regenerate"
      onConfirm={() => onRegenerate(user, who)}
      onClose={onClose}
    />
  );
}
