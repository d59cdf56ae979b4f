import { useEffect, useState } from 'react';

interface BusyStatusProps {
  text: string;
  /** Present while a file is being read: stops it (main terminates the worker reading it). */
  onCancel?: () => void;
}

/**
 * What the dialog is doing. While a file is read, a bar, the seconds elapsed (outside the live
 * region, so screen readers are not told every second) and a Cancel button that takes the focus.
 */
export function BusyStatus({ text, onCancel }: BusyStatusProps) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="busy-status">
      <p className="hint" role="status">
        {text}
      </p>
      {onCancel && (
        <>
          <progress aria-label="Reading the file" />
          {seconds >= 2 && <span className="hint">{seconds} s</span>}
          <button
            type="button"
            className="button"
            aria-label="Cancel reading the file"
            autoFocus
            onClick={onCancel}
          >
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
