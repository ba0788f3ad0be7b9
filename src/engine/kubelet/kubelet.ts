/**
 * One node's kubelet: it registers the node's status, renews the node Lease every 10 s, runs a pod
 * worker for each pod bound to the node, and writes their status. Its own life (running, partitioned
 * from the API server, powered off) is the kubeletMachine actor, so the fault catalogue can stop a
 * machine or cut it off and the node lifecycle controller sees the heartbeats stop.
 *
 * Its parts, as the real kubelet's: the status manager (statusManager.ts), static pods and their mirror
 * pods (mirrorPods.ts), the node lease (nodeLease.ts) and the node status updates (nodeStatusReporter.ts).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createActor, type Actor } from 'xstate';
import { ApiError } from '../apiserver/errors';
import type { EventType } from '../apiserver/events';
import type { ControllerContext } from '../context';
import type { Cue } from '../cues';
import type { NodeMetrics, PodMetrics } from '../metrics/resourceMetrics';
import { StreamError, type ContainerExecRequest, type ContainerExecResult, type ContainerLogRequest } from '../podSubresources';
import type { Stored } from '../objects';
import { accessLogLine } from '../runtime/accessLog';
import { hex64 } from '../runtime/digest';
import { ContainerRuntime } from '../runtime/containerRuntime';
import { kubeletMachine, type KubeletHost } from './kubeletMachine';
import { StaticPodManager } from './mirrorPods';
import { renewNodeLease } from './nodeLease';
import type { NodeIdentity, NodePressure } from './nodeStatus';
import { NodeStatusReporter } from './nodeStatusReporter';
import { fallbackPodCidr, PodIPAM } from './podIPAM';
import { PodWorker, type ContainerSlot } from './podWorker';
import { isMirrorPod } from './staticPods';
import { StatusManager } from './statusManager';
import type { KubeletServices } from './kubeletServices';
import type { ProbeKind } from './probes';
import { clusterDnsServes, type LoadGenerator, type NodeAgentState } from '../podNetworkContract';

export type { LoadGenerator } from '../podNetworkContract';
import type { PodNetworkAccess } from './kubeletServices';

/** metrics-server's first scrape: a container has metrics once it has run this long. */
export const METRICS_AFTER_MS = 15_000;
/** What kubelet, containerd and the system use on an idle node (kubectl top node on a kind node). */
const SYSTEM_CPU_MILLI = 85;
const SYSTEM_MEMORY_BYTES = 640 * 1024 * 1024;

export type KubeletState = NodeAgentState;

interface PendingPod {
  pod: Stored<Pod> | undefined;
  uid: string;
}

