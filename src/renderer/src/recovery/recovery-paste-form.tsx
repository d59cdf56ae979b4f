import { useState, type FormEvent } from 'react';
import type { RecoverySummary } from '../../../shared/contract/recovery';
import { call } from '../bridge/bridge';
import { Field } from '../ui/field';
import { asTesseraError } from '../vault/vault-context';

interface RecoveryPasteFormProps {
  accountId: string;
  replacing: boolean;
  onSaved(summary: RecoverySummary): void;
}

/** Paste the codes a service showed at enrollment, in whatever layout it used. */
export function RecoveryPasteForm({ accountId, replacing, onSaved }: RecoveryPasteFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSaved(await call('recovery.save', { accountId, text }));
      setText('');
      setError(undefined);
    } catch (failure) {
      setError(asTesseraError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="security-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label={replacing ? 'Paste new recovery codes (replaces these)' : 'Paste recovery codes'}
        error={error}
        hint="One per line, numbered, or separated by spaces or commas."
      >
        {(control) => (
          <textarea
            {...control}
            rows={5}
            spellCheck={false}
            autoComplete="off"
            data-autofocus={replacing ? undefined : true}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
        Save codes
      </button>
    </form>
  );
}
