/** createDaemonSetController: the DaemonSet controller wired to the API server's watches. */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../apiserver/apiserver';
import { controllerOf, keyOf, objectKey, type Stored } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import type { PodIndexes } from '../controllerutils/podIndexes';
import type { StoredPod } from '../controllerutils/podStatus';
import { isStatusOnlyWrite } from '../controllerutils/statusOnlyWrite';
import { DAEMONSET_CONTROLLER_NAME, DaemonSetSyncer } from './daemonSetController';

export { DaemonSetSyncer, DAEMONSET_CONTROLLER_NAME } from './daemonSetController';
export { daemonPodTolerations, nodeShouldRunDaemonPod, CONTROLLER_REVISION_HASH_LABEL } from './daemonPod';

/** A node write that can change where daemon pods belong: not the kubelet's heartbeats. */
function nodePlacementChanged(old: Stored<Node>, cur: Stored<Node>): boolean {
  return old.metadata.labels !== cur.metadata.labels || old.spec !== cur.spec;
}

/** `indexes`: pod indexes shared with other controllers (built for this one alone when omitted). */
export function createDaemonSetController(ctx: ControllerContext, indexes?: PodIndexes): Controller {
  const syncer = new DaemonSetSyncer(ctx, indexes);
  const expectations = syncer.expectations;
  const allKeys = () => ctx.api.peekList<DaemonSet>('DaemonSet').map((d) => keyOf(d));

  const dsKeyOf = (pod: StoredPod): string | undefined => {
    const ref = controllerOf(pod);
    return ref?.kind === 'DaemonSet' ? objectKey(pod.metadata.namespace, ref.name) : undefined;
  };

  const podKeys = (event: WatchEvent): string[] => {
    const pod = event.object as StoredPod;
    const dsKey = dsKeyOf(pod);
    const old = event.old as StoredPod | undefined;
    const keys: string[] = [];
    const oldKey = old ? dsKeyOf(old) : undefined;
    if (oldKey && oldKey !== dsKey) keys.push(oldKey);
    if (!dsKey) return keys;
    const podKey = keyOf(pod);
    if (event.type === 'ADDED') expectations.creationObserved(dsKey);
    else if (event.type === 'DELETED' || (pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp)) expectations.deletionObserved(dsKey, podKey);
    keys.push(dsKey);
    return keys;
  };

  const nodeKeys = (event: WatchEvent): string[] => {
    if (event.type === 'MODIFIED' && event.old && !nodePlacementChanged(event.old as Stored<Node>, event.object as Stored<Node>)) return [];
    return allKeys();
  };

  return new Controller(
    {
      name: DAEMONSET_CONTROLLER_NAME,
      watches: [
        { kind: 'DaemonSet', keys: (e) => (e.old && e.type === 'MODIFIED' && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)]) },
        { kind: 'Pod', keys: podKeys },
        { kind: 'Node', keys: nodeKeys },
      ],
      listKeys: allKeys,
      sync: (key) => syncer.sync(key),
    },
    ctx,
  );
}
