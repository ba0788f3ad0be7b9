import { describe, expect, it } from 'vitest';
import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { registerAdmission } from '../../apiserver/admission';
import { NAME_SUFFIX_ALPHABET } from '../../clock/random';
import type { Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
import { eventMessages, finishTerminatingPods, markPodRunningReady, markPodsRunningReady, newControllerContext, podsOf, setPodPhase } from '../../testing/controllerHarness';
import { createGarbageCollector } from '../garbagecollector';
import { createTtlAfterFinishedController } from '../ttlafterfinished';
import { createJobController } from './index';
import { formatIndexes, parseIndexes } from './completionIndexes';

function job(name: string, spec: Partial<JobSpec> = {}, restartPolicy: 'Never' | 'OnFailure' = 'Never'): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: {
      ...spec,
      template: { spec: { restartPolicy, containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } },
    },
  };
}

function start(opts: { ttl?: boolean } = {}): ControllerContext {
  const ctx = newControllerContext();
  registerAdmission(ctx.api);
  createJobController(ctx).boot();
  if (opts.ttl) {
    createTtlAfterFinishedController(ctx).boot();
    createGarbageCollector(ctx).boot();
  }
  ctx.clock.flush();
  return ctx;
}

function getJob(ctx: ControllerContext, name = 'pi'): Stored<Job> {
  return ctx.api.peek<Job>('Job', 'default', name)!;
}

function conditionTypes(ctx: ControllerContext, name = 'pi'): string[] {
  return (getJob(ctx, name).status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);
}

