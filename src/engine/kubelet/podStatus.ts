/**
 * The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus and getPhase): phase from
 * the containers' states, the conditions PodReadyToStartContainers, Initialized, Ready, ContainersReady
 * (PodScheduled is the scheduler's and is kept), IPs, start time and one status per container.
 */
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../objects';
import { WAITING_REASON } from './containerMachine';
import type { ContainerSlot, PodWorker } from './podWorker';
import { rfc3339 } from './timestamps';


function containerState(w: PodWorker, slot: ContainerSlot): ContainerState {
  const s = slot.stateName;
  if (s === 'running' || s === 'stopping') return { running: { startedAt: rfc3339(slot.current?.startedMs ?? 0) } };
  if (s === 'terminated' && slot.terminated) return { terminated: slot.terminated };
  const sub = s.startsWith('waiting.') ? s.slice(8) : 'containerCreating';
  let reason = WAITING_REASON[sub] ?? 'ContainerCreating';
  if (reason === 'ContainerCreating' && !slot.busy && !slot.lastTermination) {
    // Containers that wait for the init containers (or a sandbox that runs init first) say PodInitializing.
    const hasInit = w.slots.some((x) => x.kind !== 'regular');
    if (hasInit && (slot.kind !== 'regular' ? !w.sandboxReady : !w.initialized)) reason = 'PodInitializing';
  }
  const message = reason === 'ContainerCreating' || reason === 'PodInitializing' ? undefined : slot.waitingMessage;
  return { waiting: { reason, ...(message ? { message } : {}) } };
}

function containerStatus(w: PodWorker, slot: ContainerSlot): ContainerStatus {
  const state = containerState(w, slot);
  const status: ContainerStatus = {
    name: slot.name,
    state,
    lastState: slot.lastTermination ? { terminated: slot.lastTermination } : {},
    ready: slot.ready && !!state.running,
    restartCount: slot.restartCount,
    image: slot.image?.imageRef ?? slot.spec.image ?? '',
    imageID: slot.image && slot.current ? slot.image.imageID : '',
    started: !!state.running && slot.startupDone,
  };
  if (slot.current) status.containerID = slot.current.id;
  return status;
}

/** kubelet getPhase, for the containers as they are now. */
export function podPhase(w: PodWorker, init: ContainerStatus[], regular: ContainerStatus[]): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const policy = w.restartPolicy;
  let pendingInit = 0;
  let failedInit = 0;
  w.slots.forEach((slot) => {
    if (slot.kind === 'regular') return;
    const st = init.find((s) => s.name === slot.name);
    if (slot.kind === 'sidecar') {
      if (!st?.state?.running || !st.started) pendingInit++;
      return;
    }
    if (slot.succeeded) return;
    if (st?.state?.terminated && st.state.terminated.exitCode !== 0) failedInit++;
    else if (st?.state?.waiting && st.lastState?.terminated && st.lastState.terminated.exitCode !== 0) failedInit++;
    else pendingInit++;
  });
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const st of regular) {
    if (st.state?.running) running++;
    else if (st.state?.terminated) {
      stopped++;
      if (st.state.terminated.exitCode === 0) succeeded++;
    } else if (st.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (pendingInit > 0 || failedInit > 0 || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return regular.every((s) => s.state?.terminated) && !w.finished ? 'Running' : w.finished ? 'Failed' : 'Running';
  }
  return 'Pending';
}

function condition(w: PodWorker, type: string, ok: boolean, now: string, reason?: string, message?: string): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = w.conditionTimes.get(type);
  let time = now;
  if (prev && prev.status === status) time = prev.time;
  else w.conditionTimes.set(type, { status, time: now });
  return {
    type,
    status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: time,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

export function buildPodStatus(w: PodWorker, current: Stored<Pod>, hostIP: string, now: string): PodStatus {
  const init = w.slots.filter((s) => s.kind !== 'regular').map((s) => containerStatus(w, s));
  const regular = w.slots.filter((s) => s.kind === 'regular').map((s) => containerStatus(w, s));
  const phase = podPhase(w, init, regular);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const allStatuses = [...init, ...regular];
  const initialized = w.initialized || terminal;
  const incomplete = w.slots.filter((s) => s.kind === 'init' && !s.succeeded).map((s) => s.name);
  // Sidecars count for readiness like app containers (KEP-753).
  const unready = w.slots
    .filter((s, i) => s.kind !== 'init' && !allStatuses[i]!.ready)
    .map((s) => s.name);
  const completedReason = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : undefined;
  const conditions: PodCondition[] = [
    condition(w, 'PodReadyToStartContainers', w.sandboxReady && !terminal, now),
    condition(w, 'Initialized', initialized, now, initialized ? (terminal && incomplete.length === 0 && w.slots.some((s) => s.kind === 'init') ? completedReason : undefined) : 'ContainersNotInitialized', initialized ? undefined : `containers with incomplete status: [${incomplete.join(' ')}]`),
    condition(w, 'Ready', !terminal && unready.length === 0, now, terminal ? completedReason : unready.length > 0 ? 'ContainersNotReady' : undefined, !terminal && unready.length > 0 ? `containers with unready status: [${unready.join(' ')}]` : undefined),
    condition(w, 'ContainersReady', !terminal && unready.length === 0, now, terminal ? completedReason : unready.length > 0 ? 'ContainersNotReady' : undefined, !terminal && unready.length > 0 ? `containers with unready status: [${unready.join(' ')}]` : undefined),
  ];
  const scheduled = current.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled) conditions.push(scheduled);
  const status: PodStatus = {
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: w.startTime,
  };
  if (w.podIP && !terminal) {
    status.podIP = w.podIP;
    status.podIPs = [{ ip: w.podIP }];
  } else if (w.podIP && terminal && current.status?.podIP) {
    // A finished pod keeps reporting the IP it had (the sandbox is gone, the record stays).
    status.podIP = current.status.podIP;
    status.podIPs = current.status.podIPs ?? [{ ip: current.status.podIP }];
  }
  if (init.length > 0) status.initContainerStatuses = init;
  status.containerStatuses = regular;
  status.qosClass = current.status?.qosClass ?? qosClassOf(current);
  return status;
}

/** QoS class (pkg/apis/core/v1/helper/qos), for pods admitted without one. */
export function qosClassOf(pod: Stored<Pod>): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined) guaranteed = false;
      else if (req[r] !== undefined && String(req[r]) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
