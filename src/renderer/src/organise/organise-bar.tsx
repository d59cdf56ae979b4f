import { SORT_MODES, type SortMode } from '../../../shared/organisation';
import type { ListView } from './use-list-view';

const SORT_LABELS: Record<SortMode, string> = {
  manual: 'Manual order',
  name: 'Name',
  issuer: 'Issuer',
  lastUsed: 'Last used',
};

/** Tag filter chips (toggle buttons, one at a time) and the sort, above the list. */
export function OrganiseBar({ view }: { view: ListView }) {
  return (
    <div className="organise-bar">
      {view.tags.length > 0 && (
        <div className="tag-chips" role="group" aria-label="Filter by tag">
          <button
            type="button"
            className="chip"
            aria-pressed={view.tag === null}
            onClick={() => view.setTag(null)}
          >
            All
          </button>
          {view.tags.map((t) => (
            <button
              key={t}
              type="button"
              className="chip"
              aria-pressed={view.tag === t}
              onClick={() => view.setTag(view.tag === t ? null : t)}
            >
              {t}
            </button>
          ))}
        </div>
      )}
      <label className="sort-select">
        Sort
        <select value={view.sort} onChange={(e) => view.setSort(e.target.value as SortMode)}>
          {SORT_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {SORT_LABELS[mode]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