function running(ctx: ControllerContext): Stored<Pod>[] {
  return podsOf(ctx).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

function finishAll(ctx: ControllerContext, phase: 'Succeeded' | 'Failed'): void {
  for (const p of running(ctx)) setPodPhase(ctx, p, phase);
  ctx.clock.flush();
}

describe('Job controller', () => {
  it('creates pods named <job>-<5 chars> with the job-name and controller-uid labels, and SuccessfulCreate events', () => {
    const ctx = start();
    const created = ctx.api.create<Job>(job('pi', { parallelism: 2, completions: 4 }));
    ctx.clock.flush();
    const pods = podsOf(ctx);
    expect(pods).toHaveLength(2);
    const uid = created.metadata.uid;
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^pi-[${NAME_SUFFIX_ALPHABET}]{5}$`));
      expect(p.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'batch.kubernetes.io/controller-uid': uid, 'controller-uid': uid });
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', uid, controller: true });
    }
    expect(eventMessages(ctx, 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(getJob(ctx).status).toMatchObject({ active: 2, ready: 0, terminating: 0, startTime: ctx.clock.nowRfc3339(), uncountedTerminatedPods: {} });
  });

  it('ready counts the active pods whose Ready condition is True', () => {
    const ctx = start();
    ctx.api.create(job('pi', { parallelism: 3, completions: 3 }));
    ctx.clock.flush();
    markPodRunningReady(ctx, podsOf(ctx)[0]!);
    ctx.clock.flush();
    expect(getJob(ctx).status).toMatchObject({ active: 3, ready: 1 });
  });

  it('completions 3 with parallelism 2: a third pod starts when one succeeds; then SuccessCriteriaMet and Complete with completionTime and a Completed event', () => {
    const ctx = start();
    ctx.api.create(job('pi', { parallelism: 2, completions: 3 }));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(5_000);
    setPodPhase(ctx, running(ctx)[0]!, 'Succeeded');
    ctx.clock.flush();
    expect(running(ctx)).toHaveLength(2);
    expect(getJob(ctx).status).toMatchObject({ active: 2, succeeded: 1 });
    finishAll(ctx, 'Succeeded');
    const status = getJob(ctx).status!;
    expect(status).toMatchObject({ succeeded: 3, ready: 0, completionTime: ctx.clock.nowRfc3339() });
    expect(status.active).toBeUndefined();
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(eventMessages(ctx, 'Completed')).toEqual(['Job completed']);
    // A finished Job's pods stay, Completed, until the Job is deleted.
    expect(podsOf(ctx)).toHaveLength(3);
  });

  it('completions unset: the Job is done once one pod succeeded and the others have finished', () => {
    const ctx = start();
    ctx.api.create(job('pi', { parallelism: 2 }));
    ctx.clock.flush();
    const [a, b] = podsOf(ctx);
    setPodPhase(ctx, a!, 'Succeeded');
    ctx.clock.flush();
    expect(running(ctx)).toHaveLength(1);
    expect(conditionTypes(ctx)).toEqual([]);
    setPodPhase(ctx, ctx.api.peek<Pod>('Pod', 'default', b!.metadata.name)!, 'Succeeded');
    ctx.clock.flush();
    expect(conditionTypes(ctx)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });

  const backoffCases = [
    { name: 'the first failed pod is replaced 10 s after it failed', failures: 1, notBefore: 9_000, by: 10_000 },
    { name: 'the second consecutive failure waits 20 s (the delay doubles)', failures: 2, notBefore: 19_000, by: 20_000 },
    { name: 'the third consecutive failure waits 40 s', failures: 3, notBefore: 39_000, by: 40_000 },
  ];
  for (const c of backoffCases) {
    it(`pod failure backoff: ${c.name}`, () => {
      const ctx = start();
      ctx.api.create(job('pi', { backoffLimit: 10 }));
      ctx.clock.flush();
      for (let i = 1; i < c.failures; i++) {
        finishAll(ctx, 'Failed');
        ctx.clock.advance(10_000 * 2 ** (i - 1));
        expect(running(ctx)).toHaveLength(1);
      }
      finishAll(ctx, 'Failed');
      expect(running(ctx)).toHaveLength(0);
      ctx.clock.advance(c.notBefore);
      expect(running(ctx)).toHaveLength(0);
      ctx.clock.advance(c.by - c.notBefore);
      expect(running(ctx)).toHaveLength(1);
      expect(getJob(ctx).status?.failed).toBe(c.failures);
    });
  }

  it('the backoff is capped at 6 minutes', async () => {
    const { remainingBackoffMs } = await import('./podFailureBackoff');
    expect(remainingBackoffMs({ failuresAfterLastSuccess: 10, lastFailureTime: 0 }, 0)).toBe(360_000);
  });

  it('backoffLimit 1: the second failure fails the Job with BackoffLimitExceeded and a Warning event', () => {
    const ctx = start();
    ctx.api.create(job('pi', { backoffLimit: 1 }));
    ctx.clock.flush();
    finishAll(ctx, 'Failed');
    ctx.clock.advance(10_000);
    expect(conditionTypes(ctx)).toEqual([]);
    finishAll(ctx, 'Failed');
    expect(getJob(ctx).status?.failed).toBe(2);
    expect(conditionTypes(ctx)).toEqual(['FailureTarget', 'Failed']);
    const failed = getJob(ctx).status!.conditions!.find((c) => c.type === 'Failed')!;
    expect([failed.reason, failed.message]).toEqual(['BackoffLimitExceeded', 'Job has reached the specified backoff limit']);
    expect(eventMessages(ctx, 'BackoffLimitExceeded')).toEqual(['Job has reached the specified backoff limit']);
    ctx.clock.advance(600_000);
    expect(podsOf(ctx)).toHaveLength(2);
  });

  it('restartPolicy OnFailure: container restarts of running pods count against backoffLimit', () => {
    const ctx = start();
    ctx.api.create(job('pi', { backoffLimit: 2 }, 'OnFailure'));
    ctx.clock.flush();
    const pod = markPodRunningReady(ctx, podsOf(ctx)[0]!);
    ctx.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, containerStatuses: [{ name: 'pi', ready: false, restartCount: 2, image: 'perl:5.34.0', imageID: '' }] } });
    ctx.clock.flush();
    expect(conditionTypes(ctx)).toContain('FailureTarget');
    expect(ctx.api.peek<Pod>('Pod', 'default', pod.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(conditionTypes(ctx)).toEqual(['FailureTarget', 'Failed']);
  });

  it('activeDeadlineSeconds: once exceeded the active pods are deleted and the Job fails with DeadlineExceeded', () => {
    const ctx = start();
    ctx.api.create(job('pi', { activeDeadlineSeconds: 30 }));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(29_000);
    expect(conditionTypes(ctx)).toEqual([]);
    ctx.clock.advance(1_000);
    expect(conditionTypes(ctx)).toEqual(['FailureTarget']);
    expect(getJob(ctx).status).toMatchObject({ terminating: 1 });
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    const failed = getJob(ctx).status!.conditions!.find((c) => c.type === 'Failed')!;
    expect([failed.status, failed.reason, failed.message]).toEqual(['True', 'DeadlineExceeded', 'Job was active longer than specified deadline']);
    expect(getJob(ctx).status?.failed).toBe(1);
  });

  it('suspend deletes the active pods and sets Suspended; resuming creates them again', () => {
    const ctx = start();
    ctx.api.create(job('pi', { parallelism: 2, completions: 2 }));
    ctx.clock.flush();
    const j = getJob(ctx);
    ctx.api.update<Job>({ ...j, spec: { ...j.spec!, suspend: true } });
    ctx.clock.flush();
    expect(running(ctx)).toHaveLength(0);
    expect(getJob(ctx).status?.conditions?.find((c) => c.type === 'Suspended')).toMatchObject({ status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(eventMessages(ctx, 'Suspended')).toEqual(['Job suspended']);
    const s = getJob(ctx);
    ctx.clock.advance(60_000);
    ctx.api.update<Job>({ ...s, spec: { ...s.spec!, suspend: false } });
    ctx.clock.advance(60_000); // past the backoff the deleted pods count for
    expect(running(ctx)).toHaveLength(2);
    expect(getJob(ctx).status?.conditions?.find((c) => c.type === 'Suspended')).toMatchObject({ status: 'False', reason: 'JobResumed' });
  });

  it('a Job created suspended creates no pods and has no startTime', () => {
    const ctx = start();
    ctx.api.create(job('pi', { suspend: true }));
    ctx.clock.flush();
    expect(podsOf(ctx)).toHaveLength(0);
    expect(getJob(ctx).status?.startTime).toBeUndefined();
  });

  it('Indexed: each pod has its completion index annotation and label, hostname <job>-<index>, and completedIndexes lists the done indexes', () => {
    const ctx = start();
    ctx.api.create(job('pi', { parallelism: 2, completions: 3, completionMode: 'Indexed' }));
    ctx.clock.flush();
    const pods = podsOf(ctx).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    expect(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1']);
    expect(pods.map((p) => p.spec?.hostname)).toEqual(['pi-0', 'pi-1']);
    expect(pods[0]!.metadata.name).toMatch(new RegExp(`^pi-0-[${NAME_SUFFIX_ALPHABET}]{5}$`));
    expect(pods[0]!.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('0');
    expect(pods[0]!.spec?.containers[0]?.env?.find((e) => e.name === 'JOB_COMPLETION_INDEX')).toBeDefined();
    setPodPhase(ctx, pods[1]!, 'Succeeded');
    ctx.clock.flush();
    expect(getJob(ctx).status).toMatchObject({ succeeded: 1, completedIndexes: '1', active: 2 });
    expect(running(ctx).map((p) => p.spec?.hostname).sort()).toEqual(['pi-0', 'pi-2']);
    finishAll(ctx, 'Succeeded');
    expect(getJob(ctx).status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
    expect(conditionTypes(ctx)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });

  const indexFormats = [
    { name: 'consecutive indexes collapse into a range', indexes: [0, 1, 2, 4], want: '0-2,4' },
    { name: 'single indexes are listed alone', indexes: [1, 3, 5], want: '1,3,5' },
  ];
  for (const c of indexFormats) {
    it(`completedIndexes: ${c.name}`, () => {
      expect(formatIndexes(c.indexes)).toBe(c.want);
      expect([...parseIndexes(c.want, 10)].sort()).toEqual(c.indexes);
    });
  }

  it('a finished pod deleted by hand still counts once', () => {
    const ctx = start();
    ctx.api.create(job('pi', { completions: 2 }));
    ctx.clock.flush();
    finishAll(ctx, 'Succeeded');
    const done = podsOf(ctx).find((p) => p.status?.phase === 'Succeeded')!;
    ctx.api.delete('Pod', 'default', done.metadata.name);
    ctx.clock.flush();
    expect(getJob(ctx).status?.succeeded).toBe(1);
    finishAll(ctx, 'Succeeded');
    expect(getJob(ctx).status?.succeeded).toBe(2);
    expect(conditionTypes(ctx)).toContain('Complete');
  });

  it('ttlSecondsAfterFinished: the Job and its pods are deleted that long after it finished', () => {
    const ctx = start({ ttl: true });
    ctx.api.create(job('pi', { ttlSecondsAfterFinished: 100 }));
    ctx.clock.flush();
    finishAll(ctx, 'Succeeded');
    expect(conditionTypes(ctx)).toContain('Complete');
    ctx.clock.advance(99_000);
    expect(ctx.api.peek('Job', 'default', 'pi')).toBeDefined();
    ctx.clock.advance(1_000);
    ctx.clock.flush();
    expect(ctx.api.peek('Job', 'default', 'pi')).toBeUndefined();
    expect(podsOf(ctx)).toHaveLength(0);
  });

  it('without ttlSecondsAfterFinished a finished Job stays', () => {
    const ctx = start({ ttl: true });
    ctx.api.create(job('pi'));
    ctx.clock.flush();
    finishAll(ctx, 'Succeeded');
    ctx.clock.advance(3600_000);
    expect(ctx.api.peek('Job', 'default', 'pi')).toBeDefined();
  });
});
