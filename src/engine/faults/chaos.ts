/**
 * Chaos mode: a chaos monkey that injects faults from the catalogue at random, at a chosen rate, and
 * heals the ones that do not end by themselves a while later. It runs on the cluster's virtual clock
 * and draws every choice (when, which fault, which target, how long) from its OWN seeded stream, so
 * the same cluster seed, chaos seed and inputs give the same fault sequence, and a snapshot that
 * records `start`/`stop` replays it exactly.
 *
 * Faults arrive as a Poisson process: inter-arrival times are exponential with mean 1/rate minutes.
 * Every injection and heal goes through the FaultInjector, so the canvas, the active list and the
 * cues see a chaos fault exactly as a manual one.
 *
 * Safety rules, so that a demo always recovers:
 *  - pods of the system namespaces (kube-system, kube-public, kube-node-lease) are never touched;
 *  - pod faults pick pods with restartPolicy Always that run on a reachable node; `delete-pod` only
 *    pods a controller owns (someone recreates them); a pod with a fault in effect is left alone;
 *  - node faults pick Ready worker nodes only (never one labelled node-role.kubernetes.io/control-plane),
 *    and leave a majority of the workers healthy: never the last Ready worker, one at a time of three;
 *  - `stop` (opt-in) stops kube-scheduler, kube-controller-manager, or one etcd member while all
 *    three run (quorum holds); kube-apiserver is never stopped;
 *  - crash loops, failing probes, powered-off nodes, partitions and stopped components are healed
 *    after a random while, also after chaos is switched off.
 */
import { describeValue } from './describeValue';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { SeededRandom } from '../clock/random';
import type { VirtualClock } from '../clock/virtualClock';
import type { NodeAgents } from '../kubelet';
import type { Stored } from '../objects';
import type { FaultInjector } from './faultInjector';
import { faultFailure } from './resultText';
import type { Resolved } from './targets';
import type { Fault, FaultName } from './types';
import { faultSpec } from './catalogue';
import { CONTROLLER_MANAGER, SCHEDULER } from './controlPlane';

export const CHAOS_KINDS = ['kill-container', 'delete-pod', 'crashloop', 'liveness-fail', 'readiness-fail', 'oom', 'node-down', 'partition', 'stop'] as const;
export type ChaosKind = (typeof CHAOS_KINDS)[number];
/** What chaos breaks unless told otherwise: everything that heals by itself or is healed by chaos; no OOM ramp, no control plane. */
export const DEFAULT_CHAOS_KINDS: readonly ChaosKind[] = ['kill-container', 'delete-pod', 'crashloop', 'liveness-fail', 'readiness-fail', 'node-down', 'partition'];
/** Faults per virtual minute the UI offers. */
export const CHAOS_RATES = [0.5, 1, 2, 4, 8] as const;
export const MAX_CHAOS_RATE = 60;
/** Entries the status keeps (the newest last). */
export const CHAOS_LOG_SIZE = 40;

/** How often each kind is drawn, relative to the others (pod faults are the everyday ones). */
const WEIGHTS: Record<ChaosKind, number> = {
  'kill-container': 3,
  'delete-pod': 3,
  crashloop: 2,
  'liveness-fail': 1,
  'readiness-fail': 2,
  oom: 1,
  'node-down': 1,
  partition: 1,
  stop: 1,
};

/**
 * How long chaos leaves a fault in place before healing it, in ms [min, max]. A powered-off node may
 * stay off past the node-monitor grace period (50 s) plus the not-ready toleration (300 s), so some
 * demos show the eviction and the Deployment healing on other nodes.
 */
const HEAL_AFTER: Partial<Record<ChaosKind, readonly [number, number]>> = {
  crashloop: [30_000, 90_000],
  'liveness-fail': [30_000, 90_000],
  'readiness-fail': [20_000, 60_000],
  'node-down': [90_000, 480_000],
  partition: [30_000, 180_000],
  stop: [20_000, 60_000],
};

/** A pod on a node that is down or cut off is healed once the node is back: chaos looks again this often. */
const HEAL_RETRY_MS = 15_000;
/** The shortest gap between two chaos faults, so a high rate stays a sequence of faults, not a burst. */
const MIN_GAP_MS = 500;
/**
 * The longest: a year of virtual time. A rate just above 0 (1e-300 per minute) would otherwise put the next
 * fault past the largest date there is, and printing "next fault at …" would throw.
 */
const MAX_GAP_MS = 365 * 24 * 3600_000;

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

