/**
 * The fault catalogue's engine side: each fault acts where the real failure happens (a container's
 * process on its node, a machine's power, the network between a node and the control plane, a
 * control-plane process, a Deployment through the API as `kubectl set image` would) and then the
 * cluster heals itself, or not, as Kubernetes would. Nothing here fakes the healing.
 *
 * inject() never throws: a bad target or an impossible request comes back as `{ ok: false, error }`.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { ApiError, ConnectionRefusedError } from '../apiserver/errors';
import { cpuMillis, memoryBytes } from '../apiserver/quantity';
import type { VirtualClock } from '../clock/virtualClock';
import type { CueBus } from '../cues';
import type { Kubelet, NodeAgents } from '../kubelet';
import type { ContainerSlot } from '../kubelet/podWorker';
import { probeDefaults } from '../kubelet/probes';
import type { Stored } from '../objects';
import { ControlPlane, type ControlPlaneMachine, type StoppableComponent } from './controlPlane';
import { normalizeFault } from './parseFault';
import { isDeploymentTarget, nodesInZone, podsOfDeployment, resolveDeployment, resolveNode, resolvePod, type PodTarget } from './targets';
import type { ActiveFault, Fault, FaultName, FaultResult } from './types';

export interface FaultHost {
  api: ApiServer;
  clock: VirtualClock;
  cues: CueBus;
  nodes: NodeAgents;
  scheduler: StoppableComponent;
  controllerManager: StoppableComponent;
  /** The machine whose kubelet runs the control plane's static pods (none in a cluster without a preset). */
  controlPlaneMachine?: () => ControlPlaneMachine | undefined;
}

/** How long `oom` takes for memory to climb from its current use to the limit (a leak, not a spike). */
export const OOM_RAMP_MS = 20_000;
const OOM_STEP_MS = 1_000;
/** How soon after each start a `crashloop`ed container exits. */
export const CRASH_AFTER_MS = 1_000;
/** A Deployment's CPU load reaches pods created after the fault at metrics-server's resolution. */
const LOAD_REFRESH_MS = 15_000;
/** A container without a CPU request: `cpu-load 100` is one core. */
const CORE_MILLI = 1000;

function ok(message: string): FaultResult {
  return { ok: true, message };
}
function fail(error: string): FaultResult {
  return { ok: false, error };
}

function apiErrorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.toKubectlMessage();
  if (e instanceof ConnectionRefusedError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

export class FaultInjector {
  readonly controlPlane: ControlPlane;
  private readonly active = new Map<string, ActiveFault & { uid?: string }>();
  private readonly deploymentLoads = new Map<string, { percent: number; timer: number }>();
  /** Memory leaks under way (`oom`), so that `heal` can stop them before the OOM killer acts. */
  private readonly leaks = new Map<ContainerSlot, number[]>();

  constructor(private readonly host: FaultHost) {
    this.controlPlane = new ControlPlane(host.api, host.clock, host.cues, host.scheduler, host.controllerManager, host.controlPlaneMachine);
  }

  inject(request: Fault): FaultResult {
    const checked = normalizeFault(request);
    if (!checked.ok) return fail(checked.error);
    const fault = checked.value;
    let result: FaultResult;
    try {
      result = this.dispatch(fault);
    } catch (e) {
      result = fail(apiErrorMessage(e));
    }
    if (result.ok && this.host.cues.hasListeners) {
      const healed = fault.fault === 'heal' || fault.fault === 'node-up' || fault.fault === 'start' || fault.fault === 'zone-up';
      this.host.cues.emit({ type: 'fault', fault: fault.fault, target: fault.target, phase: healed ? 'healed' : 'injected' });
    }
    return result;
  }

  /** The faults in effect now (a probe still failing, a node still down, a component stopped ...). */
  activeFaults(): ActiveFault[] {
    const out: ActiveFault[] = [];
    for (const [key, f] of this.active) {
      if (f.uid !== undefined && !this.livePodUid(f.target, f.uid)) {
        this.active.delete(key);
        continue;
      }
      out.push({ fault: f.fault, target: f.target, sinceMs: f.sinceMs });
    }
    return out;
  }

  private livePodUid(target: string, uid: string): boolean {
    const [namespace, name] = target.split('/') as [string, string];
    return this.host.api.peek<Pod>('Pod', namespace, name)?.metadata.uid === uid;
  }

  private dispatch(f: Fault): FaultResult {
    switch (f.fault) {
      case 'kill-container':
        return this.killContainer(f.target, f.container, f.exitCode ?? 137);
      case 'crashloop':
        return this.crashloop(f.target, f.container, f.exitCode ?? 1, f.afterMs ?? CRASH_AFTER_MS);
      case 'delete-pod':
        return this.deletePod(f.target);
      case 'liveness-fail':
      case 'readiness-fail':
        return this.failProbe(f.fault, f.target, f.container);
      case 'oom':
        return this.oom(f.target, f.container, f.afterMs ?? OOM_RAMP_MS);
      case 'cpu-load':
        return this.cpuLoad(f.target, f.percent);
      case 'node-down':
        return this.nodePower(f.target, false);
      case 'node-up':
        return this.nodePower(f.target, true);
      case 'partition':
        return this.partition(f.target);
      case 'heal':
        return this.heal(f.target);
      case 'bad-image':
        return this.badImage(f.target, f.container, f.image);
      case 'stop':
      case 'start': {
        const r = this.controlPlane.setRunning(f.target, f.fault === 'start');
        if (r.ok) this.mark(f.fault === 'stop', 'stop', f.target);
        return r;
      }
      case 'zone-down':
      case 'zone-up':
        return this.zonePower(f.target, f.fault === 'zone-up');
    }
  }

  private mark(on: boolean, fault: FaultName, target: string, uid?: string): void {
    const key = `${fault}|${target}`;
    if (on) this.active.set(key, { fault, target, sinceMs: this.host.clock.now(), ...(uid !== undefined ? { uid } : {}) });
    else this.active.delete(key);
  }

  // ---------------------------------------------------------------- pods and containers

  /** The pod's kubelet and the container slot a fault acts on (named, else the first app container). */
  private podSlot(target: string, container: string | undefined): { t: PodTarget; kubelet: Kubelet; slot: ContainerSlot; key: string } | { error: string } {
    const r = resolvePod(this.host.api, target, container);
    if (!r.ok) return { error: r.error };
    const t = r.value;
    const name = t.pod.metadata.name;
    const nodeName = t.pod.spec?.nodeName;
    if (!nodeName) return { error: `pod "${name}" is not scheduled to a node yet` };
    const kubelet = this.host.nodes.kubelet(nodeName);
    if (!kubelet || kubelet.state === 'poweredOff') return { error: `pod "${name}" has no running containers: node "${nodeName}" is down` };
    const slot = kubelet.slot(t.namespace, name, t.container);
    if (!slot) return { error: `pod "${name}" has no containers on node "${nodeName}" (it has not started there)` };
    return { t, kubelet, slot, key: `${t.namespace}/${name}` };
  }

  private killContainer(target: string, container: string | undefined, exitCode: number): FaultResult {
    const s = this.podSlot(target, container);
    if ('error' in s) return fail(s.error);
    const name = s.t.pod.metadata.name;
    if (!s.kubelet.killContainer(s.t.namespace, name, s.slot.name, exitCode)) return fail(`container "${s.slot.name}" in pod "${name}" is not running`);
    return ok(`container "${s.slot.name}" in pod "${name}" killed (exit code ${exitCode})`);
  }

  private crashloop(target: string, container: string | undefined, exitCode: number, afterMs: number): FaultResult {
    const s = this.podSlot(target, container);
    if ('error' in s) return fail(s.error);
    s.slot.overrides.crash = { exitCode, afterMs };
    // The running process exits now; every later start exits `afterMs` after starting.
    if (s.slot.running) s.slot.worker.processExited(s.slot, exitCode);
    this.mark(true, 'crashloop', s.key, s.t.pod.metadata.uid);
    return ok(`container "${s.slot.name}" in pod "${s.t.pod.metadata.name}" now exits with code ${exitCode} after each start`);
  }

  private deletePod(target: string): FaultResult {
    const r = resolvePod(this.host.api, target);
    if (!r.ok) return fail(r.error);
    this.host.api.delete('Pod', r.value.namespace, r.value.pod.metadata.name);
    return ok(`pod "${r.value.pod.metadata.name}" deleted`);
  }

  private failProbe(fault: 'liveness-fail' | 'readiness-fail', target: string, container: string | undefined): FaultResult {
    const kind = fault === 'liveness-fail' ? 'liveness' : 'readiness';
    const s = this.podSlot(target, container);
    if ('error' in s) return fail(s.error);
    const name = s.t.pod.metadata.name;
    const probe = kind === 'liveness' ? s.slot.spec.livenessProbe : s.slot.spec.readinessProbe;
    if (!probe) return fail(`container "${s.slot.name}" in pod "${name}" has no ${kind} probe (spec.containers[].${kind}Probe): there is nothing to fail`);
    s.kubelet.setProbeResult(s.t.namespace, name, s.slot.name, kind, false);
    this.mark(true, fault, s.key, s.t.pod.metadata.uid);
    const d = probeDefaults(probe);
    const then = kind === 'liveness' ? 'the kubelet restarts the container' : 'the pod becomes NotReady and leaves its Services\' endpoints';
    return ok(`${kind} probe of container "${s.slot.name}" in pod "${name}" now fails: after ${d.failureThreshold} failures (every ${d.periodMs / 1000}s) ${then}`);
  }

  private oom(target: string, container: string | undefined, rampMs: number): FaultResult {
    const s = this.podSlot(target, container);
    if ('error' in s) return fail(s.error);
    const { slot } = s;
    const inst = slot.current;
    if (!slot.running || !inst) return fail(`container "${slot.name}" in pod "${s.t.pod.metadata.name}" is not running`);
    const limit = memoryBytes(slot.spec.resources?.limits?.memory as string | undefined);
    const node = this.host.api.peek<Node>('Node', undefined, s.kubelet.nodeName);
    // Without a limit the container grows until the node runs out of memory; the kernel kills it then.
    const ceiling = limit > 0 ? limit : memoryBytes(node?.status?.allocatable?.memory as string | undefined);
    const from = slot.worker.usage(slot)?.memoryBytes ?? 0;
    const steps = Math.max(1, Math.ceil(rampMs / OOM_STEP_MS));
    const clock = this.host.clock;
    const key = `${s.t.namespace}/${s.t.pod.metadata.name}`;
    this.stopLeak(slot);
    const timers: number[] = [];
    for (let i = 1; i <= steps; i++) {
      const at = Math.min(rampMs, i * OOM_STEP_MS);
      timers.push(
        clock.setTimeout(() => {
          if (slot.current !== inst || inst.finishedMs !== undefined) return this.stopLeak(slot, key);
          if (at < rampMs) {
            slot.overrides.memoryBytes = Math.round(from + ((ceiling - from) * at) / rampMs);
            return;
          }
          this.stopLeak(slot, key);
          // The cgroup's OOM killer: SIGKILL, exit 137, reason OOMKilled; restartPolicy restarts it.
          slot.worker.processExited(slot, 137, 'OOMKilled', true);
        }, at),
      );
    }
    this.leaks.set(slot, timers);
    this.mark(true, 'oom', key, s.t.pod.metadata.uid);
    const what = limit > 0 ? `its memory limit (${String(slot.spec.resources?.limits?.memory)})` : `the node's memory (no limit set)`;
    return ok(`memory of container "${slot.name}" in pod "${s.t.pod.metadata.name}" grows to ${what}: OOMKilled in ${rampMs / 1000}s`);
  }

  private stopLeak(slot: ContainerSlot, key?: string): void {
    for (const t of this.leaks.get(slot) ?? []) this.host.clock.clearTimeout(t);
    this.leaks.delete(slot);
    delete slot.overrides.memoryBytes;
    if (key) this.mark(false, 'oom', key);
  }

  private cpuLoad(target: string, percent: number): FaultResult {
    if (isDeploymentTarget(target) || (!target.includes('/') && !this.host.api.peek('Pod', 'default', target) && this.host.api.peek('Deployment', 'default', target))) {
      const r = resolveDeployment(this.host.api, target);
      if (!r.ok) return fail(r.error);
      const d = r.value;
      const key = `${d.metadata.namespace ?? 'default'}/${d.metadata.name}`;
      const previous = this.deploymentLoads.get(key);
      if (previous) this.host.clock.clearTimeout(previous.timer);
      const n = this.loadDeployment(d, percent);
      const refresh = () => {
        const current = this.host.api.peek<Deployment>('Deployment', d.metadata.namespace, d.metadata.name);
        const entry = this.deploymentLoads.get(key);
        if (!current || !entry) return;
        this.loadDeployment(current, entry.percent);
        entry.timer = this.host.clock.setTimeout(refresh, LOAD_REFRESH_MS);
      };
      this.deploymentLoads.set(key, { percent, timer: this.host.clock.setTimeout(refresh, LOAD_REFRESH_MS) });
      this.mark(true, 'cpu-load', `deployment/${key}`);
      return ok(`CPU load of deployment "${d.metadata.name}" set to ${percent}% of each container's request (${n} pod${n === 1 ? '' : 's'} now, new pods too)`);
    }
    const r = resolvePod(this.host.api, target);
    if (!r.ok) return fail(r.error);
    const n = this.loadPod(r.value.pod, percent);
    if (n === 0) return fail(`pod "${r.value.pod.metadata.name}" has no running containers`);
    this.mark(true, 'cpu-load', `${r.value.namespace}/${r.value.pod.metadata.name}`, r.value.pod.metadata.uid);
    return ok(`CPU load of pod "${r.value.pod.metadata.name}" set to ${percent}% of each container's request`);
  }

  private loadDeployment(d: Stored<Deployment>, percent: number): number {
    let n = 0;
    for (const pod of podsOfDeployment(this.host.api, d)) if (this.loadPod(pod, percent) > 0) n++;
    return n;
  }

  /** Sets each app container's CPU use to `percent` of its request (of one core without a request). */
  private loadPod(pod: Stored<Pod>, percent: number | undefined): number {
    const kubelet = pod.spec?.nodeName ? this.host.nodes.kubelet(pod.spec.nodeName) : undefined;
    if (!kubelet) return 0;
    const namespace = pod.metadata.namespace ?? 'default';
    let n = 0;
    for (const c of pod.spec?.containers ?? []) {
      const milli = percent === undefined ? undefined : Math.round((requestMilli(c) * percent) / 100);
      if (kubelet.setCpuLoad(namespace, pod.metadata.name, c.name, milli)) n++;
    }
    return n;
  }

  /** Undoes what was done to a pod (probes, crashes, load), a node's partition, or a Deployment's load. */
  private heal(target: string): FaultResult {
    const node = resolveNode(this.host.api, target);
    if (node.ok) return this.healPartition(node.value.metadata.name);
    if (isDeploymentTarget(target)) {
      const r = resolveDeployment(this.host.api, target);
      if (!r.ok) return fail(r.error);
      const key = `${r.value.metadata.namespace ?? 'default'}/${r.value.metadata.name}`;
      const entry = this.deploymentLoads.get(key);
      if (entry) this.host.clock.clearTimeout(entry.timer);
      this.deploymentLoads.delete(key);
      this.mark(false, 'cpu-load', `deployment/${key}`);
      let n = 0;
      for (const pod of podsOfDeployment(this.host.api, r.value)) n += this.healPod(pod) ? 1 : 0;
      return ok(`deployment "${r.value.metadata.name}" healed (${n} pod${n === 1 ? '' : 's'})`);
    }
    const r = resolvePod(this.host.api, target);
    if (!r.ok) return fail(`${r.error} (heal takes a pod, a node or deployment/NAME)`);
    if (!this.healPod(r.value.pod)) return fail(`pod "${r.value.pod.metadata.name}" has no containers running on a node`);
    return ok(`pod "${r.value.pod.metadata.name}" healed: probes, crashes and load back to normal`);
  }

  private healPod(pod: Stored<Pod>): boolean {
    const kubelet = pod.spec?.nodeName ? this.host.nodes.kubelet(pod.spec.nodeName) : undefined;
    const namespace = pod.metadata.namespace ?? 'default';
    const worker = kubelet?.worker(namespace, pod.metadata.name);
    if (!worker) return false;
    for (const slot of worker.slots) {
      slot.overrides.probe = {};
      delete slot.overrides.crash;
      delete slot.overrides.cpuMilli;
      this.stopLeak(slot);
    }
    const key = `${namespace}/${pod.metadata.name}`;
    for (const f of ['crashloop', 'liveness-fail', 'readiness-fail', 'cpu-load', 'oom'] as const) this.mark(false, f, key);
    return true;
  }

  // ---------------------------------------------------------------- nodes

  private kubeletOf(target: string): { kubelet: Kubelet } | { error: string } {
    const r = resolveNode(this.host.api, target);
    if (!r.ok) return { error: r.error };
    const kubelet = this.host.nodes.kubelet(r.value.metadata.name);
    return kubelet ? { kubelet } : { error: `node "${r.value.metadata.name}" has no machine` };
  }

  private nodePower(target: string, on: boolean): FaultResult {
    const k = this.kubeletOf(target);
    if ('error' in k) return fail(k.error);
    const { kubelet } = k;
    if (on && kubelet.state !== 'poweredOff') return fail(`node "${kubelet.nodeName}" is not down`);
    if (!on && kubelet.state === 'poweredOff') return fail(`node "${kubelet.nodeName}" is already down`);
    if (on) kubelet.powerOn();
    else kubelet.powerOff();
    this.mark(!on, 'node-down', kubelet.nodeName);
    this.mark(false, 'partition', kubelet.nodeName);
    return ok(
      on
        ? `node "${kubelet.nodeName}" powered on: its kubelet registers again and restarts the pods still bound to it`
        : `node "${kubelet.nodeName}" powered off: its containers stopped and its kubelet no longer posts status`,
    );
  }

  private partition(target: string): FaultResult {
    const k = this.kubeletOf(target);
    if ('error' in k) return fail(k.error);
    const { kubelet } = k;
    if (kubelet.state !== 'running') return fail(`node "${kubelet.nodeName}" is ${kubelet.state === 'poweredOff' ? 'down' : 'already partitioned'}`);
    kubelet.setPartitioned(true);
    this.mark(true, 'partition', kubelet.nodeName);
    return ok(`node "${kubelet.nodeName}" cut off from the control plane: its containers keep running, its kubelet cannot reach the API server`);
  }

  private healPartition(nodeName: string): FaultResult {
    const kubelet = this.host.nodes.kubelet(nodeName);
    if (!kubelet || kubelet.state !== 'partitioned') return fail(`node "${nodeName}" is not partitioned${kubelet?.state === 'poweredOff' ? ' (it is down: use node-up)' : ''}`);
    kubelet.setPartitioned(false);
    this.mark(false, 'partition', nodeName);
    return ok(`node "${nodeName}" reconnected: its kubelet reports again and stops the pods the control plane deleted meanwhile`);
  }

  private zonePower(zone: string, on: boolean): FaultResult {
    const r = nodesInZone(this.host.api, zone);
    if (!r.ok) return fail(r.error);
    const changed: string[] = [];
    for (const node of r.value) {
      const kubelet = this.host.nodes.kubelet(node.metadata.name);
      if (!kubelet || (kubelet.state === 'poweredOff') === !on) continue;
      if (on) kubelet.powerOn();
      else kubelet.powerOff();
      this.mark(!on, 'node-down', kubelet.nodeName);
      changed.push(kubelet.nodeName);
    }
    if (changed.length === 0) return fail(`every node in zone "${zone}" is already ${on ? 'up' : 'down'}`);
    this.mark(!on, 'zone-down', zone);
    return ok(`zone "${zone}" ${on ? 'up' : 'down'}: ${changed.map((n) => `node "${n}"`).join(', ')} powered ${on ? 'on' : 'off'}`);
  }

  // ---------------------------------------------------------------- rollouts

  /** `kubectl set image deployment/NAME CONTAINER=IMAGE` with a tag the registry does not have. */
  private badImage(target: string, container: string | undefined, image: string | undefined): FaultResult {
    const r = resolveDeployment(this.host.api, target);
    if (!r.ok) return fail(r.error);
    const d = r.value;
    const containers = d.spec?.template?.spec?.containers ?? [];
    const index = container === undefined ? 0 : containers.findIndex((c) => c.name === container);
    const c = containers[index];
    if (!c) return fail(`unable to find container named "${container ?? ''}"`);
    const next = image ?? missingTag(c.image ?? '');
    const updated = containers.map((x, i) => (i === index ? { ...x, image: next } : x));
    const template = d.spec!.template;
    this.host.api.update<Deployment>({ ...d, spec: { ...d.spec!, template: { ...template, spec: { ...template.spec!, containers: updated } } } });
    return ok(`deployment.apps/${d.metadata.name} image updated: container "${c.name}" now uses "${next}", which cannot be pulled`);
  }
}

function requestMilli(c: Container): number {
  return cpuMillis((c.resources?.requests?.cpu ?? c.resources?.limits?.cpu) as string | undefined) || CORE_MILLI;
}

/** `nginx:1.27` → `nginx:1.27-doesnotexist` (a digest is dropped; no tag means `latest`). */
export function missingTag(image: string): string {
  const base = image.split('@')[0]!;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const hasTag = colon > slash;
  return hasTag ? `${base}-doesnotexist` : `${base}:latest-doesnotexist`;
}
