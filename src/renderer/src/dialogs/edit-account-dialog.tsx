import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/account';
import { TesseraError } from '../../../shared/errors';
import { Field } from '../ui/field';
import { ModalDialog } from '../ui/modal-dialog';
import { accountLabel } from '../vault/account-label';
import { useVault } from '../vault/vault-context';
import { fieldErrorsFrom } from './account-form-state';
import { FormFooter } from './form-footer';
import { IconPicker } from './icon-picker';

type EditErrors = Partial<Record<'issuer' | 'name' | 'tags' | 'note' | 'form', string>>;

/** Main's problems by field: tags and note have their own, the rest go where the add form puts them. */
function editErrorsFrom(error: unknown): EditErrors {
  const field = error instanceof TesseraError ? error.fields?.[0]?.path[0] : undefined;
  if ((field === 'tags' || field === 'note') && error instanceof TesseraError)
    return { [field]: error.message };
  return fieldErrorsFrom(error, 'form');
}

/** "Work, 2FA ,  Personal" → ["Work", "2FA", "Personal"]; main checks each tag. */
const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

interface EditAccountDialogProps {
  account: AccountView;
  onClose(): void;
  onSaved(account: AccountView): void;
}

/**
 * Renames an account and edits its tags, note and icon. The secret and code settings cannot
 * change: that would be a new account.
 */
export function EditAccountDialog({ account, onClose, onSaved }: EditAccountDialogProps) {
  const vault = useVault();
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  const [tags, setTags] = useState(account.tags.join(', '));
  const [note, setNote] = useState(account.note);
  const [errors, setErrors] = useState<EditErrors>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      onSaved(await vault.update(account.id, issuer, name, { tags: splitTags(tags), note }));
    } catch (error) {
      setErrors(editErrorsFrom(error));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={`Edit ${accountLabel(account)}`} onClose={onClose}>
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <Field label="Issuer" error={errors.issuer}>
          {(c) => (
            <input
              {...c}
              data-autofocus
              autoComplete="off"
              value={issuer}
              onChange={(e) => setIssuer(e.target.value)}
            />
          )}
        </Field>
        <Field label="Account name" error={errors.name}>
          {(c) => (
            <input
              {...c}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Tags"
          error={errors.tags}
          hint="Separate tags with commas, e.g. Work, Finance."
        >
          {(c) => (
            <input
              {...c}
              autoComplete="off"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
            />
          )}
        </Field>
        <Field label="Note" error={errors.note}>
          {(c) => (
            <textarea {...c} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <IconPicker account={account} />
        <FormFooter formError={errors.form} submitLabel="Save" busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
