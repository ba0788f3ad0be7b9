/**
 * `#/presets/<id>` opens a cluster preset: once the simulation answers, a cluster made from another
 * preset is replaced by a fresh one of this preset (a reload of the same address keeps the cluster the
 * visit left, as the rest of the page does). An unknown id is said, and the cluster stays as it is.
 */
import { useEffect, useRef, useState } from 'react';
import { simClient } from '../../client/simClient';
import { isPresetName } from '../../engine/scenarios/presets';
import { useClusterStore } from '../../store/clusterStore';
import { useRouteStore } from '../../store/routeStore';

/** Follows the preset route; answers the id it could not open (for the notice), if any. */
export function usePresetRoute(): { unknown: string | undefined; dismiss: () => void } {
  const presetId = useRouteStore((s) => (s.route.page === 'preset' ? s.route.id : undefined));
  const running = useClusterStore((s) => s.status === 'running');
  const current = useClusterStore((s) => s.lastSnapshot?.preset ?? null);
  const handled = useRef<string | undefined>(undefined);
  const [unknown, setUnknown] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (presetId === undefined) {
      handled.current = undefined;
      return;
    }
    if (!running || handled.current === presetId) return;
    handled.current = presetId;
    if (!isPresetName(presetId)) {
      setUnknown(presetId);
      return;
    }
    setUnknown(undefined);
    if ((current ?? 'default') !== presetId) simClient.loadPreset(presetId);
  }, [presetId, running, current]);
  return { unknown, dismiss: () => setUnknown(undefined) };
}

/** Whether the page is building the big cluster (its first objects have not come yet). */
export function useBuildingBigCluster(): boolean {
  const onBig = useRouteStore((s) => s.route.page === 'preset' && s.route.id === 'big-cluster');
  return useClusterStore((s) => onBig && s.status !== 'running' && Object.keys(s.objects).length === 0);
}
