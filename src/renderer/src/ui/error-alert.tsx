import type { TesseraError } from '../../../shared/errors';

interface ErrorAlertProps {
  error: TesseraError;
  title?: string;
  /** What the person can do about it, beyond the message from main. */
  advice?: string;
  className?: string;
  onRetry?: () => void;
}

/** A failed request: what main said, its stable code, and a way to try again. */
export function ErrorAlert({ error, title, advice, className, onRetry }: ErrorAlertProps) {
  return (
    <div className={className ? `error-banner ${className}` : 'error-banner'} role="alert">
      <div>
        {title && <p className="error-banner-title">{title}</p>}
        <p>
          {error.message} <span className="error-code">({error.code})</span>
        </p>
        {advice && <p>{advice}</p>}
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
