import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ImportSource as SourceApp } from '../../../shared/import-sources';

interface ImportAppGuideProps {
  app: SourceApp;
  onBack(): void;
  /** The ways in ("Choose file…" and, for QR-based apps, scanning), rendered under the steps. */
  children: ReactNode;
}

/** One app's export steps, and what to expect of its file, before the person picks it. */
export function ImportAppGuide({ app, onBack, children }: ImportAppGuideProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    // The list button that opened this guide is gone: put focus (and the screen reader) on its title.
    heading.current?.focus();
  }, [app.id]);

  return (
    <section className="import-app-guide" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Import from {app.name}
      </h3>
      <h4>How to export from {app.name}</h4>
      <p className="import-app-steps">{app.howToExport}</p>
      {app.needsRootedPhone && (
        <p className="warning">
          {app.name} has no export of its own: the file has to be copied from a rooted Android
          phone.
        </p>
      )}
      <p className="hint">
        {app.canBeEncrypted
          ? 'This export may be protected by a password. If it is, Tessera asks for that password after you choose the file.'
          : 'This export is not password-protected: anyone with the file can read your codes. Delete it once it is imported.'}{' '}
        Tessera recognises the file by its content, so its name does not matter.
      </p>
      {children}
      <div className="modal-footer">
        <button type="button" className="button" onClick={onBack}>
          Back to the apps
        </button>
      </div>
    </section>
  );
}
