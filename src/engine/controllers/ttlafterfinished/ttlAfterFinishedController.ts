/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job (Complete or
 * Failed) with spec.ttlSecondsAfterFinished is deleted that many seconds after it finished, with
 * foreground cascading deletion so that its pods go first. A Job still running, or without the field,
 * is left alone; changing the field later is honoured.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { ApiError } from '../../apiserver/errors';
import { keyOf, splitKey } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { parseTime } from '../controllerutils/podStatus';
import { isJobFinished, jobFinishTime } from '../job/jobConditions';

export const TTL_AFTER_FINISHED_CONTROLLER_NAME = 'ttl-after-finished-controller';

export function createTtlAfterFinishedController(ctx: ControllerContext): Controller {
  const { api, clock } = ctx;

  const sync = (key: string) => {
    const { namespace, name } = splitKey(key);
    const job = api.get<Job>('Job', namespace, name);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl == null || job.metadata.deletionTimestamp || !isJobFinished(job)) return;
    const finishedAt = parseTime(jobFinishTime(job));
    if (finishedAt === undefined) return;
    const remaining = finishedAt + ttl * 1000 - clock.now();
    if (remaining > 0) return { requeueAfterMs: remaining };
    try {
      api.delete('Job', namespace, name, { propagationPolicy: 'Foreground' });
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
    }
    return;
  };

  return new Controller(
    {
      name: TTL_AFTER_FINISHED_CONTROLLER_NAME,
      watches: [{ kind: 'Job', keys: (e) => (e.type !== 'DELETED' && e.object.spec && (e.object.spec as { ttlSecondsAfterFinished?: number }).ttlSecondsAfterFinished != null ? [keyOf(e.object)] : []) }],
      listKeys: () => api.peekList('Job').map((j) => keyOf(j)),
      sync,
    },
    ctx,
  );
}
