import { useRef, type ReactNode } from 'react';
import { Icon } from '../ui/icons';

interface ImportSourcesProps {
  onFiles(files: File[]): void;
  onScreen(): void;
  onCamera(): void;
  /** "Add another image" when extending a preview, "Choose a file" at the start. */
  fileLabel: string;
  /** Offer the screen and camera too (default); an app guide whose export is a file leaves them out. */
  scan?: boolean;
  /** Replaces the general note about drop, paste and formats (an app guide has its own). */
  hint?: ReactNode;
  /** Opens the "Import from…" list of apps. */
  onApps?(): void;
}

/** The ways in: a file or image, the screen, a camera. Paste and drop work anywhere too. */
export function ImportSources({
  onFiles,
  onScreen,
  onCamera,
  fileLabel,
  scan = true,
  hint,
  onApps,
}: ImportSourcesProps) {
  const input = useRef<HTMLInputElement>(null);
  const screenAvailable = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  const cameraAvailable = typeof navigator.mediaDevices?.getUserMedia === 'function';
  return (
    <div className="import-sources">
      <input
        ref={input}
        type="file"
        hidden
        multiple
        aria-label={fileLabel}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <button
        type="button"
        className="button button-primary"
        data-autofocus
        onClick={() => input.current?.click()}
      >
        <Icon name="plus" />
        {fileLabel}…
      </button>
      {scan && screenAvailable && (
        <button type="button" className="button" onClick={onScreen}>
          Scan QR code on screen
        </button>
      )}
      {scan && cameraAvailable && (
        <button type="button" className="button" onClick={onCamera}>
          Scan with camera
        </button>
      )}
      {onApps && (
        <button type="button" className="button" onClick={onApps}>
          Import from another app…
        </button>
      )}
      {hint === undefined ? (
        <p className="hint">
          You can also drop a file or image on the window, or paste an image or an otpauth:// link
          (Ctrl+V). Tessera reads its own backups, QR code images (PNG, JPEG, GIF, WebP, BMP),
          Google Authenticator exports, text files of otpauth:// links and other
          authenticators&apos; exports.
        </p>
      ) : (
        hint
      )}
    </div>
  );
}
