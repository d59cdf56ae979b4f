import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/account';
import { Field } from '../ui/field';
import { ModalDialog } from '../ui/modal-dialog';
import { useVault } from '../vault/vault-context';
import {
  ADVANCED_FIELDS,
  EMPTY_FORM,
  fieldErrorsFrom,
  localErrors,
  toAccountInput,
  type AccountForm,
  type FieldErrors,
} from './account-form-state';
import { AdvancedFields } from './advanced-fields';
import { OTPAUTH_LINK, SecretField } from './secret-field';
import { UriField } from './uri-field';
import { FormFooter } from './form-footer';

interface AddAccountDialogProps {
  onClose(): void;
  onAdded(account: AccountView): void;
}

/** Add by typing the secret (with advanced options) or by pasting an otpauth:// link. */
export function AddAccountDialog({ onClose, onAdded }: AddAccountDialogProps) {
  const vault = useVault();
  const [form, setForm] = useState<AccountForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [advanced, setAdvanced] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const set = <K extends keyof AccountForm>(key: K, value: AccountForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors(({ [key]: _dropped, form: _general, ...rest }) => rest);
  };

  // After a refused submit, put focus on the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const refuse = (found: FieldErrors) => {
    setErrors(found);
    if (ADVANCED_FIELDS.some((f) => found[f])) setAdvanced(true);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // A link pasted into the Secret field is taken as a link too: people paste where they look.
    const linkInSecret = OTPAUTH_LINK.test(form.secret);
    const uri = form.uri.trim() || (linkInSecret ? form.secret.trim() : '');
    const byUri = uri !== '';
    const local = byUri ? {} : localErrors(form);
    if (Object.keys(local).length > 0) return refuse(local);
    setBusy(true);
    try {
      onAdded(byUri ? await vault.addUri(uri) : await vault.add(toAccountInput(form)));
    } catch (error) {
      refuse(fieldErrorsFrom(error, !byUri ? 'form' : form.uri.trim() ? 'uri' : 'secret'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Add account" onClose={onClose} className="modal-wide">
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <Field label="Issuer" error={errors.issuer}>
          {(c) => (
            <input
              {...c}
              data-autofocus
              autoComplete="off"
              placeholder="GitHub"
              value={form.issuer}
              onChange={(e) => set('issuer', e.target.value)}
            />
          )}
        </Field>
        <Field label="Account name" error={errors.name}>
          {(c) => (
            <input
              {...c}
              autoComplete="off"
              placeholder="alice@example.com"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <SecretField
          value={form.secret}
          error={errors.secret}
          onChange={(v) => set('secret', v)}
          onInstantError={(message) => setErrors((all) => ({ ...all, secret: message }))}
        />
        <button
          type="button"
          className="disclosure"
          aria-expanded={advanced}
          aria-controls="add-advanced"
          onClick={() => setAdvanced((v) => !v)}
        >
          <span className="disclosure-chevron" aria-hidden="true" />
          Advanced
        </button>
        <div id="add-advanced" hidden={!advanced}>
          {advanced && <AdvancedFields form={form} errors={errors} set={set} />}
        </div>
        <div className="divider" aria-hidden="true">
          <span>or</span>
        </div>
        <UriField value={form.uri} error={errors.uri} onChange={(v) => set('uri', v)} />
        <FormFooter
          formError={errors.form}
          submitLabel="Add account"
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
