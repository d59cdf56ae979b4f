import type { ImportEntryView, ImportPreview } from '../../../shared/contract/import';

interface PreviewTableProps {
  preview: ImportPreview;
  selected: ReadonlySet<number>;
  onToggle(index: number): void;
}

const TYPE_NAMES = { totp: 'TOTP', hotp: 'HOTP', steam: 'Steam' } as const;

function statusText(entry: ImportEntryView): string {
  if (entry.status === 'new') return 'New';
  // A repeat's reason starts "Repeat within the file: …" and it is imported unless unticked.
  if (entry.status === 'repeat') return entry.reason ?? 'Repeat within the file';
  return `${entry.status === 'duplicate' ? 'Duplicate' : 'Skipped'}: ${entry.reason ?? ''}`;
}

function timing(entry: ImportEntryView): string {
  if (entry.type === 'hotp') return `counter ${entry.counter ?? 0}`;
  return entry.period === undefined ? '' : `${entry.period} s`;
}

/** What would be imported: issuer, name and parameters, never the secret. */
export function PreviewTable({ preview, selected, onToggle }: PreviewTableProps) {
  return (
    <div className="import-table-wrap">
      <table className="import-table" aria-label="Accounts found">
        <thead>
          <tr>
            <th scope="col">Import</th>
            <th scope="col">Issuer</th>
            <th scope="col">Account name</th>
            <th scope="col">Type</th>
            <th scope="col">Algorithm</th>
            <th scope="col">Digits</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {preview.entries.map((entry) => (
            <tr key={entry.index} className={`import-row import-${entry.status}`}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Import ${entry.label}`}
                  checked={selected.has(entry.index)}
                  disabled={entry.status === 'skipped'}
                  onChange={() => onToggle(entry.index)}
                />
              </td>
              <td>{entry.issuer}</td>
              <td>{entry.name}</td>
              <td>{entry.type ? TYPE_NAMES[entry.type] : '—'}</td>
              <td>{entry.algorithm ?? '—'}</td>
              <td>{entry.digits ?? '—'}</td>
              <td>{timing(entry) || '—'}</td>
              <td>{statusText(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Google Authenticator export: batch 2 of 3", and which batches are still missing. */
export function batchMessages(batches: ImportPreview['batches']): string[] {
  return batches.map((b) => {
    const got = b.received.map((i) => `batch ${i} of ${b.size}`).join(', ');
    const missing = Array.from({ length: b.size }, (_, i) => i + 1).filter(
      (i) => !b.received.includes(i),
    );
    return missing.length === 0
      ? `Google Authenticator export: ${got} — complete.`
      : `Google Authenticator export: ${got}. Still missing: batch ${missing.join(', ')} — add it, or import what is here.`;
  });
}
