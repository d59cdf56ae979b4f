import type { TesseraError } from '../../../shared/errors';

/** A console request that failed: what main said, its code, and a way to try again. */
export function AdminError({ error, onRetry }: { error: TesseraError; onRetry?: () => void }) {
  return (
    <div className="error-banner admin-error" role="alert">
      <div>
        <p>
          {error.message} <span className="error-code">({error.code})</span>
        </p>
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The end of a paged table: "Load more" while the server has another page. */
export function LoadMore({
  list,
  what,
}: {
  list: { hasMore: boolean; loadingMore: boolean; loadMore(): void };
  what: string;
}) {
  if (!list.hasMore) return null;
  return (
    <button
      type="button"
      className="button admin-load-more"
      disabled={list.loadingMore}
      onClick={list.loadMore}
    >
      {list.loadingMore ? 'Loading…' : `Load more ${what}`}
    </button>
  );
}
