/** Test-only helpers for Deployment tests: a cluster with the ReplicaSet and Deployment controllers running. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../objects';
import type { ControllerContext } from '../controllers/controllerRuntime';
import { newControllerContext } from './controllerHarness';
import { createReplicaSetController } from '../controllers/replicaset';
import { createDeploymentController } from '../controllers/deployment/index';

export interface DeploymentOpts {
  replicas?: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
}

export function deploymentManifest(name: string, o: DeploymentOpts = {}): Deployment {
  const strategy = o.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      strategy:
        strategy === 'Recreate'
          ? { type: 'Recreate' }
          : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } },
      minReadySeconds: o.minReadySeconds ?? 0,
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
      ...(o.paused ? { paused: true } : {}),
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: o.image ?? 'nginx:1.26' }] } },
    },
  };
}

export function startDeploymentCluster(seed = 1): ControllerContext {
  const ctx = newControllerContext(seed);
  createReplicaSetController(ctx).boot();
  createDeploymentController(ctx).boot();
  return ctx;
}

export function getDeployment(ctx: ControllerContext, name: string): Stored<Deployment> {
  return ctx.api.peek<Deployment>('Deployment', 'default', name)!;
}

export function replicaSets(ctx: ControllerContext): Stored<ReplicaSet>[] {
  return ctx.api.peekList<ReplicaSet>('ReplicaSet', { namespace: 'default' });
}

export function updateDeployment(ctx: ControllerContext, name: string, edit: (d: Deployment) => void): void {
  const d = structuredClone(getDeployment(ctx, name));
  edit(d as Deployment);
  ctx.api.update(d);
  ctx.clock.flush();
}

export function setImage(ctx: ControllerContext, name: string, image: string): void {
  updateDeployment(ctx, name, (d) => {
    d.spec!.template.spec!.containers[0]!.image = image;
  });
}

export function activePods(ctx: ControllerContext): Stored<Pod>[] {
  return ctx.api.peekList<Pod>('Pod', { namespace: 'default' }).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
}

export function imageOf(pod: { spec?: Pod['spec'] }): string | undefined {
  return pod.spec?.containers[0]?.image;
}
