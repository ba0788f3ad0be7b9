/**
 * The pod indexes several workload controllers read (by controller uid, and orphans by namespace),
 * built once and shared, as kube-controller-manager's controllers share one pod informer: each index
 * costs work on every pod event, and a large cluster has many of those.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import { OrphanIndex } from './orphanIndex';
import { OwnerIndex } from './ownerIndex';

export interface PodIndexes {
  podsByOwner: OwnerIndex<Pod>;
  orphanPods: OrphanIndex;
}

export function createPodIndexes(api: ApiServer): PodIndexes {
  return { podsByOwner: new OwnerIndex<Pod>(api, 'Pod'), orphanPods: new OrphanIndex(api, 'Pod') };
}
