/** createReplicaSetController: the ReplicaSet controller wired to the API server's watches. */
import type { WatchEvent } from '../../apiserver/apiserver';
import { controllerOf, keyOf, objectKey, type Stored } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import type { StoredPod } from '../controllerutils/podStatus';
import { classifyPodChange } from './podEvents';
import { REPLICASET_CONTROLLER_NAME, ReplicaSetSyncer } from './replicaSetController';

export { ReplicaSetSyncer, REPLICASET_CONTROLLER_NAME, BURST_REPLICAS } from './replicaSetController';

/**
 * A write that changed only the status (the controller's own status update; the spec object is shared
 * by reference because updateStatus spreads the stored object) needs no new sync.
 */
function isOwnStatusWrite(old: Stored, cur: Stored): boolean {
  return (
    (old as { spec?: unknown }).spec === (cur as { spec?: unknown }).spec &&
    old.metadata.ownerReferences === cur.metadata.ownerReferences &&
    old.metadata.deletionTimestamp === cur.metadata.deletionTimestamp
  );
}

/**
 * Kubernetes updates a ReplicaSet's status within milliseconds of each pod's readiness change; the
 * playground gathers the readiness changes of a short window into one status sync, so that thousands
 * of pods becoming Ready one by one do not each recount the whole ReplicaSet. A student sees READY
 * catch up at most this long after a pod turns Ready.
 */
export const STATUS_BATCH_MS = 250;

export function createReplicaSetController(ctx: ControllerContext): Controller {
  const syncer = new ReplicaSetSyncer(ctx);
  const expectations = syncer.expectations;

  const ownerKey = (pod: StoredPod): string | undefined => {
    const ref = controllerOf(pod);
    return ref?.kind === 'ReplicaSet' ? objectKey(pod.metadata.namespace, ref.name) : undefined;
  };

  const podKeys = (event: WatchEvent): string[] => {
    const pod = event.object as StoredPod;
    const rsKey = ownerKey(pod);
    if (event.type === 'ADDED') {
      if (!rsKey) return syncer.replicaSetsMatching(pod);
      if (pod.metadata.deletionTimestamp) expectations.deletionObserved(rsKey, keyOf(pod));
      else expectations.creationObserved(rsKey);
      return [rsKey];
    }
    if (event.type === 'DELETED') {
      if (!rsKey) return [];
      expectations.deletionObserved(rsKey, keyOf(pod));
      return [rsKey];
    }
    const old = event.old as StoredPod | undefined;
    if (!old) return rsKey ? [rsKey] : [];
    const keys: string[] = [];
    const oldKey = ownerKey(old);
    if (oldKey && oldKey !== rsKey) keys.push(oldKey);
    if (rsKey && pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) expectations.deletionObserved(rsKey, keyOf(pod));
    const change = classifyPodChange(old, pod);
    if (change === 'none') return keys;
    if (change === 'readiness' && rsKey) {
      // Readiness changes only move status counts: batch them (see STATUS_BATCH_MS).
      controller.enqueue(rsKey, STATUS_BATCH_MS);
      return keys;
    }
    if (rsKey) keys.push(rsKey);
    else keys.push(...syncer.replicaSetsMatching(pod));
    return keys;
  };

  const controller: Controller = new Controller(
    {
      name: REPLICASET_CONTROLLER_NAME,
      watches: [
        { kind: 'ReplicaSet', keys: (e) => (e.old && isOwnStatusWrite(e.old, e.object) ? [] : [keyOf(e.object)]) },
        { kind: 'Pod', keys: podKeys },
      ],
      listKeys: () => ctx.api.peekList('ReplicaSet').map((rs) => keyOf(rs)),
      sync: (key) => syncer.sync(key),
    },
    ctx,
  );
  return controller;
}
