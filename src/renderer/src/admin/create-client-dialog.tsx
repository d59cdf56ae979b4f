import { useState, type FormEvent } from 'react';
import type { ClientScope, ClientView } from '../../../shared/contract/admin';
import { call } from '../bridge/bridge';
import { FormFooter } from '../dialogs/form-footer';
import { Field } from '../ui/field';
import { ModalDialog } from '../ui/modal-dialog';
import { asTesseraError } from '../vault/vault-context';

interface CreateClientDialogProps {
  onClose(): void;
  onCreated(client: ClientView & { key: string }): void;
}

/** A new API client: a name people recognise and what its key may do. */
export function CreateClientDialog({ onClose, onCreated }: CreateClientDialogProps) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ClientScope>('client');
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string>();
  const [formError, setFormError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNameError(undefined);
    setFormError(undefined);
    try {
      onCreated(await call('admin.createClient', { name, scope }));
    } catch (failure) {
      const error = asTesseraError(failure);
      if (error.fields?.some((f) => f.path[0] === 'name')) setNameError(error.message);
      else setFormError(error.message);
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title="Create API client"
      onClose={onClose}
      description="The app gets a key to call the verification API."
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Name" error={nameError} hint="For example the app's name: intranet, wiki.">
          {(control) => (
            <input
              {...control}
              data-autofocus
              value={name}
              maxLength={100}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Scope"
          hint={
            scope === 'admin'
              ? 'Admin keys manage every client’s users, policies and the audit log.'
              : 'Client keys manage and verify their own users only.'
          }
        >
          {(control) => (
            <select
              {...control}
              value={scope}
              onChange={(e) => setScope(e.target.value as ClientScope)}
            >
              <option value="client">Client (its own users)</option>
              <option value="admin">Admin (all users, policy, audit)</option>
            </select>
          )}
        </Field>
        <FormFooter
          formError={formError}
          submitLabel="Create client"
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
