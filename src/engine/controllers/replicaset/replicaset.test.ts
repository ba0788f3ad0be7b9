import { describe, expect, it } from 'vitest';
import { rateLimitedDurationMs } from '../controllerutils/burstPacer';
import { ApiError } from '../../apiserver/errors';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { NAME_SUFFIX_ALPHABET } from '../../clock/random';
import type { Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
import {
  eventMessages,
  finishTerminatingPods,
  markPodRunningReady,
  markPodsRunningReady,
  newControllerContext,
  podsOf,
  setPodPhase,
} from '../../testing/controllerHarness';
import { createReplicaSetController, STATUS_BATCH_MS } from './index';

function replicaSet(name: string, replicas: number, extra: { minReadySeconds?: number } = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      ...extra,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
}

function start(seed = 1): ControllerContext {
  const ctx = newControllerContext(seed);
  createReplicaSetController(ctx).boot();
  return ctx;
}

function rsStatus(ctx: ControllerContext, name: string) {
  return ctx.api.peek<ReplicaSet>('ReplicaSet', 'default', name)!.status;
}

function activePods(ctx: ControllerContext): Stored<Pod>[] {
  return podsOf(ctx).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
}

describe('ReplicaSet controller', () => {
  it('creates the missing pods named <rs>-<5 chars> with a controller owner reference', () => {
    const ctx = start();
    const rs = ctx.api.create<ReplicaSet>(replicaSet('web', 3));
    ctx.clock.flush();
    const pods = podsOf(ctx);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-[${NAME_SUFFIX_ALPHABET}]{5}$`));
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(eventMessages(ctx, 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(rsStatus(ctx, 'web')).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 0, availableReplicas: 0, observedGeneration: 1 });
  });

  it('counts ready and available replicas once the kubelet reports Ready', () => {
    const ctx = start();
    ctx.api.create(replicaSet('web', 2));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    expect(rsStatus(ctx, 'web')).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it('availableReplicas waits for minReadySeconds of readiness, then the controller looks again by itself', () => {
    const ctx = start();
    ctx.api.create(replicaSet('web', 2, { minReadySeconds: 10 }));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    expect(rsStatus(ctx, 'web')).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    ctx.clock.advance(9_000);
    expect(rsStatus(ctx, 'web')?.availableReplicas).toBe(0);
    ctx.clock.advance(1_100);
    expect(rsStatus(ctx, 'web')?.availableReplicas).toBe(2);
  });

  it('scaling down deletes the surplus, not-ready pods first, with SuccessfulDelete events', () => {
    const ctx = start();
    ctx.api.create(replicaSet('web', 4));
    ctx.clock.flush();
    const [a, b] = podsOf(ctx);
    markPodRunningReady(ctx, a!);
    markPodRunningReady(ctx, b!);
    ctx.clock.advance(STATUS_BATCH_MS);
    const rs = ctx.api.peek<ReplicaSet>('ReplicaSet', 'default', 'web')!;
    ctx.api.update({ ...rs, spec: { ...rs.spec!, replicas: 2 } });
    ctx.clock.flush();
    const left = activePods(ctx).map((p) => p.metadata.name).sort();
    expect(left).toEqual([a!.metadata.name, b!.metadata.name].sort());
    expect(eventMessages(ctx, 'SuccessfulDelete')).toHaveLength(2);
    expect(rsStatus(ctx, 'web')).toMatchObject({ replicas: 2, readyReplicas: 2 });
  });

  it('terminating pods do not count as active replicas, so replacements are created at once', () => {
    const ctx = start();
    ctx.api.create(replicaSet('web', 2));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.advance(STATUS_BATCH_MS);
    const victim = podsOf(ctx)[0]!;
    ctx.api.delete('Pod', 'default', victim.metadata.name); // bound pod: graceful, gets deletionTimestamp
    ctx.clock.flush();
    expect(ctx.api.peek<Pod>('Pod', 'default', victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    expect(activePods(ctx)).toHaveLength(2);
    expect(podsOf(ctx)).toHaveLength(3);
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(podsOf(ctx)).toHaveLength(2);
  });

  it('Failed and Succeeded pods are replaced', () => {
    const ctx = start();
    ctx.api.create(replicaSet('web', 2));
    ctx.clock.flush();
    const [a, b] = podsOf(ctx);
    setPodPhase(ctx, a!, 'Failed');
    setPodPhase(ctx, b!, 'Succeeded');
    ctx.clock.flush();
    expect(activePods(ctx)).toHaveLength(2);
    expect(podsOf(ctx)).toHaveLength(4);
  });

  it('adopts a matching orphan pod instead of creating one, and releases a pod whose labels stop matching', () => {
    const ctx = start();
    ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const rs = ctx.api.create<ReplicaSet>(replicaSet('web', 2));
    ctx.clock.flush();
    expect(podsOf(ctx)).toHaveLength(2);
    const stray = ctx.api.peek<Pod>('Pod', 'default', 'stray')!;
    expect(stray.metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
    ctx.api.update({ ...stray, metadata: { ...stray.metadata, labels: { app: 'debug' } } });
    ctx.clock.flush();
    expect(ctx.api.peek<Pod>('Pod', 'default', 'stray')!.metadata.ownerReferences).toBeUndefined();
    expect(podsOf(ctx)).toHaveLength(3);
  });

  it('a create error sets the ReplicaFailure condition and a FailedCreate event; success clears it', () => {
    const ctx = start();
    let refuse = true;
    ctx.api.registerAdmission({
      name: 'ResourceQuota',
      kinds: ['Pod'],
      validate: (_obj, a) => {
        if (refuse && a.operation === 'CREATE') throw new ApiError('Forbidden', 'pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0');
      },
    });
    ctx.api.create(replicaSet('web', 3));
    ctx.clock.flush();
    expect(podsOf(ctx)).toHaveLength(0);
    const cond = rsStatus(ctx, 'web')?.conditions?.find((c) => c.type === 'ReplicaFailure');
    expect(cond).toMatchObject({ status: 'True', reason: 'FailedCreate' });
    expect(eventMessages(ctx, 'FailedCreate')[0]).toMatch(/^Error creating: pods "web-x" is forbidden: exceeded quota/);
    refuse = false;
    ctx.clock.advance(1_000); // rate-limited retry
    expect(podsOf(ctx)).toHaveLength(3);
    expect(rsStatus(ctx, 'web')?.conditions).toBeUndefined();
  });

  it('creates at most 500 pods per sync (burstReplicas), and reaches a large count over several syncs', () => {
    const ctx = start();
    const created: number[] = [];
    let current = 0;
    ctx.api.watch('Pod', (e) => {
      if (e.type === 'ADDED') current++;
    });
    ctx.api.watch('ReplicaSet', () => {
      created.push(current);
    });
    ctx.api.create(replicaSet('big', 1200));
    ctx.clock.flush();
    // The first burst at once; the next when a client at 20 QPS (burst 30) would have sent it: 23.5 s.
    expect(podsOf(ctx)).toHaveLength(500);
    ctx.clock.advance(rateLimitedDurationMs(500) - 1);
    expect(podsOf(ctx)).toHaveLength(500);
    ctx.clock.advance(1);
    expect(podsOf(ctx)).toHaveLength(1000);
    ctx.clock.advance(rateLimitedDurationMs(500));
    expect(podsOf(ctx)).toHaveLength(1200);
    // Status writes happen once per sync: the counts at each write show the 500-pod bursts.
    expect(created.filter((n) => n > 0).slice(0, 3)).toEqual([500, 1000, 1200]);
  });

  it('a scale-up under the burst is not paced: its pods appear at once', () => {
    const ctx = start();
    ctx.api.create(replicaSet('web', 499));
    ctx.clock.flush();
    expect(podsOf(ctx)).toHaveLength(499);
  });

  it('a stopped controller creates nothing; started again, it reconciles', () => {
    const ctx = newControllerContext();
    const c = createReplicaSetController(ctx);
    c.boot();
    c.stop();
    ctx.api.create(replicaSet('web', 2));
    ctx.clock.flush();
    expect(podsOf(ctx)).toHaveLength(0);
    c.start();
    ctx.clock.flush();
    expect(podsOf(ctx)).toHaveLength(2);
  });
});
