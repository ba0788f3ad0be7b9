/**
 * VMs vs containers, inside the box: what a process sees.
 *
 * - One machine: a container is an ordinary process of the host (the host sees it as PID 48213), fenced
 *   by six namespaces (PIDs, network, mounts, hostname, IPC, users) and capped by cgroups: over its CPU
 *   quota it is throttled, at its memory limit the kernel's OOM killer ends it (exit 137) and the kubelet
 *   restarts it with a growing back-off.
 * - A VM beside it brings its own kernel (another `uname -r`), and pays for it in memory and boot time.
 * - The shared kernel has a price: an image built for another CPU cannot run. This part is the real
 *   engine: a cluster with two amd64 nodes and one arm64 node, a Deployment of an arm64-only image, pods
 *   crash-looping with `exec format error` on the amd64 nodes, and the fix, a nodeSelector on
 *   `kubernetes.io/arch`.
 */
import { createCluster, type Cluster } from '../../cluster';
import { nodeManifest } from '../../scenarios/presets';
import { ConceptLog } from '../conceptLog';
import { checkKnob, defaultKnobs, type ActionSpec, type ConceptHealth, type ConceptMetric, type ConceptModel, type ConceptNode, type ConceptResult, type ConceptView, type KnobSpec, type KnobValue } from '../types';

export const VMC_KNOBS: readonly KnobSpec[] = [
  { id: 'cpuDemand', kind: 'number', min: 0.1, max: 8, step: 0.1, default: 1, unit: 'cores' },
  { id: 'cpuLimit', kind: 'number', min: 0.1, max: 8, step: 0.1, default: 0.5, unit: 'cores' },
  { id: 'appMemoryMiB', kind: 'number', min: 16, max: 8192, step: 16, default: 192, unit: 'MiB' },
  { id: 'memoryLimitMiB', kind: 'number', min: 32, max: 8192, step: 16, default: 256, unit: 'MiB' },
  { id: 'userNamespace', kind: 'boolean', default: false },
  { id: 'image', kind: 'choice', options: ['kuard-arm64', 'kuard-amd64'], default: 'kuard-arm64' },
  { id: 'archSelector', kind: 'boolean', default: false },
];

export const VMC_ACTIONS: readonly ActionSpec[] = [{ id: 'restart' }];

/** What the host's own `uname -r` says, and what the VM's guest says (its own kernel). */
export const HOST_KERNEL = '6.1.0-28-amd64';
export const GUEST_KERNEL = '6.8.0-49-generic';
/** The container's process as the host's PID namespace numbers it. */
export const HOST_PID = 48213;
/** User namespaces map the container's root to an unprivileged range on the host (hostUsers: false). */
export const MAPPED_ROOT_UID = 65536;
/** The kernel's answer to a cgroup's memory limit: SIGKILL, which the kubelet reports as exit 137 (128 + 9), OOMKilled. */
export const OOM_EXIT_CODE = 137;
/** The app's memory grows from its start to its working set in this long. */
const MEMORY_RAMP_MS = 4000;
const START_MEMORY_MIB = 12;
/** The kubelet's restart back-off: 10 s, doubling, at most 5 minutes (kubelet's CrashLoopBackOff). */
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const CONTAINER_START_MS = 600;
/** The VM beside it: its guest OS's memory, and its boot. */
const VM_GUEST_MEMORY_MIB = 512;
const VM_BOOT_MS = 22_000;
const PULSE_MS = 1500;

const NODES = [
  { name: 'amd64-a', arch: 'amd64' as const, zone: 'zone-a' },
  { name: 'amd64-b', arch: 'amd64' as const, zone: 'zone-b' },
  { name: 'arm64-a', arch: 'arm64' as const, zone: 'zone-a' },
];

interface PodInfo {
  name: string;
  node: string;
  phase: string;
  ready: boolean;
  restarts: number;
  waiting?: string;
  lastExit?: number;
}

