import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, isAbort, withQuery, type QueryValue } from './http';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * GET a resource and keep it in state. A null path fetches nothing (e.g. until a donation is chosen).
 * Each new path aborts the previous request, so a slow old answer never overwrites a newer one.
 */
export function useApi<T>(path: string | null, query?: Record<string, QueryValue>): ApiState<T> {
  const url = path === null ? null : withQuery(path, query);
  const [state, setState] = useState<{ url: string | null; data?: T; error?: ApiError; loading: boolean }>({ url: null, loading: url !== null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (url === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ url, data: s.url === url ? s.data : undefined, loading: true }));
    api<T>(url, { signal: ctrl.signal }).then(
      (data) => setState({ url, data, loading: false }),
      (err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'CLIENT', String(err));
        // A failed reload keeps the data already shown (a form on the page must not lose what was typed).
        setState((s) => ({ url, data: s.url === url ? s.data : undefined, error, loading: false }));
      },
    );
    return () => ctrl.abort();
  }, [url, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = state.url === url;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: url !== null && (!current || state.loading),
    reload,
  };
}
