/**
 * kube-controller-manager: one process running the cluster's controllers. Stopping it stops every
 * controller at once (nothing heals: a deleted pod is not replaced, a dead node is not noticed);
 * starting it again makes each controller list everything and reconcile, as a restarted
 * kube-controller-manager does.
 *
 * The apiserver's own endpoint reconciler (the `kubernetes` Service's endpoints) runs here for
 * convenience but belongs to kube-apiserver, so it is not stopped with the controller-manager.
 */
import type { Controller, ControllerContext } from './controllerRuntime';
import { createReplicaSetController } from './replicaset';
import { createDeploymentController } from './deployment';
import { createEndpointSliceController } from './endpointslice';
import { createApiServerEndpointReconciler, createEndpointsController } from './endpoints';
import { createNodeLifecycleController, createTaintEvictionController, PodsByNodeIndex } from './nodelifecycle';
import { createGarbageCollector } from './garbagecollector';
import { createNamespaceController } from './namespace';
import { createServiceAccountController } from './serviceaccount';
import { createNodeIpamController } from './nodeipam';
import { createPodGcController } from './podgc';
import { createJobController } from './job';
import { createTtlAfterFinishedController } from './ttlafterfinished';
import { createDaemonSetController } from './daemonset';
import { createStatefulSetController } from './statefulset';
import { createPersistentVolumeController } from './volume';
import { createCronJobController } from './cronjob';
import { createHorizontalPodAutoscalerController } from './podautoscaler';
import { createDisruptionController } from './disruption';
import { createResourceQuotaController } from './resourcequota';
import { createPodIndexes } from './controllerutils/podIndexes';

export const CONTROLLER_MANAGER_COMPONENT = 'kube-controller-manager';

export interface ControllerManager {
  controllers: Controller[];
  boot(): void;
  start(): void;
  stop(): void;
  readonly running: boolean;
  get(name: string): Controller | undefined;
}

export function createControllerManager(ctx: ControllerContext): ControllerManager {
  const podsByNode = new PodsByNodeIndex(ctx.api);
  const podIndexes = createPodIndexes(ctx.api);
  const controllers: Controller[] = [
    createReplicaSetController(ctx),
    createDeploymentController(ctx),
    createEndpointSliceController(ctx),
    createEndpointsController(ctx),
    createNodeLifecycleController(ctx, podsByNode),
    createTaintEvictionController(ctx, podsByNode),
    createGarbageCollector(ctx),
    createNamespaceController(ctx),
    createServiceAccountController(ctx),
    createNodeIpamController(ctx),
    createPodGcController(ctx, podsByNode),
    createJobController(ctx, podIndexes),
    createTtlAfterFinishedController(ctx),
    createDaemonSetController(ctx, podIndexes),
    createStatefulSetController(ctx, podIndexes),
    createPersistentVolumeController(ctx),
    createCronJobController(ctx),
    createHorizontalPodAutoscalerController(ctx),
    createDisruptionController(ctx),
    createResourceQuotaController(ctx),
  ];
  const apiserverEndpoints = createApiServerEndpointReconciler(ctx);
  const byName = new Map(controllers.map((c) => [c.name, c]));
  let running = false;

  const announce = (state: 'running' | 'stopped') => {
    if (ctx.cues.hasListeners) ctx.cues.emit({ type: 'component', component: CONTROLLER_MANAGER_COMPONENT, state });
  };

  return {
    controllers,
    boot() {
      apiserverEndpoints.boot();
      for (const c of controllers) c.boot();
      running = true;
    },
    start() {
      if (running) return;
      for (const c of controllers) c.start();
      running = true;
      announce('running');
    },
    stop() {
      if (!running) return;
      for (const c of controllers) c.stop();
      running = false;
      announce('stopped');
    },
    get running() {
      return running;
    },
    get(name: string) {
      return byName.get(name) ?? (name === apiserverEndpoints.name ? apiserverEndpoints : undefined);
    },
  };
}
