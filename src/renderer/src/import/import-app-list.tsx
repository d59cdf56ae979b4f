import { useEffect, useId, useRef } from 'react';
import { IMPORT_SOURCES, type ImportSource as SourceApp } from '../../../shared/import-sources';

interface ImportAppListProps {
  query: string;
  onQuery(query: string): void;
  onPick(app: SourceApp): void;
  /** The app whose guide the person just left: focus goes back to it, not to the top. */
  returnTo?: string;
}

/** Matches the name and the id, so "ms", "2fas" or "stratum" all find something. */
export function filterApps(apps: readonly SourceApp[], query: string): SourceApp[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...apps];
  return apps.filter((app) => app.name.toLowerCase().includes(needle) || app.id.includes(needle));
}

/** "Import from…": the apps Tessera reads, filterable, each a button that opens its export guide. */
export function ImportAppList({ query, onQuery, onPick, returnTo }: ImportAppListProps) {
  const filterId = useId();
  const countId = useId();
  const list = useRef<HTMLUListElement>(null);
  const filter = useRef<HTMLInputElement>(null);
  const apps = filterApps(IMPORT_SOURCES, query);

  useEffect(() => {
    // Reached from another step, the button that led here is gone and focus would fall to <body>:
    // go back to the app whose guide was open, else to the filter. (On first open the dialog
    // focuses the filter itself, through data-autofocus.)
    const back = returnTo
      ? list.current?.querySelector<HTMLButtonElement>(`[data-app="${returnTo}"]`)
      : null;
    (back ?? filter.current)?.focus();
    // Only on arrival: typing in the filter must not pull focus around.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="import-apps">
      <label htmlFor={filterId}>Find the app you are leaving</label>
      <input
        ref={filter}
        id={filterId}
        type="search"
        className="import-apps-filter"
        placeholder="Aegis, 2FAS, Bitwarden…"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={countId}
        data-autofocus
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          // ArrowDown leaves the filter for the first match, as in the main window's search.
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            list.current?.querySelector<HTMLButtonElement>('button')?.focus();
          }
        }}
      />
      <p id={countId} className="hint" role="status">
        {apps.length === 0
          ? 'No app matches. A file of otpauth:// links or QR code images still imports: clear the filter and choose "Any app".'
          : `${apps.length} of ${IMPORT_SOURCES.length} apps`}
      </p>
      <ul ref={list} className="import-apps-list" aria-label="Supported apps">
        {apps.map((app) => (
          <li key={app.id}>
            <button
              type="button"
              className="import-app"
              data-app={app.id}
              onClick={() => onPick(app)}
            >
              {app.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
