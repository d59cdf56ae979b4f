import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportSummary } from '../../../shared/contract/import';
import { TesseraError } from '../../../shared/errors';
import type { ImportSource as SourceApp } from '../../../shared/import-sources';
import { call } from '../bridge/bridge';
import { ModalDialog } from '../ui/modal-dialog';
import { BusyStatus } from './busy-status';
import { CameraScanner } from './camera-scanner';
import { previewFrom, type ImportSource } from './import-actions';
import { ImportAppGuide } from './import-app-guide';
import { ImportAppList } from './import-app-list';
import { batchMessages, PreviewTable } from './import-preview-table';
import { ImportSources } from './import-sources';
import { ImportSummaryView } from './import-summary';
import { PasswordStep } from './password-step';
import { captureScreen } from './screen-capture';

export interface IncomingSource {
  seq: number;
  source: ImportSource;
}

interface ImportDialogProps {
  /** Sources dropped or pasted while the dialog is open (or that opened it). */
  incoming: IncomingSource[];
  /** Opened as "Import from…": start on the list of apps instead of the ways in. */
  startWithApps?: boolean;
  onClose(): void;
  onImported(summary: ImportSummary): void;
}

type Step = 'apps' | 'app' | 'choose' | 'camera' | 'password' | 'preview' | 'summary';

function message(error: unknown): string {
  return error instanceof TesseraError
    ? error.message
    : 'Tessera could not read that. Try another file or image.';
}

/** New entries and repeats within the file start ticked; vault duplicates and skipped ones do not. */
const selectable = (p: ImportPreview) =>
  new Set(p.entries.filter((e) => e.status === 'new' || e.status === 'repeat').map((e) => e.index));

