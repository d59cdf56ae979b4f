import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/account';
import { Field } from '../ui/field';
import { ModalDialog } from '../ui/modal-dialog';
import { accountLabel } from '../vault/account-label';
import { useVault } from '../vault/vault-context';
import { fieldErrorsFrom, type FieldErrors } from './account-form-state';
import { FormFooter } from './form-footer';

interface EditAccountDialogProps {
  account: AccountView;
  onClose(): void;
  onSaved(account: AccountView): void;
}

/** Renames an account. The secret and code settings cannot change: that would be a new account. */
export function EditAccountDialog({ account, onClose, onSaved }: EditAccountDialogProps) {
  const vault = useVault();
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  const [errors, setErrors] = useState<FieldErrors>({});
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
      onSaved(await vault.update(account.id, issuer, name));
    } catch (error) {
      setErrors(fieldErrorsFrom(error, 'form'));
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
        <FormFooter formError={errors.form} submitLabel="Save" busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
