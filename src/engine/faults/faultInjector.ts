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
import { isMirrorPod } from '../kubelet/staticPods';
import type { Stored } from '../objects';
import { CRASH_AFTER_MS, CRASH_EXIT_CODE, KILL_EXIT_CODE, OOM_RAMP_MS, faultSpec } from './catalogue';
import { ControlPlane, type ControlPlaneMachine, type StoppableComponent } from './controlPlane';
import { missingTag } from './images';
import { normalizeFault } from './parseFault';
import { faultFailure, faultSuccess, type FaultFailure } from './resultText';
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

export { CRASH_AFTER_MS, OOM_RAMP_MS };
const OOM_STEP_MS = 1_000;
/** A Deployment's CPU load reaches pods created after the fault at metrics-server's resolution. */
const LOAD_REFRESH_MS = 15_000;
/** A container without a CPU request: `cpu-load 100` is one core. */
const CORE_MILLI = 1000;

/** What the API server (or the engine, unexpectedly) threw, as the result the panel shows. */
function thrownFailure(e: unknown): FaultFailure {
  if (e instanceof ApiError) return faultFailure('api-error', { error: e.toKubectlMessage() });
  if (e instanceof ConnectionRefusedError) return faultFailure('api-unreachable', { error: e.message });
  return faultFailure('internal-error', { error: e instanceof Error ? e.message : String(e) });
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
    if (!checked.ok) return checked;
    const fault = checked.value;
    let result: FaultResult;
    try {
      result = this.dispatch(fault);
    } catch (e) {
      result = thrownFailure(e);
    }
    if (result.ok && this.host.cues.hasListeners) {
      this.host.cues.emit({ type: 'fault', fault: fault.fault, target: fault.target, phase: faultSpec(fault.fault).restores ? 'healed' : 'injected' });
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
        return this.killContainer(f.target, f.container, f.exitCode ?? KILL_EXIT_CODE);
      case 'crashloop':
        return this.crashloop(f.target, f.container, f.exitCode ?? CRASH_EXIT_CODE, f.afterMs ?? CRASH_AFTER_MS);
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
  private podSlot(target: string, container: string | undefined): { t: PodTarget; kubelet: Kubelet; slot: ContainerSlot; key: string } | { error: FaultFailure } {
    const r = resolvePod(this.host.api, target, container);
    if (!r.ok) return { error: r };
    const t = r.value;
    const name = t.pod.metadata.name;
    const nodeName = t.pod.spec?.nodeName;
    if (!nodeName) return { error: faultFailure('pod-not-scheduled', { pod: name }) };
    const kubelet = this.host.nodes.kubelet(nodeName);
    if (!kubelet || kubelet.state === 'poweredOff') return { error: faultFailure('pod-node-down', { pod: name, node: nodeName }) };
    const slot = kubelet.slot(t.namespace, name, t.container);
    if (!slot) return { error: faultFailure('pod-not-started', { pod: name, node: nodeName }) };
    return { t, kubelet, slot, key: `${t.namespace}/${name}` };
  }

  private killContainer(target: string, container: string | undefined, exitCode: number): FaultResult {
    const s = this.podSlot(target, container);
    if ('error' in s) return s.error;
    const name = s.t.pod.metadata.name;
    if (!s.kubelet.killContainer(s.t.namespace, name, s.slot.name, exitCode)) return faultFailure('container-not-running', { container: s.slot.name, pod: name });
    const manifest = this.staticManifestOf(s.kubelet, s.t.pod);
    if (manifest) this.controlPlane.containerKilled(manifest);
    return faultSuccess('container-killed', { container: s.slot.name, pod: name, exitCode });
  }

  /** The control-plane manifest a pod is the mirror of, when it runs on the control-plane machine. */
  private staticManifestOf(kubelet: Kubelet, pod: Stored<Pod>): string | undefined {
    const machine = this.host.controlPlaneMachine?.();
    if (!machine || machine.nodeName !== kubelet.nodeName || !isMirrorPod(pod)) return undefined;
    return kubelet.staticPodManifests().find((m) => kubelet.staticPod(m)?.metadata.name === pod.metadata.name);
  }

  /** Whether the node runs the control plane's static pods (kube-apiserver among them). */
  private isControlPlaneMachine(node: string): boolean {
    return this.host.controlPlaneMachine?.()?.nodeName === node;
  }

  private crashloop(target: string, container: string | undefined, exitCode: number, afterMs: number): FaultResult {
    const s = this.podSlot(target, container);
    if ('error' in s) return s.error;
    s.slot.overrides.crash = { exitCode, afterMs };
    // The running process exits now; every later start exits `afterMs` after starting.
    if (s.slot.running) s.slot.worker.processExited(s.slot, exitCode);
    this.mark(true, 'crashloop', s.key, s.t.pod.metadata.uid);
    return faultSuccess('crashloop-set', { container: s.slot.name, pod: s.t.pod.metadata.name, exitCode });
  }

  private deletePod(target: string): FaultResult {
    const r = resolvePod(this.host.api, target);
    if (!r.ok) return r;
    this.host.api.delete('Pod', r.value.namespace, r.value.pod.metadata.name);
    return faultSuccess('pod-deleted', { pod: r.value.pod.metadata.name });
  }

  private failProbe(fault: 'liveness-fail' | 'readiness-fail', target: string, container: string | undefined): FaultResult {
    const kind = fault === 'liveness-fail' ? 'liveness' : 'readiness';
    const s = this.podSlot(target, container);
    if ('error' in s) return s.error;
    const name = s.t.pod.metadata.name;
    const probe = kind === 'liveness' ? s.slot.spec.livenessProbe : s.slot.spec.readinessProbe;
    if (!probe) return faultFailure(kind === 'liveness' ? 'no-liveness-probe' : 'no-readiness-probe', { container: s.slot.name, pod: name });
    s.kubelet.setProbeResult(s.t.namespace, name, s.slot.name, kind, false);
    this.mark(true, fault, s.key, s.t.pod.metadata.uid);
    const d = probeDefaults(probe);
    return faultSuccess(kind === 'liveness' ? 'liveness-failing' : 'readiness-failing', { container: s.slot.name, pod: name, failures: d.failureThreshold, periodSeconds: d.periodMs / 1000 });
  }

  private oom(target: string, container: string | undefined, rampMs: number): FaultResult {
    const s = this.podSlot(target, container);
    if ('error' in s) return s.error;
    const { slot } = s;
    const inst = slot.current;
    if (!slot.running || !inst) return faultFailure('container-not-running', { container: slot.name, pod: s.t.pod.metadata.name });
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
    const params = { container: slot.name, pod: s.t.pod.metadata.name, seconds: rampMs / 1000 };
    return limit > 0 ? faultSuccess('oom-limit', { ...params, limit: String(slot.spec.resources?.limits?.memory) }) : faultSuccess('oom-node', params);
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
      if (!r.ok) return r;
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
      return faultSuccess('deployment-load', { deployment: d.metadata.name, percent, count: n });
    }
    const r = resolvePod(this.host.api, target);
    if (!r.ok) return r;
    const n = this.loadPod(r.value.pod, percent);
    if (n === 0) return faultFailure('pod-not-running', { pod: r.value.pod.metadata.name });
    this.mark(true, 'cpu-load', `${r.value.namespace}/${r.value.pod.metadata.name}`, r.value.pod.metadata.uid);
    return faultSuccess('pod-load', { pod: r.value.pod.metadata.name, percent });
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
      if (!r.ok) return r;
      const key = `${r.value.metadata.namespace ?? 'default'}/${r.value.metadata.name}`;
      const entry = this.deploymentLoads.get(key);
      if (entry) this.host.clock.clearTimeout(entry.timer);
      this.deploymentLoads.delete(key);
      this.mark(false, 'cpu-load', `deployment/${key}`);
      let n = 0;
      for (const pod of podsOfDeployment(this.host.api, r.value)) n += this.healPod(pod) ? 1 : 0;
      return faultSuccess('deployment-healed', { deployment: r.value.metadata.name, count: n });
    }
    const r = resolvePod(this.host.api, target);
    if (!r.ok) return faultFailure('heal-bad-target', {}, r);
    if (!this.healPod(r.value.pod)) return faultFailure('heal-pod-not-running', { pod: r.value.pod.metadata.name });
    return faultSuccess('pod-healed', { pod: r.value.pod.metadata.name });
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

  private kubeletOf(target: string): { kubelet: Kubelet } | { error: FaultFailure } {
    const r = resolveNode(this.host.api, target);
    if (!r.ok) return { error: r };
    const kubelet = this.host.nodes.kubelet(r.value.metadata.name);
    return kubelet ? { kubelet } : { error: faultFailure('node-no-machine', { node: r.value.metadata.name }) };
  }

  private nodePower(target: string, on: boolean): FaultResult {
    const k = this.kubeletOf(target);
    if ('error' in k) return k.error;
    const { kubelet } = k;
    const node = kubelet.nodeName;
    if (on && kubelet.state !== 'poweredOff') return faultFailure('node-not-down', { node });
    if (!on && kubelet.state === 'poweredOff') return faultFailure('node-already-down', { node });
    if (on) kubelet.powerOn();
    else kubelet.powerOff();
    this.mark(!on, 'node-down', kubelet.nodeName);
    this.mark(false, 'partition', kubelet.nodeName);
    if (this.isControlPlaneMachine(node)) {
      this.controlPlane.machinePowerChanged();
      return faultSuccess(on ? 'control-plane-powered-on' : 'control-plane-powered-off', { node });
    }
    return faultSuccess(on ? 'node-powered-on' : 'node-powered-off', { node });
  }

  private partition(target: string): FaultResult {
    const k = this.kubeletOf(target);
    if ('error' in k) return k.error;
    const { kubelet } = k;
    const node = kubelet.nodeName;
    if (kubelet.state !== 'running') return faultFailure(kubelet.state === 'poweredOff' ? 'node-is-down' : 'node-already-partitioned', { node });
    // "Cut off from the control plane" means nothing on the machine that is the control plane: cut its
    // network and it is every worker that loses the API server. Not simulated; say what to do instead.
    if (this.isControlPlaneMachine(node)) return faultFailure('partition-control-plane', { node });
    kubelet.setPartitioned(true);
    this.mark(true, 'partition', node);
    return faultSuccess('node-partitioned', { node });
  }

  private healPartition(nodeName: string): FaultResult {
    const kubelet = this.host.nodes.kubelet(nodeName);
    if (!kubelet || kubelet.state !== 'partitioned') return faultFailure(kubelet?.state === 'poweredOff' ? 'node-not-partitioned-down' : 'node-not-partitioned', { node: nodeName });
    kubelet.setPartitioned(false);
    this.mark(false, 'partition', nodeName);
    return faultSuccess('node-reconnected', { node: nodeName });
  }

  private zonePower(zone: string, on: boolean): FaultResult {
    const r = nodesInZone(this.host.api, zone);
    if (!r.ok) return r;
    const changed: string[] = [];
    for (const node of r.value) {
      const kubelet = this.host.nodes.kubelet(node.metadata.name);
      if (!kubelet || (kubelet.state === 'poweredOff') === !on) continue;
      if (on) kubelet.powerOn();
      else kubelet.powerOff();
      this.mark(!on, 'node-down', kubelet.nodeName);
      changed.push(kubelet.nodeName);
      if (this.isControlPlaneMachine(kubelet.nodeName)) this.controlPlane.machinePowerChanged();
    }
    if (changed.length === 0) return faultFailure(on ? 'zone-already-up' : 'zone-already-down', { zone });
    this.mark(!on, 'zone-down', zone);
    // `nodes` is the bare list for translations; `nodeList` the English wording.
    return faultSuccess(on ? 'zone-up' : 'zone-down', { zone, nodes: changed.join(', '), nodeList: changed.map((n) => `node "${n}"`).join(', ') });
  }

  // ---------------------------------------------------------------- rollouts

  /** `kubectl set image deployment/NAME CONTAINER=IMAGE` with a tag the registry does not have. */
  private badImage(target: string, container: string | undefined, image: string | undefined): FaultResult {
    const r = resolveDeployment(this.host.api, target);
    if (!r.ok) return r;
    const d = r.value;
    const containers = d.spec?.template?.spec?.containers ?? [];
    const index = container === undefined ? 0 : containers.findIndex((c) => c.name === container);
    const c = containers[index];
    if (!c) return faultFailure('image-container-not-found', { container: container ?? '' });
    const next = image ?? missingTag(c.image ?? '');
    const updated = containers.map((x, i) => (i === index ? { ...x, image: next } : x));
    const template = d.spec!.template;
    this.host.api.update<Deployment>({ ...d, spec: { ...d.spec!, template: { ...template, spec: { ...template.spec!, containers: updated } } } });
    return faultSuccess('image-updated', { deployment: d.metadata.name, container: c.name, image: next });
  }
}

function requestMilli(c: Container): number {
  return cpuMillis((c.resources?.requests?.cpu ?? c.resources?.limits?.cpu) as string | undefined) || CORE_MILLI;
}
