/** createJobController: the Job controller wired to the API server's watches. */
import type { WatchEvent } from '../../apiserver/apiserver';
import { controllerOf, keyOf, objectKey } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import type { PodIndexes } from '../controllerutils/podIndexes';
import type { StoredPod } from '../controllerutils/podStatus';
import { isStatusOnlyWrite } from '../controllerutils/statusOnlyWrite';
import { JOB_CONTROLLER_NAME, JobSyncer } from './jobController';

export { JobSyncer, JOB_CONTROLLER_NAME, MAX_POD_CREATE_DELETE_PER_SYNC } from './jobController';
export { isJobFinished, jobFinishTime, type StoredJob } from './jobConditions';
export { JOB_COMPLETION_INDEX_ANNOTATION } from './completionIndexes';
export { DEFAULT_JOB_POD_FAILURE_BACKOFF_MS, MAX_JOB_POD_FAILURE_BACKOFF_MS } from './podFailureBackoff';

/** `indexes`: pod indexes shared with other controllers (built for this one alone when omitted). */
export function createJobController(ctx: ControllerContext, indexes?: PodIndexes): Controller {
  const syncer = new JobSyncer(ctx, indexes);
  const expectations = syncer.expectations;

  const jobKeyOf = (pod: StoredPod): string | undefined => {
    const ref = controllerOf(pod);
    return ref?.kind === 'Job' ? objectKey(pod.metadata.namespace, ref.name) : undefined;
  };

  const podKeys = (event: WatchEvent): string[] => {
    const pod = event.object as StoredPod;
    const jobKey = jobKeyOf(pod);
    const keys: string[] = [];
    const old = event.old as StoredPod | undefined;
    const oldKey = old ? jobKeyOf(old) : undefined;
    if (oldKey && oldKey !== jobKey) keys.push(oldKey);
    if (!jobKey) return keys;
    const podKey = keyOf(pod);
    if (event.type === 'ADDED') {
      if (pod.metadata.deletionTimestamp) expectations.deletionObserved(jobKey, podKey);
      else expectations.creationObserved(jobKey);
    } else if (event.type === 'DELETED') {
      expectations.deletionObserved(jobKey, podKey);
      syncer.podDeleted(controllerOf(pod)!.uid, pod);
    } else if (pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp) {
      expectations.deletionObserved(jobKey, podKey);
    }
    keys.push(jobKey);
    return keys;
  };

  return new Controller(
    {
      name: JOB_CONTROLLER_NAME,
      watches: [
        { kind: 'Job', keys: (e) => (e.old && e.type === 'MODIFIED' && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)]) },
        { kind: 'Pod', keys: podKeys },
      ],
      listKeys: () => ctx.api.peekList('Job').map((j) => keyOf(j)),
      sync: (key) => syncer.sync(key),
    },
    ctx,
  );
}
