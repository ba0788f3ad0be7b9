/**
 * One node's kubelet: it registers the node's status, renews the node Lease every 10 s, runs a pod
 * worker for each pod bound to the node, and writes their status. Its own life (running, partitioned
 * from the API server, powered off) is the kubeletMachine actor, so the fault catalogue can stop a
 * machine or cut it off and the node lifecycle controller sees the heartbeats stop.
 */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createActor, type Actor } from 'xstate';
import { ApiError } from '../apiserver/errors';
import { KubectlError } from '../kubectl/errors';
import type { EventType } from '../apiserver/events';
import type { ControllerContext } from '../controllers/controllerRuntime';
import type { Cue } from '../cues';
import type { ContainerExecRequest, ContainerExecResult, ContainerLogRequest, NodeMetrics, PodMetrics } from '../kubectl/host';
import type { Stored } from '../objects';
import { accessLogLine } from '../runtime/accessLog';
import { hex64 } from '../runtime/digest';
import { ContainerRuntime } from '../runtime/containerRuntime';
import { kubeletMachine, type KubeletHost } from './kubeletMachine';
import { buildNodeStatus, statusFingerprint, type NodeIdentity, type NodePressure } from './nodeStatus';
import { buildPodStatus } from './podStatus';
import { fallbackPodCidr, PodIPAM } from './podIPAM';
import { PodWorker, type ContainerSlot } from './podWorker';
import { isMirrorPod, mirrorHash, mirrorPodOf, STATIC_POD_PATH, staticPodFromFile } from './staticPods';
import type { KubeletServices } from './kubeletServices';
import type { ProbeKind } from './probes';
import { microTime, rfc3339 } from './timestamps';
import { clusterDnsServes } from '../proxy/dns';
import type { PodNetworkAccess } from './kubeletServices';

/** nodeStatusReportFrequency: the full status is posted on change, or at least this often. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** leaseDurationSeconds of the node Lease (kubelet's nodeLeaseDurationSeconds default). */
export const NODE_LEASE_DURATION_SECONDS = 40;
/** metrics-server's first scrape: a container has metrics once it has run this long. */
export const METRICS_AFTER_MS = 15_000;
/** What kubelet, containerd and the system use on an idle node (kubectl top node on a kind node). */
const SYSTEM_CPU_MILLI = 85;
const SYSTEM_MEMORY_BYTES = 640 * 1024 * 1024;

export type KubeletState = 'running' | 'partitioned' | 'poweredOff';

