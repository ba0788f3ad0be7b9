import { describe, expect, it } from 'vitest';
import type { CronJob, CronJobSpec, Job } from 'kubernetes-types/batch/v1';
import { registerAdmission } from '../../apiserver/admission';
import { createCluster } from '../../cluster';
import type { Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
import { eventMessages, newControllerContext } from '../../testing/controllerHarness';
import { createGarbageCollector } from '../garbagecollector';
import { nextActivation, parseCronSchedule } from './cronSchedule';
import { createCronJobController } from './index';

const T0 = Date.UTC(2026, 0, 1); // a Thursday, the virtual clock's epoch
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

describe('cron schedules (robfig/cron standard parser)', () => {
  const cases: { name: string; schedule: string; after: string; want: string; tz?: string }[] = [
    { name: '*/5 fires on minutes divisible by 5', schedule: '*/5 * * * *', after: '2026-01-01T00:02:00Z', want: '2026-01-01T00:05:00Z' },
    { name: 'the next activation is strictly after the given time', schedule: '*/5 * * * *', after: '2026-01-01T00:05:00Z', want: '2026-01-01T00:10:00Z' },
    { name: 'a list fires on each listed minute', schedule: '0,30 * * * *', after: '2026-01-01T00:10:00Z', want: '2026-01-01T00:30:00Z' },
    { name: 'a range with weekday names skips the weekend', schedule: '0 9-17 * * MON-FRI', after: '2026-01-02T17:30:00Z', want: '2026-01-05T09:00:00Z' },
    { name: 'a stepped range a-b/n', schedule: '10-50/20 * * * *', after: '2026-01-01T00:31:00Z', want: '2026-01-01T00:50:00Z' },
    { name: '@hourly is 0 * * * *', schedule: '@hourly', after: '2026-01-01T00:00:00Z', want: '2026-01-01T01:00:00Z' },
    { name: '@monthly fires on the first of the month at midnight', schedule: '@monthly', after: '2026-01-01T00:00:00Z', want: '2026-02-01T00:00:00Z' },
    { name: 'with both day fields restricted, either may match (the 13th or a Friday)', schedule: '0 0 13 * FRI', after: '2026-01-01T00:00:00Z', want: '2026-01-02T00:00:00Z' },
    { name: 'with day-of-week *, day-of-month alone decides', schedule: '0 0 13 * *', after: '2026-01-01T00:00:00Z', want: '2026-01-13T00:00:00Z' },
    { name: 'month names work', schedule: '0 0 1 MAR *', after: '2026-01-01T00:00:00Z', want: '2026-03-01T00:00:00Z' },
    { name: 'timeZone: 09:00 in Asia/Seoul is 00:00 UTC', schedule: '0 9 * * *', after: '2026-01-01T00:30:00Z', want: '2026-01-02T00:00:00Z', tz: 'Asia/Seoul' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(iso(nextActivation(parseCronSchedule(c.schedule), at(c.after), c.tz))).toBe(c.want);
    });
  }

  const invalid = [
    { name: 'four fields are rejected', schedule: '* * * *', error: 'expected exactly 5 fields, found 4: * * * *' },
    { name: 'a minute above 59 is rejected', schedule: '60 * * * *', error: 'end of range (60) above maximum (59): 60' },
    { name: 'an unknown descriptor is rejected', schedule: '@fortnightly', error: 'unrecognized descriptor: @fortnightly' },
  ];
  for (const c of invalid) {
    it(c.name, () => {
      expect(() => parseCronSchedule(c.schedule)).toThrow(c.error);
    });
  }
});

function cronJob(spec: Partial<CronJobSpec> = {}): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '* * * * *',
      ...spec,
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }] } } } },
    },
  };
}

function start(): ControllerContext {
  const ctx = newControllerContext();
  registerAdmission(ctx.api);
  createCronJobController(ctx).boot();
  createGarbageCollector(ctx).boot();
  ctx.clock.flush();
  return ctx;
}