export class VmVsContainerModel implements ConceptModel {
  readonly id = 'vm-vs-container' as const;
  readonly knobs = VMC_KNOBS;
  readonly actions = VMC_ACTIONS;
  private values: Record<string, KnobValue> = defaultKnobs(VMC_KNOBS);
  private now = 0;
  private readonly log = new ConceptLog();
  /** The container on the single machine: when its current run started, restarts, last exit. */
  private startedAt = 0;
  private running = true;
  private restartAt = 0;
  private restarts = 0;
  private lastExit: number | undefined;
  private killedAt = -Infinity;
  private readonly cluster: Cluster;
  /** What the log last said about each pod, so a change is written once. */
  private readonly seenPods = new Map<string, { restarts: number; ready: boolean }>();

  constructor(seed: number) {
    this.cluster = createCluster({ seed });
    for (const r of this.cluster.apply(NODES.map((n) => nodeManifest(n.name, { cpu: '4', memoryMi: 8192, zone: n.zone, arch: n.arch })).join('---\n'))) {
      if (r.action === 'error') throw new Error(`vm-vs-container: ${r.message}`);
    }
    // The kubelets register and report Ready before the app is deployed.
    this.cluster.advance(3000);
    this.deploy();
    this.log.add(0, 'vmc.started', { pid: HOST_PID });
  }

  private get cpuDemand(): number {
    return this.values.cpuDemand as number;
  }
  private get cpuLimit(): number {
    return this.values.cpuLimit as number;
  }
  private get appMemory(): number {
    return this.values.appMemoryMiB as number;
  }
  private get memoryLimit(): number {
    return this.values.memoryLimitMiB as number;
  }