export interface ChaosSettings {
  /** Faults per virtual minute, on average. */
  rate: number;
  seed: number;
  kinds: ChaosKind[];
}

/** What a person asks for; anything left out takes its default (rate 1, the cluster's seed, DEFAULT_CHAOS_KINDS). */
export interface ChaosRequest {
  rate?: number | string;
  seed?: number | string;
  kinds?: readonly string[] | string;
}

export interface ChaosLogEntry {
  /** Increases by one per entry over the cluster's life. */
  seq: number;
  atMs: number;
  action: 'inject' | 'heal' | 'skip';
  fault?: FaultName;
  target?: string;
  ok: boolean;
  /** The injector's message or error; for a skip, why. */
  message: string;
}

export interface ChaosStatus {
  running: boolean;
  rate: number;
  /** The seed of the current (or last, or next) run: the cluster's seed until one is chosen. */
  seed: number;
  kinds: ChaosKind[];
  /** Virtual time of the next fault while running. */
  nextAtMs?: number;
  /** Heals chaos has scheduled and not yet done. */
  pendingHeals: number;
  /** Faults injected since the cluster started. */
  injected: number;
  log: ChaosLogEntry[];
}

export type ChaosResult = { ok: true; message: string; status: ChaosStatus } | { ok: false; error: string };

/** The cluster's chaos switch (`cluster.chaos`): start and stop are recorded in the cluster's inputs. */
export interface ChaosControl {
  start(request?: ChaosRequest): ChaosResult;
  stop(): ChaosResult;
  status(): ChaosStatus;
  /** Called for each injection, heal or skip as it happens. */
  onEvent(listener: (entry: ChaosLogEntry) => void): () => void;
}

export interface ChaosHost {
  api: ApiServer;
  clock: VirtualClock;
  nodes: NodeAgents;
  faults: FaultInjector;
  /** The chaos seed when none is given: the cluster's. */
  defaultSeed: number;
}

export function isChaosKind(name: string): name is ChaosKind {
  return (CHAOS_KINDS as readonly string[]).includes(name);
}

/** Checks a request and fills in its defaults. */
export function resolveChaosSettings(input: ChaosRequest | null | undefined, defaults: ChaosSettings): Resolved<ChaosSettings> {
  // Requests arrive from the console and from messages: anything that is not a record is refused here,
  // and each field is checked for its type before use (never a TypeError).
  if (input !== null && input !== undefined && (typeof input !== 'object' || Array.isArray(input))) return faultFailure('chaos-bad-rate', { max: MAX_CHAOS_RATE, value: describeValue(input) });
  const request: ChaosRequest = input ?? {};
  let rate = defaults.rate;
  if (request.rate !== undefined) {
    if (typeof request.rate !== 'string' && typeof request.rate !== 'number') return faultFailure('chaos-bad-rate', { max: MAX_CHAOS_RATE, value: describeValue(request.rate) });
    rate = typeof request.rate === 'string' ? Number(request.rate.replace(/\/m(in)?$/, '')) : request.rate;
    if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_CHAOS_RATE) return faultFailure('chaos-bad-rate', { max: MAX_CHAOS_RATE, value: describeValue(request.rate) });
  }
  let seed = defaults.seed;
  if (request.seed !== undefined) {
    if (typeof request.seed !== 'string' && typeof request.seed !== 'number') return faultFailure('chaos-bad-seed', { value: describeValue(request.seed) });
    seed = typeof request.seed === 'string' ? Number(request.seed) : request.seed;
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return faultFailure('chaos-bad-seed', { value: describeValue(request.seed) });
  }
  let kinds = defaults.kinds;
  if (request.kinds !== undefined) {
    const raw: unknown = request.kinds;
    if (typeof raw !== 'string' && !(Array.isArray(raw) && raw.every((k) => typeof k === 'string'))) {
      return faultFailure('chaos-bad-kind', { kind: describeValue(raw), kinds: CHAOS_KINDS.join(', ') });
    }
    const list: string[] = typeof raw === 'string' ? raw.split(',') : [...(raw as string[])];
    const names = list.map((k) => k.trim()).filter((k) => k !== '');
    const bad = names.find((k) => !isChaosKind(k));
    if (bad !== undefined) return faultFailure('chaos-bad-kind', { kind: bad, kinds: CHAOS_KINDS.join(', ') });
    if (names.length === 0) return faultFailure('chaos-no-kinds', { kinds: CHAOS_KINDS.join(', ') });
    kinds = CHAOS_KINDS.filter((k) => names.includes(k));
  }
  return { ok: true, value: { rate, seed, kinds: [...kinds] } };
}