/** Creates the CronJob and moves 100 ms on: the controller wakes 100 ms after each schedule time. */
function createCronJob(ctx: ControllerContext, spec: Partial<CronJobSpec> = {}): Stored<CronJob> {
  const cj = ctx.api.create<CronJob>(cronJob(spec));
  ctx.clock.advance(100);
  return cj;
}

const jobs = (ctx: ControllerContext) => ctx.api.peekList<Job>('Job', { namespace: 'default' }).filter((j) => !j.metadata.deletionTimestamp);
const jobNames = (ctx: ControllerContext) => jobs(ctx).map((j) => j.metadata.name).sort();
const getCronJob = (ctx: ControllerContext) => ctx.api.peek<CronJob>('CronJob', 'default', 'hello')!;

/** What the Job controller reports when a Job ends. */
function finishJob(ctx: ControllerContext, job: Stored<Job>, type: 'Complete' | 'Failed'): void {
  const now = ctx.clock.nowRfc3339();
  ctx.api.updateStatus<Job>({
    ...job,
    status: {
      ...job.status,
      startTime: job.metadata.creationTimestamp,
      ...(type === 'Complete' ? { completionTime: now, succeeded: 1 } : { failed: 1 }),
      conditions: [{ type, status: 'True', lastProbeTime: now, lastTransitionTime: now }],
    },
  });
  ctx.clock.flush();
}

