interface FormFooterProps {
  /** A problem with the whole form (not one field), announced when it appears. */
  formError: string | undefined;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}

/** The end of every account form: the form-level error, then Cancel and the submit button. */
export function FormFooter({ formError, submitLabel, busy, onCancel }: FormFooterProps) {
  return (
    <>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <footer className="modal-footer">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </footer>
    </>
  );
}
