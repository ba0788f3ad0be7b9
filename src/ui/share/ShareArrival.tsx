/**
 * Watches for a share link (`#/share/<data>`, on load or pasted into the address bar later) and hands it
 * to the opener, which loads on demand with the codec. The opener stays after the address has gone back
 * to a normal page, for its question or its notice.
 */
import { Suspense, lazy, useState } from 'react';
import { useRouteStore } from '../../store/routeStore';

const ShareOpener = lazy(() => import('./ShareOpener'));

export function ShareArrival() {
  const data = useRouteStore((s) => (s.route.page === 'share' ? s.route.data : undefined));
  const [seen, setSeen] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState<string | undefined>(undefined);
  // A new link replaces the one being handled (adjusting state while rendering, as React recommends over an effect).
  if (data !== seen) {
    setSeen(data);
    if (data !== undefined) setPending(data);
  }
  if (pending === undefined) return null;
  return (
    <Suspense fallback={null}>
      <ShareOpener key={pending} data={pending} onDone={() => setPending(undefined)} />
    </Suspense>
  );
}
