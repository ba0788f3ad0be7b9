/**
 * The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus and getPhase): phase from
 * the containers' states, the conditions PodReadyToStartContainers, Initialized, Ready, ContainersReady
 * (PodScheduled is the scheduler's and is kept), IPs, start time and one status per container.
 */
import { podQOSClass } from '../apiserver/admission/qos';
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
    let hasInit = false;
    for (const x of w.slots) if (x.kind !== 'regular') hasInit = true;
    if (hasInit && (slot.kind !== 'regular' || !w.initialized)) reason = 'PodInitializing';
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

/** kubelet getPhase, for the containers as they are now (statuses in slot order). */
export function podPhase(w: PodWorker, statuses: ContainerStatus[]): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const policy = w.restartPolicy;
  let pendingInit = 0;
  let failedInit = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let regular = 0;
  for (let i = 0; i < w.slots.length; i++) {
    const slot = w.slots[i]!;
    const st = statuses[i]!;
    const state = st.state!;
    if (slot.kind === 'sidecar') {
      if (!state.running || !st.started) pendingInit++;
    } else if (slot.kind === 'init') {
      if (slot.succeeded) continue;
      if (state.terminated && state.terminated.exitCode !== 0) failedInit++;
      else if (state.waiting && st.lastState?.terminated && st.lastState.terminated.exitCode !== 0) failedInit++;
      else pendingInit++;
    } else {
      regular++;
      if (state.running) running++;
      else if (state.terminated) {
        stopped++;
        if (state.terminated.exitCode === 0) succeeded++;
      } else if (st.lastState?.terminated) stopped++;
      else waiting++;
    }
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || failedInit > 0 || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return w.finished ? 'Failed' : 'Running';
  }
  return regular === 0 ? 'Pending' : 'Pending';
}

function condition(w: PodWorker, type: string, ok: boolean, now: string, reason: string | undefined, message: string | undefined): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = w.conditionTimes.get(type);
  let time = now;
  if (prev && prev.status === status) time = prev.time;
  else w.conditionTimes.set(type, { status, time: now });
  const c: PodCondition = { type, status, lastProbeTime: null as unknown as string, lastTransitionTime: time };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

export function buildPodStatus(w: PodWorker, current: Stored<Pod>, hostIP: string, now: string): PodStatus {
  const statuses: ContainerStatus[] = [];
  for (const slot of w.slots) statuses.push(containerStatus(w, slot));
  const phase = podPhase(w, statuses);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const init: ContainerStatus[] = [];
  const regular: ContainerStatus[] = [];
  let incomplete = '';
  let unready = '';
  let hasInit = false;
  for (let i = 0; i < w.slots.length; i++) {
    const slot = w.slots[i]!;
    const st = statuses[i]!;
    if (slot.kind === 'regular') regular.push(st);
    else {
      init.push(st);
      hasInit = true;
    }
    if (slot.kind === 'init' && !slot.succeeded) incomplete += incomplete ? ` ${slot.name}` : slot.name;
    // Sidecars count for readiness like app containers (KEP-753).
    if (slot.kind !== 'init' && !st.ready) unready += unready ? ` ${slot.name}` : slot.name;
  }
  const initialized = terminal || w.initialized;
  const completedReason = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : undefined;
  const ready = !terminal && unready === '';
  const readyReason = terminal ? completedReason : unready ? 'ContainersNotReady' : undefined;
  const readyMessage = !terminal && unready ? `containers with unready status: [${unready}]` : undefined;
  const conditions: PodCondition[] = [
    condition(w, 'PodReadyToStartContainers', w.sandboxReady && !terminal, now, undefined, undefined),
    condition(
      w,
      'Initialized',
      initialized,
      now,
      initialized ? (terminal && hasInit && incomplete === '' ? completedReason : undefined) : 'ContainersNotInitialized',
      initialized ? undefined : `containers with incomplete status: [${incomplete}]`,
    ),
    condition(w, 'Ready', ready, now, readyReason, readyMessage),
    condition(w, 'ContainersReady', ready, now, readyReason, readyMessage),
  ];
  for (const c of current.status?.conditions ?? []) if (c.type === 'PodScheduled') conditions.push(c);
  const old = current.status;
  const status: PodStatus = { phase, conditions: reuseConditions(conditions, old?.conditions), hostIP, hostIPs: reuseIPs(hostIP, old?.hostIPs), startTime: w.startTime };
  if (w.podIP && !terminal) {
    status.podIP = w.podIP;
    status.podIPs = reuseIPs(w.podIP, old?.podIPs);
  } else if (terminal && current.status?.podIP) {
    // A finished pod keeps reporting the IP it had (the sandbox is gone, the record stays).
    status.podIP = current.status.podIP;
    status.podIPs = current.status.podIPs ?? [{ ip: current.status.podIP }];
  }
  if (hasInit) status.initContainerStatuses = init;
  status.containerStatuses = regular;
  status.qosClass = current.status?.qosClass ?? podQOSClass(current.spec);
  return status;
}

/*
 * Unchanged parts of the status keep the stored objects: three status writes per pod then share them
 * instead of promoting fresh copies to the old generation, and the API server's no-op check meets the
 * same references. Reused only when identical field by field and in the same key order (-o yaml shows it).
 */
const keysOfA: string[] = [];

function sameFlat(a: object, b: object): boolean {
  // Keys gathered into a reused buffer: Object.keys would allocate two arrays per comparison.
  let n = 0;
  for (const k in a) keysOfA[n++] = k;
  let i = 0;
  for (const k in b) {
    if (i >= n || k !== keysOfA[i] || (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
    i++;
  }
  return i === n;
}

function reuseConditions(fresh: PodCondition[], old: PodCondition[] | undefined): PodCondition[] {
  if (!old) return fresh;
  let all = fresh.length === old.length;
  for (let i = 0; i < fresh.length; i++) {
    const prev = old[i];
    if (prev && sameFlat(fresh[i]!, prev)) fresh[i] = prev;
    else all = false;
  }
  return all ? old : fresh;
}

function reuseIPs<T extends { ip?: string }>(ip: string, old: T[] | undefined): T[] {
  const only = old?.length === 1 ? old[0]! : undefined;
  return old && only && only.ip === ip && sameFlat(only, { ip }) ? old : [{ ip } as T];
}

