import { useEffect, useState } from 'react';

export interface QueryState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/** Minimum real time between two refreshes of the same query while the object keeps changing. */
export const REFRESH_MS = 400;

/**
 * Runs a worker request when `key` changes (the selected object and its resourceVersion), at most
 * every REFRESH_MS, keeping the last answer on screen while the next one is on its way.
 */
export function useWorkerQuery<T>(key: string | undefined, run: () => Promise<T>): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: undefined, error: undefined, loading: false });
  const [lastKey, setLastKey] = useState<string | undefined>(undefined);
  if (key !== lastKey) {
    // A different object: drop the old answer at once (React's "adjust state during render" pattern).
    const sameObject = key && lastKey && key.split('@')[0] === lastKey.split('@')[0];
    setLastKey(key);
    if (!sameObject) setState({ data: undefined, error: undefined, loading: key !== undefined });
  }
  useEffect(() => {
    if (key === undefined) return;
    let cancelled = false;
    const handle = setTimeout(() => {
      run().then(
        (data) => !cancelled && setState({ data, error: undefined, loading: false }),
        (err: unknown) => !cancelled && setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err), loading: false })),
      );
    }, REFRESH_MS / 4);
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
    // `run` is a fresh closure each render; the key alone says when the query changed.
  }, [key]);
  return state;
}
