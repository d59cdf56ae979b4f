import type { TesseraError } from '../../../shared/errors';
import { ErrorAlert } from '../ui/error-alert';

/** A console request that failed: what main said, its code, and a way to try again. */
export function AdminError({ error, onRetry }: { error: TesseraError; onRetry?: () => void }) {
  return <ErrorAlert error={error} className="admin-error" onRetry={onRetry} />;
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