/** Keeps the chaos stream apart from the cluster's own stream when both start from the same seed. */
function streamSeed(seed: number): number {
  let h = Math.imul(seed ^ 0x63686173, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

interface Candidate {
  kind: ChaosKind;
  targets: string[];
}

export class ChaosMonkey {
  private settings: ChaosSettings;
  private running = false;
  private random = new SeededRandom(0);
  private timer: number | undefined;
  private nextAtMs: number | undefined;
  private readonly heals = new Set<number>();
  private injected = 0;
  private seq = 0;
  private readonly log: ChaosLogEntry[] = [];
  private readonly listeners = new Set<(entry: ChaosLogEntry) => void>();
  /** Bumped on every change of what status() returns, for pollers. */
  version = 0;

  constructor(private readonly host: ChaosHost) {
    this.settings = { rate: 1, seed: host.defaultSeed, kinds: [...DEFAULT_CHAOS_KINDS] };
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Checks the request against the current settings (for defaults), without starting anything. */
  resolve(request: ChaosRequest): Resolved<ChaosSettings> {
    return resolveChaosSettings(request, this.settings);
  }

  /** Starts (or restarts, with a fresh stream) with settings that resolve() accepted. */
  start(settings: ChaosSettings): void {
    this.settings = { ...settings, kinds: [...settings.kinds] };
    this.random = new SeededRandom(streamSeed(settings.seed));
    this.running = true;
    this.scheduleNext();
  }

  stop(): void {
    this.running = false;
    this.host.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAtMs = undefined;
    this.version++;
  }

  status(): ChaosStatus {
    return {
      running: this.running,
      rate: this.settings.rate,
      seed: this.settings.seed,
      kinds: [...this.settings.kinds],
      ...(this.nextAtMs !== undefined ? { nextAtMs: this.nextAtMs } : {}),
      pendingHeals: this.heals.size,
      injected: this.injected,
      log: this.log.map((e) => ({ ...e })),
    };
  }

  onEvent(listener: (entry: ChaosLogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private scheduleNext(): void {
    this.host.clock.clearTimeout(this.timer);
    // Exponential inter-arrival times: a Poisson process of `rate` faults per minute.
    const u = this.random.next();
    const gap = Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, Math.round((-Math.log(1 - u) / this.settings.rate) * 60_000)));
    this.nextAtMs = this.host.clock.now() + gap;
    this.timer = this.host.clock.setTimeout(() => this.tick(), gap);
    this.version++;
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.running) return;
    this.strike();
    this.scheduleNext();
  }

  private strike(): void {
    const candidates = this.candidates();
    if (candidates.length === 0) {
      this.record({ action: 'skip', ok: true, message: 'nothing to break: no eligible pod, node or component' });
      return;
    }
    const kind = this.pickWeighted(candidates);
    const target = this.random.pick(kind.targets);
    const fault = { fault: kind.kind, target } as Fault;
    const result = this.host.faults.inject(fault);
    if (result.ok) this.injected++;
    this.record({ action: 'inject', fault: kind.kind, target, ok: result.ok, message: result.ok ? result.message : result.error });
    const range = HEAL_AFTER[kind.kind];
    if (result.ok && range) this.scheduleHeal(kind.kind, target, range);
  }

  private pickWeighted(candidates: Candidate[]): Candidate {
    const total = candidates.reduce((sum, c) => sum + WEIGHTS[c.kind], 0);
    let x = this.random.next() * total;
    for (const c of candidates) {
      x -= WEIGHTS[c.kind];
      if (x < 0) return c;
    }
    return candidates[candidates.length - 1]!;
  }

  private scheduleHeal(kind: ChaosKind, target: string, [min, max]: readonly [number, number]): void {
    const delay = min + Math.round(this.random.next() * (max - min));
    const uid = kind === 'node-down' || kind === 'partition' || kind === 'stop' ? undefined : this.podUid(target);
    this.healLater(kind, target, uid, delay);
  }

  private healLater(kind: ChaosKind, target: string, uid: string | undefined, delay: number): void {
    const id = this.host.clock.setTimeout(() => {
      this.heals.delete(id);
      if (this.heal(kind, target, uid) === 'retry') this.healLater(kind, target, uid, HEAL_RETRY_MS);
      this.version++;
    }, delay);
    this.heals.add(id);
  }

  /**
   * Ends what chaos started, unless it already ended (the pod was replaced, the user healed it). A pod
   * whose node is down or cut off cannot be reached: the heal waits for the node.
   */
  private heal(kind: ChaosKind, target: string, uid: string | undefined): 'done' | 'retry' {
    // What ends the fault is the catalogue's `undo` (node-up, start, heal); whether it still needs ending is checked here.
    const undo = faultSpec(kind).undo;
    if (undo === undefined) return 'done';
    if (kind === 'node-down') {
      if (this.host.nodes.kubelet(target)?.state !== 'poweredOff') return 'done';
    } else if (kind === 'partition') {
      if (this.host.nodes.kubelet(target)?.state !== 'partitioned') return 'done';
    } else if (kind === 'stop') {
      if (this.host.faults.controlPlane.isRunning(target) !== false || this.host.faults.controlPlane.lostLeaderLease(target)) return 'done';
    } else {
      if (uid === undefined || this.podUid(target) !== uid) return 'done';
      const live = this.host.faults.activeFaults().some((f) => f.target === target && f.fault === kind);
      if (!live) return 'done';
      const [namespace, name] = target.split('/') as [string, string];
      const nodeName = this.host.api.peek<Pod>('Pod', namespace, name)?.spec?.nodeName;
      if (nodeName && this.host.nodes.kubelet(nodeName)?.state !== 'running') return 'retry';
    }
    const fault = { fault: undo, target } as Fault;
    const result = this.host.faults.inject(fault);
    this.record({ action: 'heal', fault: fault.fault, target, ok: result.ok, message: result.ok ? result.message : result.error });
    return 'done';
  }

  private record(entry: Omit<ChaosLogEntry, 'seq' | 'atMs'>): void {
    const full: ChaosLogEntry = { seq: ++this.seq, atMs: this.host.clock.now(), ...entry };
    this.log.push(full);
    if (this.log.length > CHAOS_LOG_SIZE) this.log.shift();
    this.version++;
    for (const l of this.listeners) l(full);
  }

  // ---------------------------------------------------------------- targets

  private podUid(target: string): string | undefined {
    const [namespace, name] = target.split('/') as [string, string];
    return this.host.api.peek<Pod>('Pod', namespace, name)?.metadata.uid;
  }

  /** Each allowed kind with at least one target, in CHAOS_KINDS order (the draw depends on the order). */
  private candidates(): Candidate[] {
    const busy = new Set(this.host.faults.activeFaults().map((f) => f.target));
    const pods = this.eligiblePods(busy);
    const workers = this.healthyWorkers(busy);
    const out: Candidate[] = [];
    for (const kind of this.settings.kinds) {
      const targets = this.targetsFor(kind, pods, workers);
      if (targets.length > 0) out.push({ kind, targets });
    }
    return out;
  }

  private targetsFor(kind: ChaosKind, pods: EligiblePod[], workers: string[]): string[] {
    switch (kind) {
      case 'kill-container':
      case 'crashloop':
      case 'oom':
        return pods.filter((p) => p.running).map((p) => p.key);
      case 'delete-pod':
        return pods.filter((p) => p.controlled).map((p) => p.key);
      case 'liveness-fail':
        return pods.filter((p) => p.running && p.liveness).map((p) => p.key);
      case 'readiness-fail':
        return pods.filter((p) => p.running && p.readiness).map((p) => p.key);
      case 'node-down':
      case 'partition':
        // A majority of the workers stays healthy (and never fewer than one): the workloads need room to heal onto.
        return workers.length - 1 >= Math.max(1, Math.ceil(this.workerCount() / 2)) ? workers : [];
      case 'stop':
        return this.stoppableComponents();
    }
  }

  private eligiblePods(busy: ReadonlySet<string>): EligiblePod[] {
    const out: EligiblePod[] = [];
    for (const pod of this.host.api.peekList<Pod>('Pod')) {
      const namespace = pod.metadata.namespace ?? 'default';
      const key = `${namespace}/${pod.metadata.name}`;
      if (SYSTEM_NAMESPACES.has(namespace) || pod.metadata.deletionTimestamp || busy.has(key)) continue;
      if (pod.status?.phase !== 'Running' || (pod.spec?.restartPolicy ?? 'Always') !== 'Always') continue;
      const nodeName = pod.spec?.nodeName;
      const kubelet = nodeName ? this.host.nodes.kubelet(nodeName) : undefined;
      if (!kubelet || kubelet.state !== 'running' || busy.has(kubelet.nodeName)) continue;
      const slot = kubelet.slot(namespace, pod.metadata.name);
      if (!slot) continue;
      out.push({
        key,
        running: slot.running,
        controlled: (pod.metadata.ownerReferences ?? []).some((r) => r.controller === true),
        liveness: slot.spec.livenessProbe !== undefined,
        readiness: slot.spec.readinessProbe !== undefined,
      });
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Worker nodes whose kubelet runs and that the control plane sees Ready. */
  private healthyWorkers(busy: ReadonlySet<string>): string[] {
    return this.host.api
      .peekList<Node>('Node')
      .filter((n) => !isControlPlane(n))
      .filter((n) => !busy.has(n.metadata.name) && this.host.nodes.kubelet(n.metadata.name)?.state === 'running' && isReady(n))
      .map((n) => n.metadata.name)
      .sort();
  }

  private workerCount(): number {
    return this.host.api.peekList<Node>('Node').filter((n) => !isControlPlane(n)).length;
  }

  /** Never kube-apiserver (nothing could heal without it); one etcd member at most, so quorum always holds. */
  private stoppableComponents(): string[] {
    const cp = this.host.faults.controlPlane;
    const out = [SCHEDULER, CONTROLLER_MANAGER].filter((c) => cp.isRunning(c) === true);
    if (cp.etcd.runningCount === cp.etcd.members.length) out.push(...cp.etcd.members.map((m) => m.id));
    return out;
  }
}

interface EligiblePod {
  key: string;
  running: boolean;
  controlled: boolean;
  liveness: boolean;
  readiness: boolean;
}

function isControlPlane(node: Stored<Node>): boolean {
  return CONTROL_PLANE_LABELS.some((l) => l in (node.metadata.labels ?? {}));
}

function isReady(node: Stored<Node>): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** `[00:01:23]` of virtual time (UTC; the cluster's epoch is midnight). */
export function chaosClock(atMs: number): string {
  return new Date(atMs).toISOString().slice(11, 19);
}

/** One log entry as the CLI and the console print it. */
export function formatChaosEntry(e: ChaosLogEntry): string {
  const what = e.action === 'skip' ? 'skipped' : `${e.fault ?? ''} ${e.target ?? ''}`;
  return `[${chaosClock(e.atMs)}] chaos ${what}: ${e.ok ? e.message : `failed: ${e.message}`}`;
}

/** `chaos on: 2 faults per minute on average, seed 7 (kill-container, ...); next fault at 00:00:31`. */
export function describeChaos(s: ChaosStatus): string {
  const rate = `${s.rate} fault${s.rate === 1 ? '' : 's'} per minute on average`;
  if (!s.running) {
    const heals = s.pendingHeals > 0 ? `; ${s.pendingHeals} heal${s.pendingHeals === 1 ? '' : 's'} still scheduled` : '';
    return `chaos off (${s.injected} fault${s.injected === 1 ? '' : 's'} injected so far${heals}); next run: ${rate}, seed ${s.seed}`;
  }
  const next = s.nextAtMs !== undefined ? `; next fault at ${chaosClock(s.nextAtMs)}` : '';
  return `chaos on: ${rate}, seed ${s.seed} (${s.kinds.join(', ')})${next}`;
}

export type ChaosCommand = { action: 'on'; request: ChaosRequest } | { action: 'off' } | { action: 'status' };

export const CHAOS_USAGE = `usage: chaos on [rate=N] [seed=N] [kinds=a,b,...] | chaos off | chaos status (kinds: ${CHAOS_KINDS.join(', ')})`;

/** `on rate=2 seed=7`, `off`, `status`, as typed after `chaos`. Values are checked when chaos starts. */
export function parseChaosCommand(words: readonly string[]): Resolved<ChaosCommand> {
  const [action, ...rest] = words;
  if (action === 'off' || action === 'status') {
    if (rest.length > 0) return faultFailure('chaos-no-options', { action });
    return { ok: true, value: { action } };
  }
  if (action !== 'on') return faultFailure('chaos-usage', { kinds: CHAOS_KINDS.join(', ') });
  const request: { rate?: string; seed?: string; kinds?: string } = {};
  for (const word of rest) {
    const eq = word.indexOf('=');
    const key = eq > 0 ? word.slice(0, eq) : '';
    if (key !== 'rate' && key !== 'seed' && key !== 'kinds') return faultFailure('chaos-unexpected', { word });
    request[key] = word.slice(eq + 1);
  }
  return { ok: true, value: { action: 'on', request } };
}