export class Kubelet implements KubeletServices, KubeletHost {
  readonly nodeName: string;
  readonly runtime: ContainerRuntime;
  readonly identity: NodeIdentity;
  readonly pressure: NodePressure = { memory: false, disk: false, pid: false };
  private readonly actor: Actor<typeof kubeletMachine>;
  private readonly workers = new Map<string, PodWorker>();
  private readonly pending = new Map<string, PendingPod>();
  private readonly statusManager: StatusManager;
  private readonly staticPods: StaticPodManager;
  private readonly nodeStatus: NodeStatusReporter;
  private syncTimer: number | undefined;
  private ipam: PodIPAM | undefined;
  private bootedAtMs: number;
  private removed = false;
  /** Pod IP → `namespace/name`, for in-cluster connections to pod IPs. */
  private readonly podByIP = new Map<string, string>();
  /** Cluster networking as seen from a pod (DNS, Services, other pods); set by the cluster. */
  network: PodNetworkAccess | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    node: Stored<Node>,
    readonly index: number,
  ) {
    this.nodeName = node.metadata.name;
    this.runtime = new ContainerRuntime(ctx.clock);
    const internal = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    const n = index + 2;
    this.identity = {
      machineID: hex64(`machine:${this.nodeName}`).slice(0, 32),
      systemUUID: uuidFrom(hex64(`uuid:${this.nodeName}`)),
      bootID: uuidFrom(hex64(`boot:${this.nodeName}:0`)),
      internalIP: internal ?? `172.18.${Math.floor(n / 256)}.${n % 256}`,
    };
    this.bootedAtMs = ctx.clock.now();
    this.statusManager = new StatusManager(this);
    this.staticPods = new StaticPodManager(this);
    this.nodeStatus = new NodeStatusReporter(this);
    this.actor = createActor(kubeletMachine, { input: { host: this }, clock: ctx.clock });
  }

  get api() {
    return this.ctx.api;
  }
  get clock() {
    return this.ctx.clock;
  }
  get cues() {
    return this.ctx.cues;
  }
  get hostIP(): string {
    return this.identity.internalIP;
  }

  boot(): void {
    this.actor.start();
  }

  get state(): KubeletState {
    return this.actor.getSnapshot().value as KubeletState;
  }

  /** Whether the kubelet can talk to the API server now. */
  get reachable(): boolean {
    return this.state === 'running' && this.ctx.api.isAvailable();
  }

  /** The Node object was deleted: this kubelet is gone. */
  get disposed(): boolean {
    return this.removed;
  }

  /** Whether the kubelet may start containers now (its machine on, the Node not deleted). */
  get canRun(): boolean {
    return this.state !== 'poweredOff' && !this.removed;
  }

  // ---------------------------------------------------------------- faults

  powerOff(): void {
    this.actor.send({ type: 'POWER_OFF' });
  }
  powerOn(): void {
    this.actor.send({ type: 'POWER_ON' });
  }
  setPartitioned(partitioned: boolean): void {
    this.actor.send({ type: partitioned ? 'PARTITION' : 'HEAL' });
  }

  /** The container's process dies (kill -9 from inside the node, or a crash): exit 137, then restartPolicy. */
  killContainer(namespace: string, pod: string, container: string, exitCode = 137): boolean {
    const slot = this.slot(namespace, pod, container);
    if (!slot?.running) return false;
    slot.worker.processExited(slot, exitCode, exitCode === 137 ? 'Error' : undefined, true);
    return true;
  }

  /** Forces a probe's result (false: fails, true: passes, undefined: back to what the container does). */
  setProbeResult(namespace: string, pod: string, container: string, probe: ProbeKind, ok: boolean | undefined): boolean {
    const slot = this.slot(namespace, pod, container);
    if (!slot) return false;
    if (ok === undefined) delete slot.overrides.probe[probe];
    else slot.overrides.probe[probe] = ok;
    return true;
  }

  /** Sets a container's CPU use (millicores), or clears the override. */
  setCpuLoad(namespace: string, pod: string, container: string, cpuMilli: number | undefined): boolean {
    const slot = this.slot(namespace, pod, container);
    if (!slot) return false;
    if (cpuMilli === undefined) delete slot.overrides.cpuMilli;
    else slot.overrides.cpuMilli = cpuMilli;
    return true;
  }

  /** Adds CPU from traffic on top of the container's own figure. */
  addCpuLoad(namespace: string, pod: string, container: string, extraMilli: number): void {
    const slot = this.slot(namespace, pod, container);
    if (slot) slot.overrides.extraCpuMilli = Math.max(0, extraMilli);
  }

  /**
   * A request reached a container (the proxy's simulated traffic): the program writes its access log
   * line. Returns the HTTP status it answers with (0 when nothing listens: the container is not running).
   */
  serveRequest(namespace: string, pod: string, req: { clientIP: string; method?: string; path?: string; userAgent?: string }, container?: string): number {
    const code = this.httpStatus(namespace, pod, container);
    const inst = this.slot(namespace, pod, container)?.current;
    if (code === 0 || !inst) return 0;
    const now = this.ctx.clock.now();
    const method = req.method ?? 'GET';
    const path = req.path ?? '/';
    const agent = req.userAgent ?? 'Wget';
    const line = accessLogLine(inst.plan.program, req.clientIP, method, path, agent, code, now);
    if (line) inst.log.append(now, line);
    return code;
  }

  /** The HTTP status a request to the container would get now, without serving it (0 when nothing listens). */
  httpStatus(namespace: string, pod: string, container?: string): number {
    const slot = this.slot(namespace, pod, container);
    const inst = slot?.current;
    if (!slot?.running || !inst) return 0;
    const failing = inst.plan.httpFailsAfterMs !== undefined && this.ctx.clock.now() - inst.startedMs >= inst.plan.httpFailsAfterMs;
    return failing ? 500 : 200;
  }

  /** Whether a load-generating container ever started here: until then the traffic loop skips this node. */
  private loadClients = false;

  loadClientStarted(): void {
    this.loadClients = true;
  }

  /** Running containers that keep requesting a URL (the HPA walkthrough's load generator). */
  loadGenerators(): LoadGenerator[] {
    const out: LoadGenerator[] = [];
    if (!this.loadClients) return out;
    for (const w of this.workers.values()) {
      for (const s of w.slots) {
        const url = s.current?.plan.loadTarget;
        if (url && s.running) out.push({ namespace: w.namespace, pod: w.pod.metadata.name, container: s.name, url, periodMs: s.current?.plan.loop?.periodMs });
      }
    }
    return out;
  }

  slot(namespace: string, pod: string, container?: string): ContainerSlot | undefined {
    const w = this.workers.get(`${namespace}/${pod}`);
    if (!w) return undefined;
    return container === undefined ? w.slots.find((s) => s.kind === 'regular') : w.slots.find((s) => s.name === container);
  }

  worker(namespace: string, pod: string): PodWorker | undefined {
    return this.workers.get(`${namespace}/${pod}`);
  }

  get podCount(): number {
    return this.workers.size;
  }

  // ---------------------------------------------------------------- KubeletHost (machine actions)

  heartbeat(): void {
    if (!this.ctx.api.isAvailable() || this.removed) return;
    this.nodeStatus.ensureDefaultLabels();
    renewNodeLease(this.ctx.api, this.nodeName, this.ctx.clock.now());
    this.nodeStatus.report(false);
    if (this.staticPods.inUse) this.staticPods.syncMirrorPods();
    if (this.statusManager.hasWork) this.statusManager.scheduleFlush();
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'heartbeat', node: this.nodeName });
  }

  stopAllContainers(): void {
    for (const w of this.workers.values()) w.dispose();
    this.workers.clear();
    this.staticPods.forgetWorkers();
    this.statusManager.clear();
    this.pending.clear();
  }

  /** The machine is back: the kubelet starts afresh, lists its pods and starts their containers again. */
  bootAgain(): void {
    this.bootedAtMs = this.ctx.clock.now();
    this.identity.bootID = uuidFrom(hex64(`boot:${this.nodeName}:${this.bootedAtMs}`));
    this.staticPods.startAll();
    this.relist();
  }

  /**
   * The network is back. The status manager reconciles every pod's status with the API server's
   * (status_manager.go syncBatch/needsReconcile): while it was cut off, the node lifecycle controller
   * set its pods' Ready condition to False, and those pods are Ready again only once the kubelet writes.
   * Writes that change nothing are dropped by the API server.
   */
  reconnect(): void {
    for (const w of this.workers.values()) this.markDirty(w);
    this.relist();
  }

  private relist(): void {
    if (!this.ctx.api.isAvailable()) return;
    const live = new Set<string>();
    for (const pod of this.ctx.api.peekList<Pod>('Pod', { nodeName: this.nodeName })) {
      const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
      live.add(key);
      if (isMirrorPod(pod) || this.staticPods.runs(key)) continue;
      this.pending.set(key, { pod, uid: pod.metadata.uid });
    }
    for (const [key, w] of this.workers) if (!live.has(key) && !this.staticPods.runs(key)) this.pending.set(key, { pod: undefined, uid: w.uid });
    this.scheduleSync();
    if (this.staticPods.inUse) this.staticPods.scheduleMirrorSync();
  }

  // ---------------------------------------------------------------- pods from the watch

  /** Called from the (single) Pod watch: only records the work. */
  enqueuePod(key: string, pod: Stored<Pod> | undefined, uid: string): void {
    if (this.state !== 'running' || this.removed) return;
    this.pending.set(key, { pod, uid });
    this.scheduleSync();
  }

  private scheduleSync(): void {
    if (this.syncTimer !== undefined) return;
    this.syncTimer = this.ctx.clock.setTimeout(() => {
      this.syncTimer = undefined;
      this.syncPods();
    }, 0);
  }

  private syncPods(): void {
    if (this.state !== 'running' || this.removed) return;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [key, { pod, uid }] of batch) {
      // A mirror pod (or its name) changed in the API: the static pod runs on; its mirror is re-synced.
      if (this.staticPods.runs(key) || (pod && isMirrorPod(pod))) {
        this.staticPods.scheduleMirrorSync();
        continue;
      }
      let worker = this.workers.get(key);
      if (worker && (!pod || worker.uid !== pod.metadata.uid)) {
        if (worker.uid === uid || !pod) {
          // Gone from the API (force delete, or it finished its graceful deletion): stop everything.
          worker.dispose();
          this.workers.delete(key);
          this.statusManager.forget(worker);
          worker = undefined;
        }
      }
      if (!pod) continue;
      if (!worker) {
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed') continue;
        if (pod.metadata.deletionTimestamp) {
          // Never started here: nothing to stop, confirm the deletion.
          this.statusManager.tryDelete(pod);
          continue;
        }
        worker = new PodWorker(this, pod);
        this.workers.set(key, worker);
        worker.start();
        continue;
      }
      worker.pod = pod;
      if (pod.metadata.deletionTimestamp && !worker.terminating) {
        if (worker.finished) {
          worker.removed = true;
          this.podTerminated(worker);
        } else worker.terminate(pod.metadata.deletionGracePeriodSeconds ?? worker.gracePeriodSeconds);
      }
    }
  }

  // ---------------------------------------------------------------- static pods (mirrorPods.ts)

  /** Writes (`manifest`) or removes (undefined) the file `<name>.yaml` in staticPodPath (see StaticPodManager.setManifest). */
  setStaticPodManifest(name: string, manifest: Pod | undefined): void {
    this.staticPods.setManifest(name, manifest);
  }

  /** The manifest names in staticPodPath. */
  staticPodManifests(): string[] {
    return this.staticPods.manifestNames();
  }

  /** The static pod made of manifest `name` (its UID is the config hash), if that file exists. */
  staticPod(name: string): Stored<Pod> | undefined {
    return this.staticPods.pod(name);
  }

  /** The mirror pod upkeep (see StaticPodManager.syncMirrorPods). */
  syncMirrorPods(): void {
    this.staticPods.syncMirrorPods();
  }

  /** StaticPodHost: a worker for a static pod, registered with the others. */
  createWorker(pod: Stored<Pod>): PodWorker {
    const worker = new PodWorker(this, pod);
    this.workers.set(worker.key, worker);
    return worker;
  }

  /** StaticPodHost: a static pod's manifest is gone. */
  removeWorker(w: PodWorker): void {
    w.dispose();
    this.workers.delete(w.key);
    this.statusManager.forget(w);
  }

  isStatic(worker: PodWorker): boolean {
    return this.staticPods.isStatic(worker);
  }

  // ---------------------------------------------------------------- KubeletServices

  allocateIP(podKey: string): string {
    if (!this.ipam) {
      const node = this.ctx.api.peek<Node>('Node', undefined, this.nodeName);
      this.ipam = new PodIPAM(node?.spec?.podCIDR ?? fallbackPodCidr(this.index));
    }
    const ip = this.ipam.allocate(podKey);
    this.podByIP.set(ip, podKey);
    return ip;
  }

  releaseIP(podKey: string): void {
    const w = this.workers.get(podKey);
    if (w?.podIP && this.podByIP.get(w.podIP) === podKey) this.podByIP.delete(w.podIP);
    this.ipam?.release(podKey);
  }

  /** The pod worker whose sandbox has this IP (the node's bridge delivers packets for its pod CIDR). */
  workerByIP(ip: string): PodWorker | undefined {
    const key = this.podByIP.get(ip);
    const w = key ? this.workers.get(key) : undefined;
    return w && w.podIP === ip ? w : undefined;
  }

  markDirty(worker: PodWorker): void {
    this.statusManager.markDirty(worker);
  }

  podTerminated(worker: PodWorker): void {
    this.statusManager.podTerminated(worker);
  }

  event(worker: PodWorker, slot: ContainerSlot | undefined, type: EventType, reason: string, message: string): void {
    if (!this.reachable || !this.ctx.events.enabled) return;
    const pod = worker.pod;
    this.ctx.events.record(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.metadata.name, namespace: worker.namespace, uid: worker.uid, resourceVersion: pod.metadata.resourceVersion } },
      type,
      reason,
      message,
      { component: 'kubelet', host: this.nodeName },
      slot?.fieldPath,
    );
  }

  cue(cue: Cue): void {
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit(cue);
  }

  newContainerId(): string {
    let out = '';
    for (let i = 0; i < 8; i++) out += Math.floor(this.ctx.random.next() * 4294967296).toString(16).padStart(8, '0');
    return out;
  }

  resolvesHost(host: string, namespace: string): boolean {
    if (!clusterDnsServes(this.ctx.api)) return false;
    const parts = host.replace(/\.$/, '').replace(/\.cluster\.local$/, '').replace(/\.svc$/, '').split('.');
    const name = parts[0] ?? '';
    const ns = parts[1] ?? namespace;
    return this.ctx.api.peek('Service', ns, name) !== undefined;
  }

  currentPod(worker: PodWorker): Stored<Pod> | undefined {
    return this.ctx.api.peek<Pod>('Pod', worker.namespace, worker.pod.metadata.name);
  }

  // ---------------------------------------------------------------- node status (nodeStatusReporter.ts)

  /** Posts node status when it changed or nodeStatusReportFrequency has passed (`force`: always). */
  reportNodeStatus(force: boolean): void {
    this.nodeStatus.report(force);
  }

  // ---------------------------------------------------------------- logs and metrics

  logs(pod: Stored<Pod>, req: ContainerLogRequest): string[] {
    const w = this.workers.get(`${req.namespace}/${req.pod}`);
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    const name = req.container ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec?.containers?.[0]?.name ?? '';
    if (!containers.some((c) => c.name === name)) throw new ApiError('BadRequest', `container ${name} is not valid for pod ${req.pod}`);
    const slot = w?.slots.find((s) => s.name === name);
    if (!this.reachable && this.state === 'poweredOff') {
      throw new ApiError('InternalError', `Get "https://${this.hostIP}:10250/containerLogs/${req.namespace}/${req.pod}/${name}": dial tcp ${this.hostIP}:10250: connect: no route to host`);
    }
    const instance = req.previous ? slot?.previous : slot?.current;
    if (!instance) {
      if (req.previous) throw new ApiError('BadRequest', `previous terminated container "${name}" in pod "${req.pod}" not found`);
      const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === name);
      const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
      const why = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
      throw new ApiError('BadRequest', `container "${name}" in pod "${req.pod}" is waiting to start: ${why}`);
    }
    const lines = instance.log.read(this.ctx.clock.now(), req.tail !== undefined && req.tail >= 0 ? req.tail : undefined);
    const after = req.afterMs;
    return (after === undefined ? lines : lines.filter((l) => l.atMs > after)).map((l) => l.text);
  }

  /** The kubelet's exec endpoint (CRI ExecSync in the container). */
  exec(pod: Stored<Pod>, req: ContainerExecRequest): ContainerExecResult {
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    if (!containers.some((c) => c.name === req.container)) throw new ApiError('BadRequest', `container ${req.container} is not valid for pod ${req.pod}`);
    if (!this.reachable && this.state === 'poweredOff') {
      throw new StreamError(`Error from server: error dialing backend: dial tcp ${this.hostIP}:10250: connect: no route to host`);
    }
    const w = this.workers.get(`${req.namespace}/${req.pod}`);
    const slot = w?.slots.find((s) => s.name === req.container);
    const outcome = slot && w ? w.execIn(slot, req.command, true) : undefined;
    if (!outcome) throw new StreamError(`error: unable to upgrade connection: container not found ("${req.container}")`);
    if (outcome.kind === 'not-found') {
      throw new StreamError(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${this.newContainerId()}": ${outcome.message}`);
    }
    return { output: outcome.output.map((o) => (o.stderr ? { text: o.text, stderr: true } : { text: o.text })), exitCode: outcome.exitCode, endless: outcome.durationMs === Infinity };
  }

  podMetrics(namespace: string, name: string): PodMetrics | undefined {
    if (!this.reachable) return undefined;
    const w = this.workers.get(`${namespace}/${name}`);
    if (!w) return undefined;
    const now = this.ctx.clock.now();
    const containers: PodMetrics['containers'] = [];
    for (const slot of w.slots) {
      if (!slot.running || !slot.current) continue;
      if (now - slot.current.startedMs < METRICS_AFTER_MS) return undefined;
      const u = w.usage(slot);
      if (u) containers.push({ name: slot.name, cpuMilli: u.cpuMilli, memoryBytes: u.memoryBytes });
    }
    return containers.length > 0 ? { namespace, name, containers } : undefined;
  }

  nodeMetrics(): NodeMetrics | undefined {
    if (!this.reachable) return undefined;
    const now = this.ctx.clock.now();
    if (now - this.bootedAtMs < METRICS_AFTER_MS) return undefined;
    let cpu = SYSTEM_CPU_MILLI + (this.index % 7) * 3;
    let mem = SYSTEM_MEMORY_BYTES + (this.index % 5) * 17 * 1024 * 1024;
    for (const w of this.workers.values()) {
      for (const slot of w.slots) {
        const u = w.usage(slot);
        if (u) {
          cpu += u.cpuMilli;
          mem += u.memoryBytes;
        }
      }
    }
    return { name: this.nodeName, cpuMilli: Math.round(cpu), memoryBytes: Math.round(mem) };
  }

  /** The Node object was deleted: the machine is gone. */
  dispose(): void {
    this.removed = true;
    this.stopAllContainers();
    this.actor.stop();
    this.runtime.dispose();
    if (this.syncTimer !== undefined) this.ctx.clock.clearTimeout(this.syncTimer);
    this.statusManager.dispose();
    this.staticPods.dispose();
  }

  /** The Node object changed (a pod CIDR assigned, capacity edited): picked up at the next report. */
  nodeUpdated(node: Stored<Node>): void {
    if (!this.ipam && node.spec?.podCIDR) this.ipam = new PodIPAM(node.spec.podCIDR);
  }
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
