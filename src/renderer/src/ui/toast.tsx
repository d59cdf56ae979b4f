import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';
interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
}

type Notify = (text: string, tone?: ToastTone) => void;
const ToastContext = createContext<Notify>(() => undefined);

const LIFETIME_MS: Record<ToastTone, number> = {
  info: 4000,
  success: 4000,
  warning: 10_000,
  error: 10_000,
};

/**
 * One polite live region for the whole app ("Copied", "Account added"). It lives outside the
 * part of the page hidden while a dialog is open, and exists from the start, so screen readers
 * announce every change.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const nextId = useRef(0);
  const notify = useCallback<Notify>((text, tone = 'info') => {
    nextId.current += 1;
    setToast({ id: nextId.current, text, tone });
  }, []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), LIFETIME_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <span>{toast.text}</span>
            <button
              type="button"
              className="toast-close"
              aria-label="Dismiss message"
              onClick={() => setToast(null)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Notify {
  return useContext(ToastContext);
}
