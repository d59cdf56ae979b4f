import { useState, type FormEvent } from 'react';
import { call } from '../bridge/bridge';
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { ModalDialog } from '../ui/modal-dialog';
import { accountLabel } from '../vault/account-label';
import { asTesseraError, useVault } from '../vault/vault-context';

function FindRecoveryCodeDialog({ onClose }: { onClose(): void }) {
  const vault = useVault();
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { match } = await call('recovery.find', { code });
      const account = match && vault.accounts.find((a) => a.id === match.accountId);
      setError(undefined);
      if (!match || !account) setAnswer('No account has this recovery code.');
      else {
        const used = match.usedAt
          ? `, used ${new Date(match.usedAt).toLocaleDateString()}`
          : ', not used yet';
        setAnswer(`This code belongs to ${accountLabel(account)}${used}.`);
      }
    } catch (failure) {
      setError(asTesseraError(failure).message);
    }
  };
  return (
    <ModalDialog
      title="Find a recovery code"
      onClose={onClose}
      description="Tells which account a recovery code belongs to."
    >
      <form className="security-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Recovery code" error={error}>
          {(control) => (
            <input
              {...control}
              data-autofocus
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary">
          Find
        </button>
        <p role="status">{answer}</p>
      </form>
    </ModalDialog>
  );
}

export function FindRecoveryCodeButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <Icon name="search" />
        Find recovery code
      </button>
      {open && <FindRecoveryCodeDialog onClose={() => setOpen(false)} />}
    </>
  );
}
