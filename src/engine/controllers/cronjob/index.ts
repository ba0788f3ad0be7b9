/** createCronJobController: the CronJob controller wired to the API server's watches. */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { WatchEvent } from '../../apiserver/apiserver';
import { keyOf, type Stored } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { isStatusOnlyWrite } from '../controllerutils/statusOnlyWrite';
import { isJobFinished } from '../job/jobConditions';
import { CRONJOB_CONTROLLER_NAME, CronJobSyncer, cronJobKeyOfJob } from './cronJobController';

export { CronJobSyncer, CRONJOB_CONTROLLER_NAME, CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION, jobNameFor } from './cronJobController';
export { parseCronSchedule, nextActivation, CronParseError } from './cronSchedule';

export function createCronJobController(ctx: ControllerContext): Controller {
  const syncer = new CronJobSyncer(ctx);

  const jobKeys = (event: WatchEvent): string[] => {
    const job = event.object as Stored<Job>;
    const key = cronJobKeyOfJob(job);
    if (!key) return [];
    // A Job matters to its CronJob when it appears, goes, or finishes.
    if (event.type === 'MODIFIED' && event.old && isJobFinished(event.old as Stored<Job>) === isJobFinished(job)) return [];
    return [key];
  };

  return new Controller(
    {
      name: CRONJOB_CONTROLLER_NAME,
      watches: [
        { kind: 'CronJob', keys: (e) => (e.old && e.type === 'MODIFIED' && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)]) },
        { kind: 'Job', keys: jobKeys },
      ],
      listKeys: () => ctx.api.peekList<CronJob>('CronJob').map((c) => keyOf(c)),
      sync: (key) => syncer.sync(key),
    },
    ctx,
  );
}