  /** The Deployment as the knobs say: which image, and whether it may only go to nodes of the image's CPU. */
  deploymentYaml(): string {
    const image = this.values.image as string;
    const arch = image === 'kuard-arm64' ? 'arm64' : 'amd64';
    const selector = this.values.archSelector ? `\n      nodeSelector:\n        kubernetes.io/arch: ${arch}` : '';
    return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kuard
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kuard
  template:
    metadata:
      labels:
        app: kuard
    spec:${selector}
      containers:
      - name: kuard
        image: gcr.io/kuar-demo/${image}:blue
`;
  }

  private deploy(): void {
    for (const r of this.cluster.apply(this.deploymentYaml())) {
      if (r.action === 'error') throw new Error(`vm-vs-container: ${r.message}`);
    }
  }

  setKnob(id: string, value: KnobValue): ConceptResult {
    const check = checkKnob(this.knobs, id, value);
    if (!check.ok) return check;
    if (this.values[id] === value) return { ok: true };
    this.values = { ...this.values, [id]: value };
    switch (id) {
      case 'image':
      case 'archSelector':
        this.deploy();
        this.log.add(this.now, this.values.archSelector ? 'vmc.deployedWithSelector' : 'vmc.deployed', { image: `${String(this.values.image)}:blue`, arch: this.imageArch() }, 'cluster');
        break;
      case 'userNamespace':
        this.log.add(this.now, value ? 'vmc.userNamespaceOn' : 'vmc.userNamespaceOff', { uid: MAPPED_ROOT_UID }, 'machine');
        break;
      case 'cpuLimit':
      case 'cpuDemand':
        if (this.throttledShare() > 0) this.log.add(this.now, 'vmc.throttled', { percent: Math.round(this.throttledShare() * 100) }, 'machine');
        break;
      default:
        break;
    }
    return { ok: true };
  }

  act(action: string): ConceptResult {
    if (action !== 'restart') return { ok: false, code: 'action.unknown', params: { action } };
    this.startContainer(false);
    this.restarts = 0;
    this.lastExit = undefined;
    this.log.add(this.now, 'vmc.restarted', {}, 'machine');
    return { ok: true };
  }

  private imageArch(): string {
    return this.values.image === 'kuard-arm64' ? 'arm64' : 'amd64';
  }

  private startContainer(afterCrash: boolean): void {
    this.running = true;
    this.startedAt = this.now;
    if (afterCrash) this.restarts++;
  }

  /** Share of its time the container is held back by its CPU quota (CFS: quota per 100 ms period). */
  throttledShare(): number {
    return this.cpuDemand > this.cpuLimit ? 1 - this.cpuLimit / this.cpuDemand : 0;
  }

  /** The container's memory now: ramping up to its working set after each start. */
  memoryUsed(): number {
    if (!this.running) return 0;
    const t = Math.min(1, (this.now - this.startedAt) / MEMORY_RAMP_MS);
    return START_MEMORY_MIB + (this.appMemory - START_MEMORY_MIB) * t;
  }

  advance(ms: number): void {
    const before = this.now;
    this.now += ms;
    if (this.running && this.appMemory > this.memoryLimit) {
      // Time at which the ramp crosses the limit.
      const crossAt = this.startedAt + (MEMORY_RAMP_MS * Math.max(0, this.memoryLimit - START_MEMORY_MIB)) / Math.max(1, this.appMemory - START_MEMORY_MIB);
      if (crossAt <= this.now) {
        this.running = false;
        this.lastExit = OOM_EXIT_CODE;
        this.killedAt = Math.max(before, crossAt);
        const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.restarts);
        this.restartAt = this.killedAt + backoff;
        this.log.add(this.killedAt, 'vmc.oomKilled', { limit: this.memoryLimit, exitCode: OOM_EXIT_CODE, seconds: backoff / 1000 }, 'machine');
      }
    }
    if (!this.running && this.lastExit !== undefined && this.restartAt <= this.now) {
      this.startContainer(true);
      this.startedAt = this.restartAt;
      this.log.add(this.restartAt, 'vmc.restartedAfterKill', { restarts: this.restarts }, 'machine');
    }
    this.cluster.advance(ms);
    this.watchPods();
  }

  private pods(): PodInfo[] {
    type PodObject = {
      metadata: { name: string };
      spec?: { nodeName?: string };
      status?: {
        phase?: string;
        containerStatuses?: { ready: boolean; restartCount: number; state?: { waiting?: { reason?: string } }; lastState?: { terminated?: { exitCode: number } } }[];
      };
    };
    const list = this.cluster.api.peekList('Pod') as unknown as PodObject[];
    return list
      .filter((p) => p.metadata.name.startsWith('kuard-'))
      .map((p) => {
        const cs = p.status?.containerStatuses?.[0];
        return {
          name: p.metadata.name,
          node: p.spec?.nodeName ?? '',
          phase: p.status?.phase ?? 'Pending',
          ready: cs?.ready ?? false,
          restarts: cs?.restartCount ?? 0,
          ...(cs?.state?.waiting?.reason ? { waiting: cs.state.waiting.reason } : {}),
          ...(cs?.lastState?.terminated ? { lastExit: cs.lastState.terminated.exitCode } : {}),
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Writes a line when a pod first crashes with the wrong CPU, or becomes ready. */
  private watchPods(): void {
    for (const p of this.pods()) {
      const seen = this.seenPods.get(p.name) ?? { restarts: 0, ready: false };
      if (p.restarts > seen.restarts && seen.restarts === 0 && p.lastExit !== undefined) {
        const log = this.cluster.kubectl(`logs ${p.name} --previous`).stdout.trim();
        this.log.add(this.now, 'vmc.podCrashed', { pod: p.name, node: p.node, exitCode: p.lastExit, output: log }, 'cluster');
      }
      if (p.ready && !seen.ready) this.log.add(this.now, 'vmc.podRunning', { pod: p.name, node: p.node }, 'cluster');
      this.seenPods.set(p.name, { restarts: p.restarts, ready: p.ready });
    }
  }

  view(): ConceptView {
    const nodes: ConceptNode[] = [];
    const metrics: ConceptMetric[] = [];
    this.drawMachine(nodes, metrics);
    this.drawVm(nodes, metrics);
    this.drawCluster(nodes, metrics);
    return { id: this.id, nowMs: this.now, knobs: { ...this.values }, nodes, edges: [], metrics, log: this.log.snapshot() };
  }

  private drawMachine(nodes: ConceptNode[], metrics: ConceptMetric[]): void {
    const lane = 'lane:machine';
    const host = 'machine:node-a';
    const box = 'machine:kuard';
    const userNs = this.values.userNamespace as boolean;
    const memory = Math.round(this.memoryUsed());
    const throttled = this.throttledShare();
    const cpuUsed = this.running ? Math.min(this.cpuDemand, this.cpuLimit) : 0;
    const starting = this.running && this.now - this.startedAt < CONTAINER_START_MS;
    const justKilled = !this.running && this.now - this.killedAt < PULSE_MS;
    const health: ConceptHealth = !this.running ? 'failed' : starting ? 'pending' : throttled > 0 ? 'busy' : 'ok';
    nodes.push({ id: lane, kind: 'lane', label: 'label:lane.machine' });
    nodes.push({ id: host, kind: 'host', parent: lane, label: 'node-a', facts: { hostname: 'node-a', ip: '192.168.10.11' } });
    nodes.push({
      id: 'machine:host-processes',
      kind: 'process',
      parent: host,
      label: 'label:hostProcesses',
      facts: { systemd: 1, containerd: 812, kubelet: 903, kuard: this.running ? HOST_PID : '—' },
    });
    nodes.push({
      id: box,
      kind: 'container',
      parent: host,
      label: 'kuard',
      health,
      ...(justKilled ? { pulse: 'killed' } : starting && this.now > 0 ? { pulse: 'started' } : throttled > 0 ? { pulse: 'throttled' } : {}),
      facts: { restarts: this.restarts, ...(this.lastExit !== undefined ? { lastExit: this.lastExit } : {}) },
    });
    const ns = (key: string, inside: string | number, onHost: string | number, warn = false): ConceptNode => ({
      id: `${box}:ns-${key}`,
      kind: 'namespace',
      parent: box,
      label: `label:ns.${key}`,
      facts: { inside, onHost },
      ...(warn ? { health: 'warning' as const } : {}),
    });
    nodes.push(
      ns('pid', 'PID 1', `PID ${HOST_PID}`),
      ns('net', 'eth0 10.244.2.7', 'eth0 192.168.10.11'),
      ns('mnt', '/ = image layers', '/ = node disk'),
      ns('uts', 'kuard-6d9f8', 'node-a'),
      ns('ipc', 'own queues', 'host queues'),
      ns('user', 'root (uid 0)', userNs ? `uid ${MAPPED_ROOT_UID}` : 'uid 0 (root!)', !userNs),
    );
    nodes.push({
      id: `${box}:cpu`,
      kind: 'cgroup-bar',
      parent: box,
      label: 'label:cgroupCpu',
      bar: { used: round2(cpuUsed), limit: this.cpuLimit, unit: 'cores' },
      facts: { wants: this.cpuDemand },
      ...(throttled > 0 ? { health: 'warning' as const } : {}),
    });
    nodes.push({
      id: `${box}:memory`,
      kind: 'cgroup-bar',
      parent: box,
      label: 'label:cgroupMemory',
      bar: { used: memory, limit: this.memoryLimit, unit: 'MiB' },
      facts: { wants: this.appMemory },
      ...(this.appMemory > this.memoryLimit ? { health: 'failed' as const } : {}),
    });
    nodes.push({ id: `${host}:kernel`, kind: 'kernel', parent: host, label: 'label:sharedKernel', facts: { uname: HOST_KERNEL } });

    metrics.push({ id: 'kernel', lane: 'machine', value: HOST_KERNEL });
    metrics.push({ id: 'pidInside', lane: 'machine', value: this.running ? 1 : '—' });
    metrics.push({ id: 'startSeconds', lane: 'machine', value: CONTAINER_START_MS / 1000, unit: 's', tone: 'good' });
    metrics.push({ id: 'osMemoryMiB', lane: 'machine', value: 0, unit: 'MiB', tone: 'good' });
    metrics.push({ id: 'throttledPct', lane: 'machine', value: Math.round(throttled * 100), unit: '%', tone: throttled > 0 ? 'bad' : 'good' });
    metrics.push({ id: 'memoryMiB', lane: 'machine', value: `${memory} / ${this.memoryLimit}`, unit: 'MiB', tone: this.appMemory > this.memoryLimit ? 'bad' : 'neutral' });
    metrics.push({ id: 'restarts', lane: 'machine', value: this.restarts, tone: this.restarts > 0 ? 'bad' : 'neutral' });
    metrics.push({ id: 'lastExit', lane: 'machine', value: this.lastExit ?? '—', ...(this.lastExit !== undefined ? { tone: 'bad' as const } : {}) });
  }

  private drawVm(nodes: ConceptNode[], metrics: ConceptMetric[]): void {
    const lane = 'lane:vm';
    const booted = this.now >= VM_BOOT_MS;
    nodes.push({ id: lane, kind: 'lane', label: 'label:lane.vm' });
    nodes.push({ id: 'vm:node-b', kind: 'host', parent: lane, label: 'node-b', facts: { hostname: 'node-b' } });
    nodes.push({ id: 'vm:hypervisor', kind: 'hypervisor', parent: 'vm:node-b', label: 'label:hypervisor' });
    nodes.push({
      id: 'vm:vm-1',
      kind: 'vm',
      parent: 'vm:hypervisor',
      label: 'vm-1',
      health: booted ? 'ok' : 'pending',
      ...(booted && this.now - VM_BOOT_MS < PULSE_MS ? { pulse: 'started' } : {}),
      facts: { hostname: 'vm-1', memoryMiB: VM_GUEST_MEMORY_MIB + this.appMemory },
    });
    nodes.push({ id: 'vm:guest', kind: 'guest-os', parent: 'vm:vm-1', label: 'label:guestKernel', facts: { uname: GUEST_KERNEL } });
    nodes.push({ id: 'vm:kuard', kind: 'process', parent: 'vm:vm-1', label: 'kuard', health: booted ? 'ok' : 'pending', facts: { pid: booted ? 1187 : '—' } });
    nodes.push({ id: 'vm:host-kernel', kind: 'kernel', parent: 'vm:node-b', label: 'label:hostKernel', facts: { uname: HOST_KERNEL } });
    metrics.push({ id: 'kernel', lane: 'vm', value: GUEST_KERNEL });
    metrics.push({ id: 'pidInside', lane: 'vm', value: booted ? 1187 : '—' });
    metrics.push({ id: 'startSeconds', lane: 'vm', value: VM_BOOT_MS / 1000, unit: 's', tone: 'bad' });
    metrics.push({ id: 'osMemoryMiB', lane: 'vm', value: VM_GUEST_MEMORY_MIB, unit: 'MiB', tone: 'bad' });
  }

  private drawCluster(nodes: ConceptNode[], metrics: ConceptMetric[]): void {
    const lane = 'lane:cluster';
    nodes.push({ id: lane, kind: 'lane', label: 'label:lane.cluster', facts: { image: `${String(this.values.image)}:blue` } });
    const pods = this.pods();
    for (const n of NODES) {
      const id = `cluster:${n.name}`;
      const here = pods.filter((p) => p.node === n.name);
      nodes.push({ id, kind: 'machine', parent: lane, label: n.name, facts: { arch: n.arch }, health: here.some((p) => p.restarts > 0 && !p.ready) ? 'warning' : 'ok' });
      for (const p of here) {
        const status = p.ready ? 'Running' : (p.waiting ?? (p.lastExit !== undefined ? 'Error' : p.phase));
        const failing = !p.ready && p.restarts > 0;
        nodes.push({
          id: `cluster:${p.name}`,
          kind: 'container',
          parent: id,
          label: p.name,
          health: p.ready ? 'ok' : failing ? 'failed' : 'pending',
          ...(failing ? { pulse: 'crashed' } : {}),
          facts: { status, restarts: p.restarts },
        });
      }
    }
    const pending = pods.filter((p) => p.node === '');
    metrics.push({ id: 'podsRunning', lane: 'cluster', value: pods.filter((p) => p.ready).length, tone: 'good' });
    metrics.push({ id: 'podsCrashing', lane: 'cluster', value: pods.filter((p) => !p.ready && p.restarts > 0).length, tone: pods.some((p) => !p.ready && p.restarts > 0) ? 'bad' : 'good' });
    if (pending.length > 0) metrics.push({ id: 'podsUnscheduled', lane: 'cluster', value: pending.length, tone: 'bad' });
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function createVmVsContainerModel(options: { seed: number }): ConceptModel {
  return new VmVsContainerModel(options.seed);
}