describe('CronJob controller', () => {
  it('creates a Job <cronjob>-<minutes since epoch> at each schedule time, with the scheduled-timestamp annotation, an event and status', () => {
    const ctx = start();
    const cj = createCronJob(ctx);
    expect(jobs(ctx)).toHaveLength(0);
    ctx.clock.advance(60_000);
    const minutes = (T0 + 60_000) / 60_000;
    expect(jobNames(ctx)).toEqual([`hello-${minutes}`]);
    const job = jobs(ctx)[0]!;
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T00:01:00Z');
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true });
    expect(job.spec?.template.spec?.containers[0]?.image).toBe('busybox:1.28');
    expect(eventMessages(ctx, 'SuccessfulCreate')).toEqual([`Created job hello-${minutes}`]);
    expect(getCronJob(ctx).status).toMatchObject({ lastScheduleTime: '2026-01-01T00:01:00Z', active: [{ kind: 'Job', name: `hello-${minutes}`, uid: job.metadata.uid }] });
    ctx.clock.advance(60_000);
    expect(jobs(ctx)).toHaveLength(2);
  });

  it('a finished Job leaves status.active with SawCompletedJob; a Complete one sets lastSuccessfulTime', () => {
    const ctx = start();
    createCronJob(ctx);
    ctx.clock.advance(60_000);
    ctx.clock.advance(5_000);
    finishJob(ctx, jobs(ctx)[0]!, 'Complete');
    const status = getCronJob(ctx).status!;
    expect(status.active).toBeUndefined();
    expect(status.lastSuccessfulTime).toBe('2026-01-01T00:01:05Z');
    expect(eventMessages(ctx, 'SawCompletedJob')).toEqual([`Saw completed job: ${jobs(ctx)[0]!.metadata.name}, condition: Complete`]);
  });

  const historyCases = [
    { name: 'successfulJobsHistoryLimit 3 keeps the three newest Complete Jobs', type: 'Complete' as const, spec: {}, keep: 3 },
    { name: 'failedJobsHistoryLimit 1 keeps the newest Failed Job', type: 'Failed' as const, spec: {}, keep: 1 },
    { name: 'successfulJobsHistoryLimit 0 keeps none', type: 'Complete' as const, spec: { successfulJobsHistoryLimit: 0 }, keep: 0 },
  ];
  for (const c of historyCases) {
    it(c.name, () => {
      const ctx = start();
      createCronJob(ctx, c.spec);
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        ctx.clock.advance(60_000);
        const job = jobs(ctx).find((j) => !created.includes(j.metadata.name))!;
        created.push(job.metadata.name);
        finishJob(ctx, job, c.type);
      }
      ctx.clock.flush();
      expect(jobNames(ctx)).toEqual(created.slice(created.length - c.keep).sort());
      expect(eventMessages(ctx, 'SuccessfulDelete')).toContain(`Deleted job ${created[0]}`);
    });
  }

  it('concurrencyPolicy Forbid: no new Job while one is running (JobAlreadyActive); the missed run starts when it finishes', () => {
    const ctx = start();
    createCronJob(ctx, { concurrencyPolicy: 'Forbid' });
    ctx.clock.advance(60_000);
    ctx.clock.advance(60_000);
    expect(jobs(ctx)).toHaveLength(1);
    expect(eventMessages(ctx, 'JobAlreadyActive')).toEqual(['Not starting job because prior execution is running and concurrency policy is Forbid']);
    finishJob(ctx, jobs(ctx)[0]!, 'Complete');
    expect(jobs(ctx)).toHaveLength(2);
  });

  it('concurrencyPolicy Replace: the running Job is deleted and a new one started', () => {
    const ctx = start();
    createCronJob(ctx, { concurrencyPolicy: 'Replace' });
    ctx.clock.advance(60_000);
    const first = jobs(ctx)[0]!.metadata.name;
    ctx.clock.advance(60_000);
    expect(jobNames(ctx)).toEqual([`hello-${(T0 + 120_000) / 60_000}`]);
    expect(eventMessages(ctx, 'SuccessfulDelete')).toEqual([`Deleted job ${first}`]);
    expect(getCronJob(ctx).status?.active).toHaveLength(1);
  });

  it('concurrencyPolicy Allow (default): Jobs overlap', () => {
    const ctx = start();
    createCronJob(ctx);
    ctx.clock.advance(3 * 60_000);
    expect(jobs(ctx)).toHaveLength(3);
    expect(getCronJob(ctx).status?.active).toHaveLength(3);
  });

  it('suspend: no Jobs are created', () => {
    const ctx = start();
    createCronJob(ctx, { suspend: true });
    ctx.clock.advance(5 * 60_000);
    expect(jobs(ctx)).toHaveLength(0);
  });

  it('only the most recent missed schedule time runs after an outage', () => {
    const ctx = newControllerContext();
    registerAdmission(ctx.api);
    const c = createCronJobController(ctx);
    c.boot();
    createCronJob(ctx);
    ctx.clock.flush();
    c.stop();
    ctx.clock.advance(10 * 60_000 + 30_000);
    c.start();
    ctx.clock.flush();
    expect(jobNames(ctx)).toEqual([`hello-${(T0 + 10 * 60_000) / 60_000}`]);
  });

  it('startingDeadlineSeconds: a schedule time missed by more than the deadline is skipped, the next one runs', () => {
    const ctx = newControllerContext();
    registerAdmission(ctx.api);
    const c = createCronJobController(ctx);
    c.boot();
    ctx.api.create(cronJob({ schedule: '*/5 * * * *', startingDeadlineSeconds: 200 }));
    ctx.clock.flush();
    c.stop();
    ctx.clock.advance(5 * 60_000 + 250_000);
    c.start();
    ctx.clock.flush();
    expect(jobs(ctx)).toHaveLength(0);
    ctx.clock.advance(60_000);
    expect(jobs(ctx)).toHaveLength(1);
  });

  it('an invalid schedule is reported with an InvalidSchedule warning', () => {
    const ctx = start();
    ctx.api.create<CronJob>(cronJob({ schedule: '61 * * * *' }));
    ctx.clock.flush();
    expect(eventMessages(ctx, 'InvalidSchedule')[0]).toMatch(/^invalid schedule: 61 \* \* \* \* : end of range \(61\) above maximum \(59\)/);
  });

  it("the docs' hello CronJob runs every minute on a real cluster and keeps three successful Jobs", () => {
    const c = createCluster({ preset: 'default' });
    c.apply(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
`);
    c.advance(5 * 60_000 + 30_000);
    const all = c.api.peekList<Job>('Job', { namespace: 'default' });
    expect(all).toHaveLength(3);
    expect(all.every((j) => j.status?.conditions?.some((x) => x.type === 'Complete' && x.status === 'True'))).toBe(true);
    expect(c.api.peek<CronJob>('CronJob', 'default', 'hello')?.status?.lastSuccessfulTime).toBeDefined();
  });
});
