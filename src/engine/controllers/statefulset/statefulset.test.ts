import { describe, expect, it } from 'vitest';
import type { StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { registerAdmission } from '../../apiserver/admission';
import type { Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
import { eventMessages, finishTerminatingPods, markPodsRunningReady, newControllerContext, podsOf, setPodPhase } from '../../testing/controllerHarness';
import { createStatefulSetController } from './index';

function statefulSet(replicas: number, spec: Partial<StatefulSetSpec> = {}, image = 'registry.k8s.io/nginx-slim:0.24'): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas,
      ...spec,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image, volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

function start(): ControllerContext {
  const ctx = newControllerContext();
  registerAdmission(ctx.api);
  createStatefulSetController(ctx).boot();
  ctx.clock.flush();
  return ctx;
}

const names = (ctx: ControllerContext) => podsOf(ctx).map((p) => p.metadata.name).sort();
const live = (ctx: ControllerContext) => podsOf(ctx).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
const getSet = (ctx: ControllerContext) => ctx.api.peek<StatefulSet>('StatefulSet', 'default', 'web')!;
const pod = (ctx: ControllerContext, name: string) => ctx.api.peek<Pod>('Pod', 'default', name)!;

function readyAll(ctx: ControllerContext): void {
  // One pod becomes ready per round, as OrderedReady waits for each before creating the next.
  for (let i = 0; i < 10 && markPodsRunningReady(ctx) > 0; i++) ctx.clock.flush();
}

function scale(ctx: ControllerContext, replicas: number): void {
  const s = getSet(ctx);
  ctx.api.update<StatefulSet>({ ...s, spec: { ...s.spec!, replicas } });
  ctx.clock.flush();
}

function setImage(ctx: ControllerContext, image: string): void {
  const s = getSet(ctx);
  const t = s.spec!.template;
  ctx.api.update<StatefulSet>({ ...s, spec: { ...s.spec!, template: { ...t, spec: { ...t.spec!, containers: [{ ...t.spec!.containers[0]!, image }] } } } });
  ctx.clock.flush();
}

const imageOf = (p: Stored<Pod>) => p.spec?.containers[0]?.image;

describe('StatefulSet controller', () => {
  it('OrderedReady: web-0 first; web-1 only once web-0 is Running and Ready', () => {
    const ctx = start();
    ctx.api.create(statefulSet(3));
    ctx.clock.flush();
    expect(names(ctx)).toEqual(['web-0']);
    const p0 = pod(ctx, 'web-0');
    expect(p0.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(p0.metadata.labels?.['controller-revision-hash']).toMatch(/^web-[a-z0-9]+$/);
    expect([p0.spec?.hostname, p0.spec?.subdomain]).toEqual(['web-0', 'nginx']);
    markPodsRunningReady(ctx);
    ctx.clock.flush();
    expect(names(ctx)).toEqual(['web-0', 'web-1']);
    readyAll(ctx);
    expect(names(ctx)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(eventMessages(ctx, 'SuccessfulCreate')).toContain('create Pod web-0 in StatefulSet web successful');
  });

  it('each pod gets a claim <template>-<set>-<ordinal> created before it, mounted through the template-named volume', () => {
    const ctx = start();
    ctx.api.create(statefulSet(1));
    ctx.clock.flush();
    const pvc = ctx.api.peek<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'www-web-0')!;
    expect(pvc.spec).toMatchObject({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
    expect(pvc.metadata.labels).toEqual({ app: 'nginx' });
    expect(pvc.metadata.ownerReferences).toBeUndefined();
    expect(pod(ctx, 'web-0').spec?.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(eventMessages(ctx, 'SuccessfulCreate')).toEqual(['create Claim www-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful']);
  });

  it('Parallel creates every pod at once', () => {
    const ctx = start();
    ctx.api.create(statefulSet(3, { podManagementPolicy: 'Parallel' }));
    ctx.clock.flush();
    expect(names(ctx)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('OrderedReady scale down removes the highest ordinal first, one at a time, waiting for each to terminate; claims are kept (Retain)', () => {
    const ctx = start();
    ctx.api.create(statefulSet(3));
    ctx.clock.flush();
    readyAll(ctx);
    scale(ctx, 1);
    expect(live(ctx)).toEqual(['web-0', 'web-1']);
    expect(pod(ctx, 'web-2').metadata.deletionTimestamp).toBeDefined();
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(live(ctx)).toEqual(['web-0']);
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(names(ctx)).toEqual(['web-0']);
    expect(eventMessages(ctx, 'SuccessfulDelete')).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
    expect(ctx.api.peekList('PersistentVolumeClaim').map((c) => c.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
  });

  it('Parallel scale down removes all surplus pods at once', () => {
    const ctx = start();
    ctx.api.create(statefulSet(3, { podManagementPolicy: 'Parallel' }));
    ctx.clock.flush();
    markPodsRunningReady(ctx);
    ctx.clock.flush();
    scale(ctx, 1);
    expect(live(ctx)).toEqual(['web-0']);
  });

  it('a failed pod is deleted and recreated with the same name', () => {
    const ctx = start();
    ctx.api.create(statefulSet(1));
    ctx.clock.flush();
    const old = pod(ctx, 'web-0');
    setPodPhase(ctx, old, 'Failed');
    ctx.clock.flush();
    expect(names(ctx)).toEqual(['web-0']);
    expect(pod(ctx, 'web-0').metadata.uid).not.toBe(old.metadata.uid);
  });

  it('a deleted pod comes back with the same name once it is gone', () => {
    const ctx = start();
    ctx.api.create(statefulSet(2));
    ctx.clock.flush();
    readyAll(ctx);
    ctx.api.delete('Pod', 'default', 'web-0');
    ctx.clock.flush();
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(names(ctx)).toEqual(['web-0', 'web-1']);
    expect(pod(ctx, 'web-0').status?.phase).toBe('Pending');
  });

  it('RollingUpdate replaces pods from the highest ordinal down, one at a time; then currentRevision becomes the updateRevision', () => {
    const ctx = start();
    ctx.api.create(statefulSet(3));
    ctx.clock.flush();
    readyAll(ctx);
    const before = getSet(ctx).status!;
    expect(before.currentRevision).toBe(before.updateRevision);
    setImage(ctx, 'registry.k8s.io/nginx-slim:0.21');
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const terminating = podsOf(ctx).filter((p) => p.metadata.deletionTimestamp);
      expect(terminating).toHaveLength(1);
      order.push(terminating[0]!.metadata.name);
      finishTerminatingPods(ctx);
      ctx.clock.flush();
      readyAll(ctx);
    }
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    expect(podsOf(ctx).map(imageOf)).toEqual(['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.21']);
    const after = getSet(ctx).status!;
    expect(after.updateRevision).not.toBe(before.updateRevision);
    expect(after).toMatchObject({ currentRevision: after.updateRevision, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });

  it('RollingUpdate partition 2: only ordinals 2 and above are updated; a recreated lower ordinal keeps the current revision', () => {
    const ctx = start();
    ctx.api.create(statefulSet(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }));
    ctx.clock.flush();
    readyAll(ctx);
    setImage(ctx, 'registry.k8s.io/nginx-slim:0.21');
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    readyAll(ctx);
    expect(podsOf(ctx).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)).map(imageOf)).toEqual([
      'registry.k8s.io/nginx-slim:0.24',
      'registry.k8s.io/nginx-slim:0.24',
      'registry.k8s.io/nginx-slim:0.21',
    ]);
    ctx.api.delete('Pod', 'default', 'web-0');
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(imageOf(pod(ctx, 'web-0'))).toBe('registry.k8s.io/nginx-slim:0.24');
    const status = getSet(ctx).status!;
    expect(status.currentRevision).not.toBe(status.updateRevision);
    expect(status).toMatchObject({ replicas: 3, currentReplicas: 2, updatedReplicas: 1 });
  });

  it('OnDelete: a template change replaces nothing by itself', () => {
    const ctx = start();
    ctx.api.create(statefulSet(2, { updateStrategy: { type: 'OnDelete' } }));
    ctx.clock.flush();
    readyAll(ctx);
    setImage(ctx, 'registry.k8s.io/nginx-slim:0.21');
    expect(podsOf(ctx).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0);
    ctx.api.delete('Pod', 'default', 'web-1');
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(imageOf(pod(ctx, 'web-1'))).toBe('registry.k8s.io/nginx-slim:0.21');
  });

  it('status counts replicas, readyReplicas and availableReplicas with observedGeneration', () => {
    const ctx = start();
    ctx.api.create(statefulSet(2));
    ctx.clock.flush();
    expect(getSet(ctx).status).toMatchObject({ replicas: 1, availableReplicas: 0, observedGeneration: 1 });
    readyAll(ctx);
    expect(getSet(ctx).status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, currentReplicas: 2, updatedReplicas: 2 });
  });
});
