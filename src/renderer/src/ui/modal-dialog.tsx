import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useRegisterDialog } from './dialog-layer';
import { trapTab } from './focus-trap';

export interface ModalDialogProps {
  title: string;
  /** Called on Escape, on the close button and on a click on the backdrop. */
  onClose(): void;
  children: ReactNode;
  /** Optional one-line explanation under the title, announced as the dialog's description. */
  description?: ReactNode;
  className?: string;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert (so focus
 * stays inside) and gives Escape for free. It renders into <body> so it is never inside the app
 * shell, which hides itself from assistive tech while a dialog is open. Mount it to open it,
 * unmount it to close it; focus returns to whatever had it before.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  description,
  className,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useRegisterDialog();

  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]');
    autofocus?.focus();
    return () => {
      dialog.close();
      // The opener may be gone (a deleted row, a row scrolled out of the virtual list).
      const target = opener?.isConnected
        ? opener
        : document.querySelector<HTMLElement>('[data-focus-home]');
      // The shell stays inert until React re-renders it; try again for a few frames until it is not.
      // Stop as soon as focus is anywhere real: the person may already have moved on.
      const restore = (tries: number) => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (!target || !lost) return;
        target.focus();
        if (document.activeElement !== target && tries > 0)
          requestAnimationFrame(() => restore(tries - 1));
      };
      requestAnimationFrame(() => restore(10));
    };
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Let React own the open state: Escape asks the owner to unmount us.
        event.preventDefault();
        onCloseRef.current();
      }}
      onKeyDown={trapTab}
      onMouseDown={(event) => {
        if (event.target === ref.current) onCloseRef.current();
      }}
    >
      <div className="modal-body">
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Close"
            onClick={() => onCloseRef.current()}
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {description && (
          <p id={descriptionId} className="modal-description">
            {description}
          </p>
        )}
        {children}
      </div>
    </dialog>,
    document.body,
  );
}
