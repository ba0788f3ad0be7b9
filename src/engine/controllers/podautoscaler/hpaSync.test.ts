import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ControllerContext } from '../controllerRuntime';
import type { ResourceMetricsSource } from '../../metrics/resourceMetrics';
import { eventMessages, newControllerContext } from '../../testing/controllerHarness';
import { HorizontalPodAutoscalerSyncer, HPA_SYNC_PERIOD_MS } from './index';

const MI = 1024 * 1024;

/** metrics-server's answer, set by hand: every pod of the target uses `memoryMi` MiB. */
function fixedMetrics(memoryMi: number): ResourceMetricsSource {
  return { podMetrics: () => ({ containers: [{ name: 'web', cpuMilli: 10, memoryBytes: memoryMi * MI }] }) };
}

function context(metrics?: ResourceMetricsSource): ControllerContext {
  const ctx = newControllerContext();
  return metrics ? { ...ctx, metrics } : ctx;
}

function deployment(ctx: ControllerContext, replicas: number): void {
  ctx.api.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  });
  for (let i = 0; i < replicas; i++) {
    const pod = ctx.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx', resources: { requests: { memory: '100Mi' } } }] },
    });
    ctx.api.updateStatus<Pod>({ ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } });
  }
}

function hpa(ctx: ControllerContext, targetKind = 'Deployment'): void {
  ctx.api.create<HorizontalPodAutoscaler>({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: targetKind, name: 'web' },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }],
    },
  });
}

const status = (ctx: ControllerContext) => ctx.api.peek<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'default', 'web')?.status;
const replicas = (ctx: ControllerContext) => ctx.api.peek<Deployment>('Deployment', 'default', 'web')?.spec?.replicas;

describe('HorizontalPodAutoscalerSyncer.sync alone', () => {
  it('a new HPA is first looked at one sync period after it is seen, and writes nothing before', () => {
    const ctx = context(fixedMetrics(200));
    deployment(ctx, 2);
    hpa(ctx);
    const syncer = new HorizontalPodAutoscalerSyncer(ctx);
    expect(syncer.sync('default/web')).toEqual({ requeueAfterMs: HPA_SYNC_PERIOD_MS });
    expect(status(ctx)).toBeUndefined();
    ctx.clock.advance(5_000);
    expect(syncer.sync('default/web')).toEqual({ requeueAfterMs: HPA_SYNC_PERIOD_MS - 5_000 });
    expect(replicas(ctx)).toBe(2);
  });

  it('usage at twice the target doubles the replicas: ceil(2 × 200Mi / 100Mi) = 4, with SuccessfulRescale', () => {
    const ctx = context(fixedMetrics(200));
    deployment(ctx, 2);
    hpa(ctx);
    const syncer = new HorizontalPodAutoscalerSyncer(ctx);
    syncer.sync('default/web');
    ctx.clock.advance(HPA_SYNC_PERIOD_MS);
    expect(syncer.sync('default/web')).toEqual({ requeueAfterMs: HPA_SYNC_PERIOD_MS });
    expect(replicas(ctx)).toBe(4);
    expect(status(ctx)).toMatchObject({ currentReplicas: 2, desiredReplicas: 4 });
    expect(eventMessages(ctx, 'SuccessfulRescale')).toEqual(['New size: 4; reason: memory resource above target']);
  });

  it('without a metrics API the HPA reports FailedGetResourceMetric and scales nothing', () => {
    const ctx = context();
    deployment(ctx, 2);
    hpa(ctx);
    const syncer = new HorizontalPodAutoscalerSyncer(ctx);
    syncer.sync('default/web');
    ctx.clock.advance(HPA_SYNC_PERIOD_MS);
    syncer.sync('default/web');
    expect(replicas(ctx)).toBe(2);
    expect(status(ctx)?.conditions?.find((c) => c.type === 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' });
  });

  it('a target kind without a scale subresource in that group is FailedGetScale (AbleToScale False)', () => {
    const ctx = context(fixedMetrics(200));
    deployment(ctx, 2);
    hpa(ctx, 'DaemonSet');
    const syncer = new HorizontalPodAutoscalerSyncer(ctx);
    syncer.sync('default/web');
    ctx.clock.advance(HPA_SYNC_PERIOD_MS);
    syncer.sync('default/web');
    expect(eventMessages(ctx, 'FailedGetScale')).toEqual(['no matches for kind "DaemonSet" in group "apps"']);
    expect(status(ctx)?.conditions?.find((c) => c.type === 'AbleToScale')).toMatchObject({ status: 'False', reason: 'FailedGetScale' });
  });

  it('a deleted HPA is forgotten: no requeue', () => {
    const ctx = context(fixedMetrics(200));
    const syncer = new HorizontalPodAutoscalerSyncer(ctx);
    expect(syncer.sync('default/gone')).toBeUndefined();
  });
});
