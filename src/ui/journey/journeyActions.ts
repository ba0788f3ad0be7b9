/** Starting and closing a journey: the worker applies and records; the page shows what it sends. */
import { simClient } from '../../client/simClient';
import { useJourneyStore } from './journeyStore';

export function startJourney(): void {
  const store = useJourneyStore.getState();
  if (store.status === 'starting') return;
  store.opening();
  simClient.request({ type: 'journeyStart' }).then(
    (record) => useJourneyStore.getState().receive(record),
    (err: unknown) => useJourneyStore.getState().failed(err instanceof Error ? err.message : String(err)),
  );
}

export function closeJourney(): void {
  const recording = useJourneyStore.getState().record?.state === 'recording';
  useJourneyStore.getState().close();
  if (recording) void simClient.request({ type: 'journeyStop' }).catch(() => undefined);
}