/** The one import flow in the app: sources → preview → confirm → summary. */
export function ImportDialog({
  incoming,
  startWithApps = false,
  onClose,
  onImported,
}: ImportDialogProps) {
  const [step, setStep] = useState<Step>(startWithApps ? 'apps' : 'choose');
  const [app, setApp] = useState<SourceApp | null>(null);
  const [appQuery, setAppQuery] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  // The file waiting for its password, and the app it was picked for (if any).
  const [locked, setLocked] = useState<{ file: File; format?: string } | null>(null);
  const previewId = useRef<string | undefined>(undefined);
  /** The file being read, if any: `import.cancelParse` stops it by this id. */
  const [parseId, setParseId] = useState<string | null>(null);
  const shownEntries = useRef(0);
  const handled = useRef(0);

  const run = useCallback(async (source: ImportSource, password?: string, format?: string) => {
    setBusy(source.kind === 'file' ? `Reading ${source.file.name}…` : 'Reading the QR code…');
    setError(null);
    const parsing = crypto.randomUUID();
    try {
      const next = await previewFrom(source, {
        password,
        format,
        appendTo: previewId.current,
        parseId: parsing,
        onParsing: () => setParseId(parsing),
      });
      // Entries added by this source start selected (if new); earlier choices are kept.
      const fresh = [...selectable(next)].filter((i) => i >= shownEntries.current);
      previewId.current = next.id;
      shownEntries.current = next.entries.length;
      setPreview(next);
      setSelected((old) => new Set([...old, ...fresh]));
      setLocked(null);
      setStep('preview');
    } catch (caught) {
      const code = caught instanceof TesseraError ? caught.code : '';
      if (
        source.kind === 'file' &&
        (code === 'IMPORT_PASSWORD_REQUIRED' || code === 'IMPORT_WRONG_PASSWORD')
      ) {
        setLocked({ file: source.file, format });
        setStep('password');
      }
      setError(message(caught));
    } finally {
      setBusy(null);
      setParseId(null);
    }
  }, []);

  const cancelParse = () => {
    if (parseId) void call('import.cancelParse', { parseId }).catch(() => undefined);
  };

  useEffect(() => {
    const fresh = incoming.filter((item) => item.seq > handled.current);
    if (fresh.length === 0 || busy) return;
    handled.current = fresh[0]!.seq;
    void run(fresh[0]!.source);
  }, [incoming, busy, run]);

  const close = () => {
    cancelParse();
    if (previewId.current && step !== 'summary')
      void call('import.cancel', { id: previewId.current }).catch(() => undefined);
    onClose();
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy('Importing…');
    setError(null);
    try {
      const exclude = preview.entries.map((e) => e.index).filter((i) => !selected.has(i));
      const includeDuplicates = preview.entries.some(
        (e) => e.status === 'duplicate' && selected.has(e.index),
      );
      const result = await call('import.confirm', { id: preview.id, exclude, includeDuplicates });
      setSummary(result);
      setStep('summary');
      onImported(result);
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(null);
    }
  };

  const scanScreen = async () => {
    setError(null);
    try {
      const image = await captureScreen();
      await run({ kind: 'pixels', image });
    } catch (caught) {
      setError(
        caught instanceof TesseraError
          ? caught.message
          : 'Screen capture was cancelled or is not allowed.',
      );
    }
  };

  // One after another: each may stop at the password step, and each extends the same preview.
  const runFiles = (files: File[], format?: string) =>
    void files.reduce(
      (p, file) => p.then(() => run({ kind: 'file', file }, undefined, format)),
      Promise.resolve(),
    );
  const sources = (
    <ImportSources
      fileLabel={preview ? 'Add another file or image' : 'Choose a file or image'}
      onFiles={runFiles}
      onScreen={() => void scanScreen()}
      onCamera={() => setStep('camera')}
      onApps={preview ? undefined : () => setStep('apps')}
    />
  );
  const count = selected.size;

  return (
    <ModalDialog title="Import accounts" onClose={close} className="import-dialog">
      {busy && <BusyStatus text={busy} onCancel={parseId ? cancelParse : undefined} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {step === 'apps' && (
        <ImportAppList
          query={appQuery}
          onQuery={setAppQuery}
          returnTo={app?.id}
          onPick={(picked) => {
            setApp(picked);
            setError(null);
            setStep('app');
          }}
        />
      )}
      {step === 'app' && app && (
        <ImportAppGuide
          app={app}
          onBack={() => {
            setError(null);
            setStep('apps');
          }}
        >
          <ImportSources
            fileLabel="Choose file"
            scan={app.formatIds.includes('qr-image')}
            hint={null}
            onFiles={(files) => runFiles(files, app.id)}
            onScreen={() => void scanScreen()}
            onCamera={() => setStep('camera')}
          />
        </ImportAppGuide>
      )}
      {step === 'choose' && sources}
      {step === 'camera' && (
        <CameraScanner
          onTexts={(texts) => void run({ kind: 'texts', texts })}
          hint={preview ? batchMessages(preview.batches)[0] : undefined}
        />
      )}
      {step === 'password' && locked && (
        <PasswordStep
          fileName={locked.file.name}
          appName={app?.name}
          onSubmit={(pw) => void run({ kind: 'file', file: locked.file }, pw, locked.format)}
          onCancel={() => setStep(preview ? 'preview' : app ? 'app' : 'choose')}
        />
      )}
      {step === 'preview' && preview && (
        <>
          <p className="hint">
            {preview.format}: {preview.entries.length}{' '}
            {preview.entries.length === 1 ? 'entry' : 'entries'}. Nothing is saved until you import.
          </p>
          {batchMessages(preview.batches).map((line) => (
            <p key={line} className="batch-status">
              {line}
            </p>
          ))}
          <PreviewTable
            preview={preview}
            selected={selected}
            onToggle={(i) =>
              setSelected((old) =>
                old.has(i) ? new Set([...old].filter((x) => x !== i)) : new Set([...old, i]),
              )
            }
          />
          {sources}
          <div className="modal-footer">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={count === 0 || busy !== null}
              onClick={() => void confirm()}
            >
              {`Import ${count} account${count === 1 ? '' : 's'}`}
            </button>
          </div>
        </>
      )}
      {step === 'summary' && summary && <ImportSummaryView summary={summary} onClose={onClose} />}
    </ModalDialog>
  );
}
