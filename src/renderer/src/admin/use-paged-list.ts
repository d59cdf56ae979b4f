import { useCallback, useEffect, useRef, useState } from 'react';
import type { TesseraError } from '../../../shared/errors';
import { asTesseraError } from '../vault/vault-context';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  status: 'loading' | 'ready' | 'failed';
  error: TesseraError | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Puts an item changed by an action in place, without reloading the pages already shown. */
  replace(matches: (item: T) => boolean, next: T): void;
}

interface Loaded<T> {
  /** The filters and reload generation these pages answer. */
  for: string;
  items: T[];
  cursor: string | null;
  error: TesseraError | null;
}

/**
 * A cursor-paged list that starts over whenever `key` (the filters) changes. Answers for an
 * older key are dropped, so typing fast in a filter never shows a stale page.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): PagedList<T> {
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const fetchRef = useRef(fetchPage);
  const wanted = `${generation}:${key}`;
  const wantedRef = useRef(wanted);
  useEffect(() => {
    fetchRef.current = fetchPage;
    wantedRef.current = wanted;
  });

  useEffect(() => {
    const answer = (next: Omit<Loaded<T>, 'for'>) => {
      if (wantedRef.current === wanted) setLoaded({ for: wanted, ...next });
    };
    fetchRef.current(undefined).then(
      (page) => answer({ items: page.items, cursor: page.nextCursor, error: null }),
      (failure: unknown) => answer({ items: [], cursor: null, error: asTesseraError(failure) }),
    );
  }, [wanted]);

  const current = loaded?.for === wanted ? loaded : null;
  const cursor = current?.cursor ?? null;
  const loadMore = useCallback(() => {
    if (cursor === null) return;
    setLoadingMore(true);
    fetchRef
      .current(cursor)
      .then(
        (page) =>
          setLoaded((prev) =>
            prev?.for === wanted
              ? { ...prev, items: [...prev.items, ...page.items], cursor: page.nextCursor }
              : prev,
          ),
        (failure: unknown) =>
          setLoaded((prev) =>
            prev?.for === wanted ? { ...prev, error: asTesseraError(failure) } : prev,
          ),
      )
      .finally(() => setLoadingMore(false));
  }, [cursor, wanted]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback((matches: (item: T) => boolean, next: T) => {
    setLoaded(
      (prev) => prev && { ...prev, items: prev.items.map((item) => (matches(item) ? next : item)) },
    );
  }, []);

  const status =
    current === null ? 'loading' : current.error && current.items.length === 0 ? 'failed' : 'ready';
  return {
    items: current?.items ?? [],
    status,
    error: current?.error ?? null,
    hasMore: cursor !== null,
    loadingMore,
    loadMore,
    reload,
    replace,
  };
}