/** A running container whose script keeps requesting a URL; `periodMs`: one loop iteration (one request). */
export interface LoadGenerator {
  namespace: string;
  pod: string;
  container: string;
  url: string;
  periodMs: number | undefined;
}

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
  private readonly dirty = new Set<PodWorker>();
  private readonly deletions = new Set<PodWorker>();
  private syncTimer: number | undefined;
  private flushTimer: number | undefined;
  private ipam: PodIPAM | undefined;
  private lastStatusReportMs = -Infinity;
  private lastWrittenNode: Stored<Node> | undefined;
  private reportedImagesVersion = -1;
  private reportedPressure = '';
  private bootedAtMs: number;
  private disposed = false;
  /** The files in staticPodPath: manifest name → the static pod the kubelet made of it. */
  private readonly staticPods = new Map<string, Stored<Pod>>();
  /** Workers of static pods, by `namespace/name` (also in `workers`). */
  private readonly staticWorkers = new Map<string, PodWorker>();
  /** Whether this kubelet ever ran a static pod (only then does it look for mirror pods to clean up). */
  private hadStaticPods = false;
  private defaultLabelsSet = false;
  private mirrorTimer: number | undefined;
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
    this.actor = createActor(kubeletMachine, { input: { host: this }, clock: ctx.clock });
  }

  get api() {
    return this.ctx.api;
  }
  get clock() {
    return this.ctx.clock;
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
    if (!this.ctx.api.isAvailable() || this.disposed) return;
    this.ensureDefaultLabels();
    this.renewLease();
    this.reportNodeStatus(false);
    if (this.hadStaticPods) this.syncMirrorPods();
    if (this.dirty.size > 0 || this.deletions.size > 0) this.scheduleFlush();
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'heartbeat', node: this.nodeName });
  }

  stopAllContainers(): void {
    for (const w of this.workers.values()) w.dispose();
    this.workers.clear();
    this.staticWorkers.clear();
    this.dirty.clear();
    this.deletions.clear();
    this.pending.clear();
  }

  /** The machine is back: the kubelet starts afresh, lists its pods and starts their containers again. */
  bootAgain(): void {
    this.bootedAtMs = this.ctx.clock.now();
    this.identity.bootID = uuidFrom(hex64(`boot:${this.nodeName}:${this.bootedAtMs}`));
    for (const pod of this.staticPods.values()) this.startStaticPod(pod);
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
      if (isMirrorPod(pod) || this.staticWorkers.has(key)) continue;
      this.pending.set(key, { pod, uid: pod.metadata.uid });
    }
    for (const [key, w] of this.workers) if (!live.has(key) && !this.staticWorkers.has(key)) this.pending.set(key, { pod: undefined, uid: w.uid });
    this.scheduleSync();
    if (this.hadStaticPods) this.scheduleMirrorSync();
  }

  // ---------------------------------------------------------------- pods from the watch

  /** Called from the (single) Pod watch: only records the work. */
  enqueuePod(key: string, pod: Stored<Pod> | undefined, uid: string): void {
    if (this.state !== 'running' || this.disposed) return;
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
    if (this.state !== 'running' || this.disposed) return;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [key, { pod, uid }] of batch) {
      // A mirror pod (or its name) changed in the API: the static pod runs on; its mirror is re-synced.
      if (this.staticWorkers.has(key) || (pod && isMirrorPod(pod))) {
        this.scheduleMirrorSync();
        continue;
      }
      let worker = this.workers.get(key);
      if (worker && (!pod || worker.uid !== pod.metadata.uid)) {
        if (worker.uid === uid || !pod) {
          // Gone from the API (force delete, or it finished its graceful deletion): stop everything.
          worker.dispose();
          this.workers.delete(key);
          this.dirty.delete(worker);
          this.deletions.delete(worker);
          worker = undefined;
        }
      }
      if (!pod) continue;
      if (!worker) {
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed') continue;
        if (pod.metadata.deletionTimestamp) {
          // Never started here: nothing to stop, confirm the deletion.
          this.tryDelete(pod);
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

  // ---------------------------------------------------------------- static pods

  /**
   * Writes (`manifest`) or removes (undefined) the file `<name>.yaml` in staticPodPath, as kubeadm and
   * an administrator do. A new file starts its pod at once; a removed one stops it (the process exits,
   * the mirror pod is deleted).
   */
  setStaticPodManifest(name: string, manifest: Pod | undefined): void {
    const old = this.staticPods.get(name);
    if (old) {
      this.staticPods.delete(name);
      const w = this.staticWorkers.get(`${old.metadata.namespace ?? 'default'}/${old.metadata.name}`);
      if (w) this.removeStaticWorker(w);
    }
    if (manifest) {
      const pod = staticPodFromFile(manifest, this.nodeName, `${STATIC_POD_PATH}/${name}.yaml`, this.ctx.clock.now());
      this.staticPods.set(name, pod);
      this.hadStaticPods = true;
      if (this.state !== 'poweredOff' && !this.disposed) this.startStaticPod(pod);
    }
    this.scheduleMirrorSync();
  }

  /** The manifest names in staticPodPath. */
  staticPodManifests(): string[] {
    return [...this.staticPods.keys()];
  }

  /** The static pod made of manifest `name` (its UID is the config hash), if that file exists. */
  staticPod(name: string): Stored<Pod> | undefined {
    return this.staticPods.get(name);
  }

  private startStaticPod(pod: Stored<Pod>): void {
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    if (this.staticWorkers.has(key)) return;
    const worker = new PodWorker(this, pod);
    this.workers.set(key, worker);
    this.staticWorkers.set(key, worker);
    worker.start();
  }

  private removeStaticWorker(w: PodWorker): void {
    w.dispose();
    this.workers.delete(w.key);
    this.staticWorkers.delete(w.key);
    this.dirty.delete(w);
    this.deletions.delete(w);
  }

  private scheduleMirrorSync(): void {
    if (this.mirrorTimer !== undefined || this.disposed) return;
    this.mirrorTimer = this.ctx.clock.setTimeout(() => {
      this.mirrorTimer = undefined;
      this.syncMirrorPods();
    }, 0);
  }

  /**
   * The kubelet's mirror pod upkeep (syncPod and HandlePodCleanups): each running static pod has exactly
   * one mirror pod with its hash. A mirror pod being deleted, or of another hash, is deleted at once
   * (grace period 0) and created again; a mirror pod whose file is gone is deleted. Unreachable API
   * server: retried at the next heartbeat.
   */
  syncMirrorPods(): void {
    if (!this.reachable || this.disposed) return;
    const node = this.ctx.api.peek<Node>('Node', undefined, this.nodeName);
    if (!node) return;
    const api = this.ctx.api;
    try {
      const wanted = new Set<string>();
      for (const [key, w] of this.staticWorkers) {
        wanted.add(w.uid);
        const [namespace, name] = key.split('/') as [string, string];
        let current = api.peek<Pod>('Pod', namespace, name);
        if (current && !isMirrorPod(current)) continue; // a pod of the API took the name: CreateMirrorPod fails
        if (current && (current.metadata.deletionTimestamp || mirrorHash(current) !== w.uid)) {
          api.delete('Pod', namespace, name, { gracePeriodSeconds: 0 });
          current = undefined;
        }
        if (!current) {
          const staticPod = [...this.staticPods.values()].find((p) => p.metadata.uid === w.uid);
          if (!staticPod) continue;
          api.create(mirrorPodOf(staticPod, node));
          this.markDirty(w);
        }
      }
      for (const pod of api.peekList<Pod>('Pod', { nodeName: this.nodeName })) {
        const hash = mirrorHash(pod);
        if (hash !== undefined && !wanted.has(hash)) api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
      }
    } catch {
      // the API server went away mid-way: the next heartbeat finishes the job
    }
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
    this.dirty.add(worker);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = this.ctx.clock.setTimeout(() => {
      this.flushTimer = undefined;
      this.flushStatuses();
    }, 0);
  }

  /** The status manager: writes each changed pod's status once per instant. */
  private flushStatuses(): void {
    if (!this.reachable) return;
    const now = rfc3339(this.ctx.clock.now());
    for (const w of this.dirty) {
      const current = this.ctx.api.peek<Pod>('Pod', w.namespace, w.pod.metadata.name);
      const isStatic = this.staticWorkers.get(w.key) === w;
      // A static pod's status goes to its mirror pod (the status manager translates the UID).
      const target = isStatic ? current && mirrorHash(current) === w.uid && !current.metadata.deletionTimestamp : current?.metadata.uid === w.uid;
      if (!current || !target) {
        this.dirty.delete(w);
        continue;
      }
      const status = buildPodStatus(w, current, this.hostIP, now);
      try {
        // The kubelet's status manager writes as `kubelet` from its node (the journey replay reads the name).
        const stored = this.ctx.api.actingAs(`kubelet/${this.nodeName}`, () =>
          this.ctx.api.updateStatus<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: current.metadata.name, namespace: w.namespace }, status }),
        );
        if (!isStatic) w.pod = stored;
        this.dirty.delete(w);
      } catch {
        return; // API server unreachable: retried at the next heartbeat
      }
    }
    for (const w of [...this.deletions]) {
      if (this.dirty.has(w)) continue;
      this.deletions.delete(w);
      this.tryDelete(w.pod, w);
    }
  }

  private tryDelete(pod: Stored<Pod>, worker?: PodWorker): void {
    if (!this.reachable) {
      if (worker) this.deletions.add(worker);
      return;
    }
    try {
      const current = this.ctx.api.peek<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
      if (current && current.metadata.uid === pod.metadata.uid) this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    } catch {
      if (worker) this.deletions.add(worker);
    }
  }

  podTerminated(worker: PodWorker): void {
    // Final status first (containers terminated), then the deletion with grace period 0.
    this.deletions.add(worker);
    this.markDirty(worker);
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

  // ---------------------------------------------------------------- heartbeats

  /**
   * The labels every kubelet puts on its Node (kubelet_node_status.go updateDefaultLabels): hostname,
   * OS and architecture, so that nodeSelectors such as kube-proxy's `kubernetes.io/os: linux` match.
   */
  private ensureDefaultLabels(): void {
    if (this.defaultLabelsSet) return;
    const node = this.ctx.api.peek<Node>('Node', undefined, this.nodeName);
    if (!node) return;
    const labels = node.metadata.labels ?? {};
    const wanted: Record<string, string> = { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': this.nodeName, 'kubernetes.io/os': 'linux' };
    const missing = Object.entries(wanted).filter(([k]) => labels[k] === undefined);
    try {
      if (missing.length > 0) this.ctx.api.update<Node>({ ...node, metadata: { ...node.metadata, labels: { ...labels, ...Object.fromEntries(missing) } } });
      this.defaultLabelsSet = true;
    } catch {
      // retried at the next heartbeat
    }
  }

  private renewLease(): void {
    const now = this.ctx.clock.now();
    const lease = this.ctx.api.peek<Lease>('Lease', 'kube-node-lease', this.nodeName);
    try {
      if (!lease) {
        const node = this.ctx.api.peek<Node>('Node', undefined, this.nodeName);
        if (!node) return;
        this.ctx.api.create<Lease>({
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name: this.nodeName,
            namespace: 'kube-node-lease',
            ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid }],
          },
          spec: { holderIdentity: this.nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(now) },
        });
      } else {
        this.ctx.api.update<Lease>({ ...lease, spec: { ...lease.spec, renewTime: microTime(now) } });
      }
    } catch {
      // unreachable or the namespace is gone: the next heartbeat tries again
    }
  }

  /** Posts node status when it changed or nodeStatusReportFrequency has passed (`force`: always). */
  reportNodeStatus(force: boolean): void {
    const node = this.ctx.api.peek<Node>('Node', undefined, this.nodeName);
    if (!node) return;
    const now = this.ctx.clock.now();
    const due = force || now - this.lastStatusReportMs >= NODE_STATUS_REPORT_MS;
    // Cheap test first: the Node is still the object this kubelet last wrote and nothing it reports moved.
    const untouched = node === this.lastWrittenNode && this.runtime.imagesVersion === this.reportedImagesVersion && this.pressureKey() === this.reportedPressure;
    if (!due && untouched) return;
    const status = buildNodeStatus(node, this.identity, this.runtime.imageList(), this.pressure, rfc3339(now));
    const changed = !node.status?.nodeInfo || statusFingerprint(status) !== statusFingerprint(node.status);
    if (!due && !changed) {
      this.lastWrittenNode = node;
      return;
    }
    try {
      this.lastWrittenNode = this.ctx.api.updateStatus<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: this.nodeName }, status });
      this.reportedImagesVersion = this.runtime.imagesVersion;
      this.reportedPressure = this.pressureKey();
      this.lastStatusReportMs = now;
      if (changed && this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'node-condition', node: this.nodeName, ready: 'True' });
    } catch {
      // retried at the next heartbeat
    }
  }

  private pressureKey(): string {
    return `${this.pressure.memory}${this.pressure.disk}${this.pressure.pid}`;
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
      throw new KubectlError(`Error from server: error dialing backend: dial tcp ${this.hostIP}:10250: connect: no route to host`);
    }
    const w = this.workers.get(`${req.namespace}/${req.pod}`);
    const slot = w?.slots.find((s) => s.name === req.container);
    const outcome = slot && w ? w.execIn(slot, req.command, true) : undefined;
    if (!outcome) throw new KubectlError(`error: unable to upgrade connection: container not found ("${req.container}")`);
    if (outcome.kind === 'not-found') {
      throw new KubectlError(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${this.newContainerId()}": ${outcome.message}`);
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
    this.disposed = true;
    this.stopAllContainers();
    this.actor.stop();
    this.runtime.dispose();
    if (this.syncTimer !== undefined) this.ctx.clock.clearTimeout(this.syncTimer);
    if (this.flushTimer !== undefined) this.ctx.clock.clearTimeout(this.flushTimer);
    if (this.mirrorTimer !== undefined) this.ctx.clock.clearTimeout(this.mirrorTimer);
  }

  /** The Node object changed (a pod CIDR assigned, capacity edited): picked up at the next report. */
  nodeUpdated(node: Stored<Node>): void {
    if (!this.ipam && node.spec?.podCIDR) this.ipam = new PodIPAM(node.spec.podCIDR);
  }
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
