/** createStatefulSetController: the StatefulSet controller wired to the API server's watches. */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { WatchEvent } from '../../apiserver/apiserver';
import { controllerOf, keyOf, objectKey } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import type { PodIndexes } from '../controllerutils/podIndexes';
import type { StoredPod } from '../controllerutils/podStatus';
import { isStatusOnlyWrite } from '../controllerutils/statusOnlyWrite';
import { STATEFULSET_CONTROLLER_NAME, StatefulSetSyncer } from './statefulSetController';

export { StatefulSetSyncer, STATEFULSET_CONTROLLER_NAME } from './statefulSetController';
export { STATEFULSET_POD_NAME_LABEL, POD_INDEX_LABEL, claimName, ordinalOf } from './statefulPod';

/** `indexes`: pod indexes shared with other controllers (built for this one alone when omitted). */
export function createStatefulSetController(ctx: ControllerContext, indexes?: PodIndexes): Controller {
  const syncer = new StatefulSetSyncer(ctx, indexes);

  const setKeyOf = (pod: StoredPod): string | undefined => {
    const ref = controllerOf(pod);
    return ref?.kind === 'StatefulSet' ? objectKey(pod.metadata.namespace, ref.name) : undefined;
  };

  const podKeys = (event: WatchEvent): string[] => {
    const keys: string[] = [];
    const oldKey = event.old ? setKeyOf(event.old as StoredPod) : undefined;
    const key = setKeyOf(event.object as StoredPod);
    if (oldKey && oldKey !== key) keys.push(oldKey);
    if (key) keys.push(key);
    return keys;
  };

  return new Controller(
    {
      name: STATEFULSET_CONTROLLER_NAME,
      watches: [
        { kind: 'StatefulSet', keys: (e) => (e.old && e.type === 'MODIFIED' && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)]) },
        { kind: 'Pod', keys: podKeys },
      ],
      listKeys: () => ctx.api.peekList<StatefulSet>('StatefulSet').map((s) => keyOf(s)),
      sync: (key) => syncer.sync(key),
    },
    ctx,
  );
}
