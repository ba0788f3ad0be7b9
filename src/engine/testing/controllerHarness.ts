/**
 * Test-only helpers for the workload controllers: a real API server, clock and event recorder, and the
 * effects of the scheduler and kubelet written by hand (bind, Running + Ready, finish terminating pods),
 * so controller tests do not depend on those components.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiServer } from '../apiserver/apiserver';
import { EventRecorder } from '../apiserver/events';
import { SeededRandom } from '../clock/random';
import { VirtualClock } from '../clock/virtualClock';
import { CueBus } from '../cues';
import type { Stored } from '../objects';
import type { ControllerContext } from '../controllers/controllerRuntime';

export function newControllerContext(seed = 1): ControllerContext {
  const clock = new VirtualClock();
  const random = new SeededRandom(seed);
  const api = new ApiServer(clock, random);
  for (const name of ['default', 'kube-system']) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return { api, clock, random, events: new EventRecorder(api, clock), cues: new CueBus() };
}

export function podsOf(ctx: ControllerContext, namespace = 'default'): Stored<Pod>[] {
  return ctx.api.peekList<Pod>('Pod', { namespace });
}

/** What the scheduler and kubelet do for a healthy pod: bind it, run it, mark it Ready now. */
export function markPodRunningReady(ctx: ControllerContext, pod: Stored<Pod>, node = 'node-1'): Stored<Pod> {
  let current = pod;
  if (!current.spec?.nodeName) current = ctx.api.update<Pod>({ ...current, spec: { ...current.spec!, nodeName: node } });
  const now = ctx.clock.nowRfc3339();
  return ctx.api.updateStatus<Pod>({
    ...current,
    status: {
      phase: 'Running',
      startTime: now,
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
        { type: 'Ready', status: 'True', lastTransitionTime: now },
      ],
    },
  });
}

/** Marks every active pod that is not yet Ready (optionally only those `filter` accepts) Running and Ready. */
export function markPodsRunningReady(ctx: ControllerContext, filter: (pod: Stored<Pod>) => boolean = () => true): number {
  let n = 0;
  for (const pod of ctx.api.peekList<Pod>('Pod')) {
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
    if (!filter(pod)) continue;
    markPodRunningReady(ctx, pod);
    n++;
  }
  return n;
}

/** Binds pods to a node without making them ready (scheduled, containers still starting). */
export function bindPods(ctx: ControllerContext, node = 'node-1'): void {
  for (const pod of ctx.api.peekList<Pod>('Pod')) {
    if (!pod.spec?.nodeName) ctx.api.update<Pod>({ ...pod, spec: { ...pod.spec!, nodeName: node } });
  }
}

/** What the kubelet does once a terminating pod's containers have stopped: remove it for good. */
export function finishTerminatingPods(ctx: ControllerContext): number {
  let n = 0;
  for (const pod of ctx.api.peekList<Pod>('Pod')) {
    if (!pod.metadata.deletionTimestamp) continue;
    ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    n++;
  }
  return n;
}

export function setPodPhase(ctx: ControllerContext, pod: Stored<Pod>, phase: 'Succeeded' | 'Failed', exitCode = phase === 'Succeeded' ? 0 : 1): Stored<Pod> {
  const now = ctx.clock.nowRfc3339();
  const name = pod.spec?.containers[0]?.name ?? 'main';
  return ctx.api.updateStatus<Pod>({
    ...pod,
    status: {
      ...pod.status,
      phase,
      conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: now }],
      containerStatuses: [
        { name, ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { terminated: { exitCode, reason: phase === 'Succeeded' ? 'Completed' : 'Error', finishedAt: now } } },
      ],
    },
  });
}

export function eventMessages(ctx: ControllerContext, reason?: string): string[] {
  return ctx.api
    .peekList<{ reason?: string; message?: string; firstTimestamp?: string }>('Event')
    .filter((e) => reason === undefined || e.reason === reason)
    .map((e) => e.message ?? '');
}
