import type { ImportSummary } from '../../../shared/contract/import';

/** After the write: how many came in, and each one left out with its reason. */
export function ImportSummaryView({
  summary,
  onClose,
}: {
  summary: ImportSummary;
  onClose(): void;
}) {
  return (
    <div className="import-summary">
      <p role="status">
        Imported {summary.imported} account{summary.imported === 1 ? '' : 's'} from {summary.format}
        .
      </p>
      {summary.skipped.length > 0 && (
        <>
          <h3>Not imported</h3>
          <ul aria-label="Not imported">
            {summary.skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.label}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="modal-footer">
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
