/**
 * The pod garbage collector (pkg/controller/podgc, `pod-garbage-collector`), every 20 s
 * (gcCheckPeriod):
 * - orphaned pods: bound to a node that no longer exists (checked again after a 40 s quarantine, in
 *   case the node was only re-registering) are marked Failed and force-deleted (grace period 0);
 * - terminating pods on a node that is not Ready and carries the `node.kubernetes.io/out-of-service`
 *   taint (non-graceful node shutdown, GA in 1.28) are force-deleted;
 * - terminating pods that never got a node are force-deleted;
 * - finished pods (Succeeded/Failed) beyond --terminated-pod-gc-threshold (12,500) are deleted, oldest
 *   first.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import type { Stored } from '../../objects';
import type { PodsByNodeIndex } from '../nodelifecycle/podsByNodeIndex';

export const POD_GC_CONTROLLER_NAME = 'pod-garbage-collector';
export const GC_CHECK_PERIOD_MS = 20_000;
export const QUARANTINE_MS = 40_000;
export const TERMINATED_POD_GC_THRESHOLD = 12_500;
const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service';
const GC_KEY = 'gc';

export interface PodGcOptions {
  terminatedPodThreshold?: number;
}

export function createPodGcController(ctx: ControllerContext, podsByNode: PodsByNodeIndex, opts: PodGcOptions = {}): Controller {
  const { api, clock } = ctx;
  const threshold = opts.terminatedPodThreshold ?? TERMINATED_POD_GC_THRESHOLD;
  /** node name → when it was first found missing. */
  const missingSince = new Map<string, number>();

  function markFailedAndForceDelete(pod: Stored<Pod>, reason: string, message: string): void {
    const phase = pod.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conditions.push({ type: 'DisruptionTarget', status: 'True', reason, message, lastTransitionTime: clock.nowRfc3339() });
      api.updateStatus<Pod>({ ...pod, status: { ...pod.status, phase: 'Failed', conditions } });
    }
    api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
  }

  function gcOrphaned(): void {
    const now = clock.now();
    for (const nodeName of [...podsByNode.nodeNames()]) {
      if (api.get('Node', undefined, nodeName)) {
        missingSince.delete(nodeName);
        continue;
      }
      const since = missingSince.get(nodeName);
      if (since === undefined) {
        missingSince.set(nodeName, now);
        continue;
      }
      if (now - since < QUARANTINE_MS) continue;
      for (const pod of podsByNode.podsOn(nodeName)) markFailedAndForceDelete(pod, 'DeletionByPodGC', 'PodGC: node no longer exists');
      missingSince.delete(nodeName);
    }
    for (const name of [...missingSince.keys()]) if (!podsByNode.podsOn(name).length) missingSince.delete(name);
  }

  function gcOutOfService(): void {
    for (const node of api.list<Node>('Node')) {
      if (!(node.spec?.taints ?? []).some((t) => t.key === OUT_OF_SERVICE_TAINT && t.effect === 'NoExecute')) continue;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      if (ready?.status === 'True') continue;
      for (const pod of podsByNode.podsOn(node.metadata.name)) {
        if (pod.metadata.deletionTimestamp) markFailedAndForceDelete(pod, 'DeletionByPodGC', 'PodGC: node no longer exists');
      }
    }
  }

  function gcTerminatedAndUnscheduled(): void {
    const terminated: Stored<Pod>[] = [];
    for (const pod of api.list<Pod>('Pod')) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') terminated.push(pod);
      else if (pod.metadata.deletionTimestamp && !pod.spec?.nodeName) api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    }
    const excess = terminated.length - threshold;
    if (excess <= 0) return;
    terminated.sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp));
    for (const pod of terminated.slice(0, excess)) api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
  }

  return new Controller(
    {
      name: POD_GC_CONTROLLER_NAME,
      watches: [],
      listKeys: () => [GC_KEY],
      sync: () => {
        gcTerminatedAndUnscheduled();
        gcOrphaned();
        gcOutOfService();
      },
      resyncPeriodMs: GC_CHECK_PERIOD_MS,
    },
    ctx,
  );
}
