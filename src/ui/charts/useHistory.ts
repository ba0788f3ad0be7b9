import { useEffect, useState } from 'react';
import { simClient } from '../../client/simClient';
import type { HistoryKind, HistorySeries } from '../../engine/metrics/historyTypes';
import { useClusterStore } from '../../store/clusterStore';
import { selectViewing, useTimelineStore } from '../../store/timelineStore';

/** Real time between two asks while the clock runs (the worker samples every 2 virtual seconds). */
export const HISTORY_POLL_MS = 1000;

export interface HistoryState {
  series: HistorySeries | null | undefined;
  error: string | undefined;
}

/**
 * The object's samples from the worker, asked again every HISTORY_POLL_MS while virtual time moves or the
 * timeline shows another moment (a paused clock asks nothing more). While the timeline shows the past,
 * the worker answers from the cluster as it was then, so the lines end at that moment. The last answer
 * stays on screen while the next is on its way.
 */
export function useHistory(kind: HistoryKind, namespace: string | undefined, name: string): HistoryState {
  const [state, setState] = useState<HistoryState>({ series: undefined, error: undefined });
  const key = `${kind}|${namespace ?? ''}|${name}`;
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setState({ series: undefined, error: undefined });
  }
  useEffect(() => {
    let cancelled = false;
    let askedAt: string | undefined;
    const ask = () => {
      const moment = `${useClusterStore.getState().clock.now}|${selectViewing(useTimelineStore.getState()) ?? 'live'}`;
      if (moment === askedAt) return;
      askedAt = moment;
      simClient.request({ type: 'chartSeries', kind, ...(namespace ? { namespace } : {}), name }).then(
        (series) => !cancelled && setState({ series, error: undefined }),
        (err: unknown) => !cancelled && setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) })),
      );
    };
    ask();
    const timer = setInterval(ask, HISTORY_POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [kind, namespace, name]);
  return state;
}
