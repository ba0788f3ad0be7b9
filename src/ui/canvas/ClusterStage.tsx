/**
 * The cluster's picture: the React Flow diagram for a classroom-sized cluster, the big-cluster map (its
 * own lazily loaded chunk) once the cluster has more machines than boxes can show.
 */
import { Suspense, lazy } from 'react';
import { useClusterStore } from '../../store/clusterStore';
import type { ObjectsOfKind } from '../../store/mirror';
import { kindOf } from '../../store/selectors';
import { ClusterCanvas } from './ClusterCanvas';

const BigClusterCanvas = lazy(() => import('../bigCluster/BigClusterCanvas'));

/** From this many machines on, the map replaces the diagram (40 boxes already fill a projector). */
export const BIG_VIEW_MIN_NODES = 40;

const counts = new WeakMap<ObjectsOfKind, number>();

function countOf(map: ObjectsOfKind): number {
  let n = counts.get(map);
  if (n === undefined) counts.set(map, (n = Object.keys(map).length));
  return n;
}

export function ClusterStage() {
  const big = useClusterStore((s) => countOf(kindOf(s.objects, 'Node')) >= BIG_VIEW_MIN_NODES);
  if (!big) return <ClusterCanvas />;
  return (
    <Suspense fallback={<div className="canvas" data-testid="cluster-canvas" />}>
      <BigClusterCanvas />
    </Suspense>
  );
}
