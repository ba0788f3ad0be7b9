import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { eventMessages, finishTerminatingPods, markPodsRunningReady } from '../../testing/controllerHarness';
import { isPodReady } from '../controllerutils/podStatus';
import { STATUS_BATCH_MS } from '../replicaset';
import { computeHash, safeEncodeString } from './hash';
import {
  activePods,
  deploymentManifest,
  getDeployment,
  imageOf,
  replicaSets,
  setImage,
  startDeploymentCluster,
  updateDeployment,
} from '../../testing/deploymentHarness';
import { findNewReplicaSet, getProportion, maxSurge, maxUnavailable, resolveFenceposts, revisionOf } from './util';

describe('rolling update fenceposts (ResolveFenceposts)', () => {
  const cases: { name: string; replicas: number; surge: number | string; unavailable: number | string; want: { surge: number; unavailable: number } }[] = [
    { name: 'maxSurge 25% of 3 rounds up to 1', replicas: 3, surge: '25%', unavailable: '25%', want: { surge: 1, unavailable: 0 } },
    { name: 'maxUnavailable 25% of 3 rounds down to 0', replicas: 3, surge: '25%', unavailable: '25%', want: { surge: 1, unavailable: 0 } },
    { name: 'maxSurge 25% of 10 rounds up to 3, maxUnavailable 25% of 10 down to 2', replicas: 10, surge: '25%', unavailable: '25%', want: { surge: 3, unavailable: 2 } },
    { name: 'both zero makes maxUnavailable 1', replicas: 3, surge: 0, unavailable: 0, want: { surge: 0, unavailable: 1 } },
    { name: 'both rounding to zero makes maxUnavailable 1', replicas: 1, surge: '0%', unavailable: '25%', want: { surge: 0, unavailable: 1 } },
    { name: 'absolute numbers are taken as they are', replicas: 10, surge: 3, unavailable: 2, want: { surge: 3, unavailable: 2 } },
    { name: 'maxSurge 1% of 1 rounds up to 1', replicas: 1, surge: '1%', unavailable: '1%', want: { surge: 1, unavailable: 0 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(resolveFenceposts(c.surge, c.unavailable, c.replicas)).toEqual(c.want);
    });
  }
  it('maxUnavailable never exceeds the desired replicas, and Recreate has no fenceposts', () => {
    const d = deploymentManifest('web', { replicas: 2, maxSurge: 0, maxUnavailable: 5 });
    expect(maxUnavailable(d)).toBe(2);
    const r = deploymentManifest('web', { strategy: 'Recreate' });
    expect(maxSurge(r)).toBe(0);
    expect(maxUnavailable(r)).toBe(0);
  });
});

describe('pod-template-hash (ComputeHash)', () => {
  const template = deploymentManifest('web').spec!.template;
  it('the same template always gives the same hash', () => {
    expect(computeHash(structuredClone(template))).toBe(computeHash(template));
  });
  it('a different template gives a different hash', () => {
    const other = structuredClone(template);
    other.spec!.containers[0]!.image = 'nginx:1.27';
    expect(computeHash(other)).not.toBe(computeHash(template));
  });
  it('collisionCount changes the hash', () => {
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
  });
  it('is the decimal FNV-32a value mapped through the safe alphabet: only 4-9, b, c, d, f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(computeHash(template)).toMatch(/^[4-9bcdf]{1,10}$/);
  });
});

describe('proportional scaling (GetProportion)', () => {
  it('10 replicas mid-rollout (old 8, new 5) scaled to 15 gives old +3 and new +2', () => {
    const d = deploymentManifest('web', { replicas: 15, maxSurge: 3, maxUnavailable: 2 });
    const rs = (replicas: number) => ({ metadata: { annotations: { 'deployment.kubernetes.io/max-replicas': '13' } }, spec: { replicas, selector: {} } });
    const old = getProportion(rs(8), d, 5, 0);
    const fresh = getProportion(rs(5), d, 5, old);
    expect([old, fresh]).toEqual([3, 2]);
  });
});

