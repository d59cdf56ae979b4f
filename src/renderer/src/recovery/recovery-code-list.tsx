import type { RecoverySummary } from '../../../shared/contract/recovery';

interface RecoveryCodeListProps {
  summary: RecoverySummary;
  /** Code text by id once the person asked to see them; null while hidden. */
  revealed: Map<string, string> | null;
  onReveal(): void;
  onHide(): void;
  onMarkUsed(id: string, position: number): void;
}

const MASK = '•••• ••••';

/** The codes, hidden until revealed, each with its state and a way to mark it used. */
export function RecoveryCodeList({
  summary,
  revealed,
  onReveal,
  onHide,
  onMarkUsed,
}: RecoveryCodeListProps) {
  return (
    <>
      <button type="button" className="button" onClick={revealed ? onHide : onReveal}>
        {revealed ? 'Hide codes' : 'Reveal codes'}
      </button>
      <ol className="recovery-list" aria-label="Recovery codes">
        {summary.codes.map((code) => (
          <li key={code.id} className={code.usedAt ? 'recovery-used' : undefined}>
            <span className="recovery-code">
              {revealed?.get(code.id) ?? (
                <span aria-label={`Code ${code.position + 1}, hidden`}>{MASK}</span>
              )}
            </span>
            {code.usedAt ? (
              <span className="recovery-state">
                Used {new Date(code.usedAt).toLocaleDateString()}
              </span>
            ) : (
              <button
                type="button"
                className="button button-small"
                onClick={() => onMarkUsed(code.id, code.position)}
              >
                Mark used<span className="visually-hidden"> (code {code.position + 1})</span>
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