describe('Deployment controller', () => {
  it('creates a ReplicaSet <deployment>-<hash> with the hash label, revision 1 and the replicas annotations', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 3 }));
    ctx.clock.flush();
    const [rs, ...rest] = replicaSets(ctx);
    expect(rest).toHaveLength(0);
    const hash = computeHash(deploymentManifest('web').spec!.template);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.spec!.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.spec!.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true });
    expect(getDeployment(ctx, 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(eventMessages(ctx, 'ScalingReplicaSet')).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    expect(activePods(ctx).map((p) => p.metadata.labels?.['pod-template-hash'])).toEqual([hash, hash, hash]);
  });

  it('reports status and conditions: Available once enough pods are available, Progressing NewReplicaSetAvailable when done', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 3 }));
    ctx.clock.flush();
    let d = getDeployment(ctx, 'web');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(d.status?.conditions?.find((c) => c.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    d = getDeployment(ctx, 'web');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(d.status?.conditions?.find((c) => c.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    const rsName = replicaSets(ctx)[0]!.metadata.name;
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${rsName}" has successfully progressed.`,
    });
  });

  it('a replicas change scales the only ReplicaSet with "Scaled up ... from 3 to 5"', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 3 }));
    ctx.clock.flush();
    updateDeployment(ctx, 'web', (d) => (d.spec!.replicas = 5));
    const rs = replicaSets(ctx)[0]!;
    expect(rs.spec?.replicas).toBe(5);
    expect(eventMessages(ctx, 'ScalingReplicaSet')).toContain(`Scaled up replica set ${rs.metadata.name} from 3 to 5`);
    updateDeployment(ctx, 'web', (d) => (d.spec!.replicas = 2));
    expect(eventMessages(ctx, 'ScalingReplicaSet')).toContain(`Scaled down replica set ${rs.metadata.name} from 5 to 2`);
  });

  it('a rolling update replaces every pod and leaves the old ReplicaSet at 0 as history', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 3 }));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    setImage(ctx, 'web', 'nginx:1.27');
    for (let i = 0; i < 20; i++) {
      markPodsRunningReady(ctx);
      finishTerminatingPods(ctx);
      ctx.clock.advance(1000);
    }
    const pods = activePods(ctx);
    expect(pods.map(imageOf)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    const sets = replicaSets(ctx);
    expect(sets.map((rs) => [revisionOf(rs), rs.spec?.replicas]).sort()).toEqual([
      [1, 0],
      [2, 3],
    ]);
    const d = getDeployment(ctx, 'web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(findNewReplicaSet(d, sets)?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('rolling update never exceeds replicas + maxSurge nor drops below replicas - maxUnavailable (10 replicas, step by step)', () => {
    fc.assert(
      fc.property(
        fc.record({
          replicas: fc.integer({ min: 1, max: 10 }),
          surge: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%')),
          unavailable: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%')),
          readyPerStep: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
          finishTerminating: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        }),
        ({ replicas, surge, unavailable, readyPerStep, finishTerminating }) => {
          const ctx = startDeploymentCluster();
          ctx.api.create(deploymentManifest('web', { replicas, maxSurge: surge, maxUnavailable: unavailable }));
          ctx.clock.flush();
          markPodsRunningReady(ctx);
          ctx.clock.advance(STATUS_BATCH_MS);
          const d = getDeployment(ctx, 'web') as Deployment;
          const { surge: s, unavailable: u } = resolveFenceposts(surge, unavailable, replicas);
          const maxTotal = replicas + s;
          const minAvailable = replicas - Math.min(u, replicas);
          void d;
          setImage(ctx, 'web', 'nginx:1.27');
          const check = () => {
            const pods = activePods(ctx);
            const specTotal = replicaSets(ctx).reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
            expect(specTotal).toBeLessThanOrEqual(maxTotal);
            expect(pods.length).toBeLessThanOrEqual(maxTotal);
            expect(pods.filter((p) => isPodReady(p)).length).toBeGreaterThanOrEqual(minAvailable);
          };
          for (let step = 0; step < 40; step++) {
            check();
            let budget = readyPerStep[step]!;
            markPodsRunningReady(ctx, () => budget-- > 0);
            if (finishTerminating[step]) finishTerminatingPods(ctx);
            ctx.clock.advance(1000);
          }
          // Let it finish: everything becomes ready.
          for (let i = 0; i < 30; i++) {
            check();
            markPodsRunningReady(ctx);
            finishTerminatingPods(ctx);
            ctx.clock.advance(1000);
          }
          const pods = activePods(ctx);
          expect(pods).toHaveLength(replicas);
          expect(pods.every((p) => imageOf(p) === 'nginx:1.27')).toBe(true);
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  });

  it('Recreate scales the old ReplicaSet to 0 and creates new pods only after the old ones are gone', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 3, strategy: 'Recreate' }));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    setImage(ctx, 'web', 'nginx:1.27');
    // Old pods are terminating (bound, graceful); no new ReplicaSet yet.
    expect(replicaSets(ctx)).toHaveLength(1);
    expect(replicaSets(ctx)[0]!.spec?.replicas).toBe(0);
    expect(activePods(ctx)).toHaveLength(0);
    ctx.clock.advance(5000);
    expect(replicaSets(ctx)).toHaveLength(1);
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    const sets = replicaSets(ctx);
    expect(sets).toHaveLength(2);
    const pods = activePods(ctx);
    expect(pods.map(imageOf)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    const scaling = eventMessages(ctx, 'ScalingReplicaSet');
    expect(scaling[1]).toMatch(/^Scaled down replica set web-\w+ from 3 to 0$/);
    expect(scaling[2]).toMatch(/^Scaled up replica set web-\w+ from 0 to 3$/);
  });

  it('scaling mid-rollout spreads the new replicas proportionally (old 8 → 11, new 5 → 7)', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 10, maxSurge: 3, maxUnavailable: 2 }));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    setImage(ctx, 'web', 'nginx:does-not-exist'); // new pods never become ready
    ctx.clock.advance(1000);
    const byRevision = () =>
      replicaSets(ctx)
        .sort((a, b) => revisionOf(a) - revisionOf(b))
        .map((rs) => rs.spec?.replicas);
    expect(byRevision()).toEqual([8, 5]);
    updateDeployment(ctx, 'web', (d) => (d.spec!.replicas = 15));
    expect(byRevision()).toEqual([11, 7]);
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets, deleting the oldest revisions', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 1, revisionHistoryLimit: 2 }));
    ctx.clock.flush();
    for (const tag of ['1.1', '1.2', '1.3', '1.4']) {
      markPodsRunningReady(ctx);
      ctx.clock.advance(1000);
      setImage(ctx, 'web', `nginx:${tag}`);
      for (let i = 0; i < 10; i++) {
        markPodsRunningReady(ctx);
        finishTerminatingPods(ctx);
        ctx.clock.advance(1000);
      }
    }
    expect(replicaSets(ctx).map(revisionOf).sort()).toEqual([3, 4, 5]);
  });

  it('going back to an earlier template reuses its ReplicaSet with the next revision (rollout undo)', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 2 }));
    ctx.clock.flush();
    const first = replicaSets(ctx)[0]!.metadata.name;
    const settle = () => {
      for (let i = 0; i < 10; i++) {
        markPodsRunningReady(ctx);
        finishTerminatingPods(ctx);
        ctx.clock.advance(1000);
      }
    };
    settle();
    setImage(ctx, 'web', 'nginx:1.27');
    settle();
    setImage(ctx, 'web', 'nginx:1.26');
    settle();
    const rs = ctx.api.peek('ReplicaSet', 'default', first)!;
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(replicaSets(ctx)).toHaveLength(2);
    expect(activePods(ctx).map(imageOf)).toEqual(['nginx:1.26', 'nginx:1.26']);
  });

  it('rollout restart (a restartedAt template annotation) makes a new ReplicaSet', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 1 }));
    ctx.clock.flush();
    updateDeployment(ctx, 'web', (d) => {
      d.spec!.template.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:10Z' };
    });
    expect(replicaSets(ctx)).toHaveLength(2);
  });

  it('a paused Deployment does not roll out; resuming does', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 2 }));
    ctx.clock.flush();
    updateDeployment(ctx, 'web', (d) => (d.spec!.paused = true));
    expect(getDeployment(ctx, 'web').status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(ctx, 'web', 'nginx:1.27');
    expect(replicaSets(ctx)).toHaveLength(1);
    updateDeployment(ctx, 'web', (d) => (d.spec!.paused = false));
    expect(replicaSets(ctx)).toHaveLength(2);
  });

  it('ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress, found by a timed requeue', () => {
    const ctx = startDeploymentCluster();
    ctx.api.create(deploymentManifest('web', { replicas: 2, progressDeadlineSeconds: 60 }));
    ctx.clock.flush();
    const progressing = () => getDeployment(ctx, 'web').status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    ctx.clock.advance(60_000);
    expect(progressing()?.reason).not.toBe('ProgressDeadlineExceeded');
    ctx.clock.advance(2_000);
    const rsName = replicaSets(ctx)[0]!.metadata.name;
    expect(progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` });
    // Progress afterwards does not clear the timeout until the rollout completes.
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    expect(progressing()).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});
