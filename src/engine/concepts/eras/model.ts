/**
 * Eras: the same apps on the same kind of machine, three ways, side by side. Bare metal (one server per
 * app, mostly idle; or all on one server, where a greedy app starves the rest), virtual machines (a
 * hypervisor and a guest OS per app: apart, but each VM pays for its own OS in memory, CPU and boot
 * time) and containers (one shared kernel; namespaces keep apps apart, cgroups cap what each may use).
 *
 * Everything drawn and every number comes from here, on the virtual clock: app load drifts over a
 * minute (seeded phases), a "spike" makes the batch app flood the CPU for a minute, and changing how
 * the apps are packed redeploys them so each era's start time can be watched.
 */
import { SeededRandom } from '../../clock/random';
import { ConceptLog } from '../conceptLog';
import { checkKnob, defaultKnobs, type ActionSpec, type ConceptEdge, type ConceptHealth, type ConceptMetric, type ConceptModel, type ConceptNode, type ConceptResult, type ConceptView, type KnobSpec, type KnobValue } from '../types';
import {
  ERA_LANES,
  appsPerMachine,
  guestOsCpu,
  machinesNeeded,
  overheadOf,
  machineReserve,
  startMs,
  vmVcpus,
  vmMemoryGiB,
  type BareMetalMode,
  type EraLane,
  type EraSizes,
} from './packing';
import { shareCpu, type CpuClaim } from './waterFill';

export const ERAS_KNOBS: readonly KnobSpec[] = [
  { id: 'machineCores', kind: 'number', min: 2, max: 128, step: 1, default: 16, unit: 'cores' },
  { id: 'machineMemoryGiB', kind: 'number', min: 4, max: 1024, step: 1, default: 64, unit: 'GiB' },
  { id: 'apps', kind: 'number', min: 1, max: 60, step: 1, default: 12 },
  { id: 'appCpu', kind: 'number', min: 0.25, max: 32, step: 0.25, default: 1, unit: 'cores' },
  { id: 'appMemoryGiB', kind: 'number', min: 0.25, max: 256, step: 0.25, default: 2, unit: 'GiB' },
  { id: 'guestOsMemoryGiB', kind: 'number', min: 0.25, max: 16, step: 0.25, default: 1, unit: 'GiB' },
  { id: 'limits', kind: 'boolean', default: true },
  { id: 'bareMetal', kind: 'choice', options: ['dedicated', 'shared'], default: 'dedicated' },
];

export const ERAS_ACTIONS: readonly ActionSpec[] = [{ id: 'spike' }, { id: 'restart' }];

/** The greedy app: a batch job that, when it spikes, starts this many busy threads per core of the machine. */
export const GREEDY_APP = 0;
export const SPIKE_MS = 60_000;
const SPIKE_THREADS_PER_CORE = 8;
/** Apps use this share of the memory they are sized for. */
const MEMORY_IN_USE = 0.75;
/** One cycle of an app's everyday load. */
const LOAD_PERIOD_MS = 60_000;
/** A neighbour getting less than this share of what it asks for is starving. */
export const STARVING_BELOW = 0.8;
/** Apps drawn on a lane's first machine; the rest are counted on it, other machines are summed up. */
const DRAWN_APPS = 4;
const PULSE_MS = 1500;

const APP_NAMES = ['batch', 'shop', 'blog', 'mail', 'chat', 'wiki', 'crm', 'search', 'cart', 'auth', 'news', 'docs'];

export function appName(i: number): string {
  return APP_NAMES[i] ?? `app-${i + 1}`;
}

/** Knobs whose change re-packs the apps: every app is deployed again (its start time shows). */
const REDEPLOYING = new Set(['machineCores', 'machineMemoryGiB', 'appCpu', 'appMemoryGiB', 'guestOsMemoryGiB', 'bareMetal']);

interface LanePlacement {
  lane: EraLane;
  perMachine: number;
  machines: number;
  /** Which machine each app is on (index), or -1 when it fits nowhere. */
  machineOf: number[];
}

export interface LaneCpu {
  /** Cores each app gets now (0 while it boots). */
  got: number[];
  /** Cores each app asks for now. */
  demand: number[];
}

export class ErasModel implements ConceptModel {
  readonly id = 'eras' as const;
  readonly knobs = ERAS_KNOBS;
  readonly actions = ERAS_ACTIONS;
  private values: Record<string, KnobValue> = defaultKnobs(ERAS_KNOBS);
  private now = 0;
  private readonly phases: number[] = [];
  private readonly random: SeededRandom;
  /** When each app was (re)deployed. */
  private createdAt: number[] = [];
  private spikeUntil = -1;
  private readonly log = new ConceptLog();
  /** Lanes whose "all apps running" line is still to be written for the current deployment. */
  private pendingReady = new Set<EraLane>();

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
    this.deployAll();
  }

  private get sizes(): EraSizes {
    const v = this.values;
    return {
      machineCores: v.machineCores as number,
      machineMemoryGiB: v.machineMemoryGiB as number,
      appCpu: v.appCpu as number,
      appMemoryGiB: v.appMemoryGiB as number,
      guestOsMemoryGiB: v.guestOsMemoryGiB as number,
      bareMetal: v.bareMetal as BareMetalMode,
    };
  }

  private get appCount(): number {
    return this.values.apps as number;
  }

  private phase(i: number): number {
    while (this.phases.length <= i) this.phases.push(this.random.next() * 2 * Math.PI);
    return this.phases[i]!;
  }

  private deployAll(): void {
    this.createdAt = Array.from({ length: this.appCount }, () => this.now);
    this.pendingReady = new Set(ERA_LANES);
    this.log.add(this.now, 'eras.deployed', { apps: this.appCount });
  }

  setKnob(id: string, value: KnobValue): ConceptResult {
    const check = checkKnob(this.knobs, id, value);
    if (!check.ok) return check;
    if (this.values[id] === value) return { ok: true };
    this.values = { ...this.values, [id]: value };
    if (id === 'apps') {
      const n = value as number;
      const added = n - this.createdAt.length;
      this.createdAt = this.createdAt.slice(0, n);
      while (this.createdAt.length < n) this.createdAt.push(this.now);
      if (added > 0) {
        this.pendingReady = new Set(ERA_LANES);
        this.log.add(this.now, 'eras.appsAdded', { count: added });
      } else {
        this.log.add(this.now, 'eras.appsRemoved', { count: -added });
      }
    } else if (REDEPLOYING.has(id)) {
      this.deployAll();
    } else if (id === 'limits') {
      this.log.add(this.now, value ? 'eras.limitsOn' : 'eras.limitsOff', {}, 'containers');
      if (this.spiking) this.logNeighbours();
    }
    for (const lane of ERA_LANES) if (appsPerMachine(lane, this.sizes) === 0) this.log.add(this.now, 'eras.doesNotFit', {}, lane);
    return { ok: true };
  }

  act(action: string): ConceptResult {
    switch (action) {
      case 'spike':
        this.spikeUntil = this.now + SPIKE_MS;
        this.log.add(this.now, 'eras.spikeStarted', { app: appName(GREEDY_APP), seconds: SPIKE_MS / 1000 });
        this.logNeighbours();
        return { ok: true };
      case 'restart':
        this.deployAll();
        return { ok: true };
      default:
        return { ok: false, code: 'action.unknown', params: { action } };
    }
  }

  advance(ms: number): void {
    const before = this.now;
    this.now += ms;
    if (this.spikeUntil > before && this.spikeUntil <= this.now) this.log.add(this.spikeUntil, 'eras.spikeEnded', { app: appName(GREEDY_APP) });
    for (const lane of [...this.pendingReady]) {
      const readyAt = Math.max(...this.createdAt) + startMs(lane, this.sizes);
      if (appsPerMachine(lane, this.sizes) === 0) {
        this.pendingReady.delete(lane);
      } else if (readyAt <= this.now) {
        this.pendingReady.delete(lane);
        this.log.add(readyAt, 'eras.laneReady', { apps: this.appCount, seconds: round1(startMs(lane, this.sizes) / 1000) }, lane);
      }
    }
  }

  private get spiking(): boolean {
    return this.now < this.spikeUntil;
  }

  private running(lane: EraLane, i: number): boolean {
    return this.now >= (this.createdAt[i] ?? 0) + startMs(lane, this.sizes);
  }

  placement(lane: EraLane): LanePlacement {
    const s = this.sizes;
    const perMachine = appsPerMachine(lane, s);
    const machines = machinesNeeded(lane, s, this.appCount);
    const machineOf = Array.from({ length: this.appCount }, (_, i) => (perMachine === 0 ? -1 : Math.floor(i / perMachine)));
    return { lane, perMachine, machines, machineOf };
  }

  /** What app `i` asks for now: an everyday drift between 20% and 50% of its size, or the batch job's flood. */
  demandOf(i: number): number {
    const s = this.sizes;
    if (i === GREEDY_APP && this.spiking) return s.machineCores;
    return s.appCpu * (0.35 + 0.15 * Math.sin((2 * Math.PI * this.now) / LOAD_PERIOD_MS + this.phase(i)));
  }

  /** How the CPU of each machine is shared among its apps in this era right now. */
  cpu(lane: EraLane): LaneCpu {
    const s = this.sizes;
    const place = this.placement(lane);
    const demand = Array.from({ length: this.appCount }, (_, i) => (this.running(lane, i) ? this.demandOf(i) : 0));
    const got = demand.map(() => 0);
    const limits = this.values.limits as boolean;
    for (let m = 0; m < (Number.isFinite(place.machines) ? place.machines : 0); m++) {
      const apps = place.machineOf.map((mm, i) => (mm === m ? i : -1)).filter((i) => i >= 0);
      const reserve = machineReserve(lane);
      let capacity = s.machineCores - reserve.cpu;
      const claims: CpuClaim[] = apps.map((i) => {
        const d = demand[i]!;
        const spikingNow = i === GREEDY_APP && this.spiking;
        const threads = spikingNow ? s.machineCores * SPIKE_THREADS_PER_CORE : Math.max(1, Math.ceil(d));
        switch (lane) {
          case 'bare-metal':
            return { demand: d, weight: threads, cap: Infinity };
          case 'vms':
            // The app gets its VM's vCPUs less what its guest OS keeps busy.
            return { demand: d, weight: 1, cap: vmVcpus(s) - guestOsCpu(s.guestOsMemoryGiB) };
          case 'containers':
            // cgroup v2: with limits, cpu.max caps each container at its size; without, the processes
            // compete on the shared kernel thread by thread, as on bare metal.
            return limits ? { demand: d, weight: 1, cap: s.appCpu } : { demand: d, weight: threads, cap: Infinity };
        }
      });
      if (lane === 'vms') capacity -= apps.length * guestOsCpu(s.guestOsMemoryGiB);
      const shares = shareCpu(capacity, claims);
      apps.forEach((i, k) => (got[i] = shares[k]!));
    }
    return { got, demand };
  }

  /** The neighbours of the batch app on its machine: the least share of its demand any of them gets (1 = all). */
  neighbourShare(lane: EraLane): number {
    const place = this.placement(lane);
    const m = place.machineOf[GREEDY_APP];
    if (m === undefined || m < 0) return 1;
    const { got, demand } = this.cpu(lane);
    let worst = 1;
    place.machineOf.forEach((mm, i) => {
      if (mm !== m || i === GREEDY_APP || demand[i]! <= 0) return;
      worst = Math.min(worst, got[i]! / demand[i]!);
    });
    return worst;
  }

  private logNeighbours(): void {
    for (const lane of ERA_LANES) {
      const share = this.neighbourShare(lane);
      if (share < STARVING_BELOW) this.log.add(this.now, 'eras.neighboursStarve', { percent: Math.round(share * 100) }, lane);
      else this.log.add(this.now, 'eras.neighboursFine', {}, lane);
    }
  }

  view(): ConceptView {
    const nodes: ConceptNode[] = [];
    const edges: ConceptEdge[] = [];
    const metrics: ConceptMetric[] = [];
    for (const lane of ERA_LANES) this.drawLane(lane, nodes, metrics);
    toneExtremes(metrics, 'machines', 'low');
    toneExtremes(metrics, 'cpuIdlePct', 'low');
    toneExtremes(metrics, 'memoryIdlePct', 'low');
    toneExtremes(metrics, 'startSeconds', 'low');
    toneExtremes(metrics, 'appsPerMachine', 'high');
    metrics.push({ id: 'spike', value: this.spiking ? Math.ceil((this.spikeUntil - this.now) / 1000) : 0, unit: 's', tone: this.spiking ? 'bad' : 'neutral' });
    return { id: this.id, nowMs: this.now, knobs: { ...this.values }, nodes, edges, metrics, log: this.log.snapshot() };
  }

  private drawLane(lane: EraLane, nodes: ConceptNode[], metrics: ConceptMetric[]): void {
    const s = this.sizes;
    const place = this.placement(lane);
    const fits = place.perMachine > 0;
    const { got, demand } = this.cpu(lane);
    const laneId = `lane:${lane}`;
    nodes.push({ id: laneId, kind: 'lane', label: `label:lane.${lane}`, ...(fits ? {} : { health: 'failed' as const, facts: { doesNotFit: true } }) });

    // ---- numbers
    const machines = place.machines;
    metrics.push({ id: 'appsPerMachine', lane, value: place.perMachine, tone: fits ? 'neutral' : 'bad' });
    metrics.push({ id: 'machines', lane, value: fits ? machines : '—', ...(fits ? {} : { tone: 'bad' as const }) });
    if (fits) {
      const apps = this.appCount;
      const cores = machines * s.machineCores;
      const mem = machines * s.machineMemoryGiB;
      const overhead = overheadOf(lane, s, machines, apps);
      const used = got.reduce((a, b) => a + b, 0);
      const runningApps = got.filter((_, i) => this.running(lane, i)).length;
      const memUsed = runningApps * s.appMemoryGiB * MEMORY_IN_USE;
      const cpuUsedPct = pct(used, cores);
      const cpuOverheadPct = pct(overhead.cpu, cores);
      const memUsedPct = pct(memUsed, mem);
      const memOverheadPct = pct(overhead.memoryGiB, mem);
      metrics.push({ id: 'cpuUsedPct', lane, value: cpuUsedPct, unit: '%' });
      metrics.push({ id: 'cpuOverheadPct', lane, value: cpuOverheadPct, unit: '%' });
      metrics.push({ id: 'cpuIdlePct', lane, value: Math.max(0, 100 - cpuUsedPct - cpuOverheadPct), unit: '%' });
      metrics.push({ id: 'memoryUsedPct', lane, value: memUsedPct, unit: '%' });
      metrics.push({ id: 'memoryOverheadPct', lane, value: memOverheadPct, unit: '%' });
      metrics.push({ id: 'memoryIdlePct', lane, value: Math.max(0, 100 - memUsedPct - memOverheadPct), unit: '%' });
      metrics.push({ id: 'startSeconds', lane, value: round1(startMs(lane, s) / 1000), unit: 's' });
      const share = this.neighbourShare(lane);
      const alone = lane === 'bare-metal' && s.bareMetal === 'dedicated';
      metrics.push({ id: 'neighbourCpuPct', lane, value: alone ? '—' : Math.round(share * 100), unit: alone ? '' : '%', tone: alone ? 'neutral' : share < STARVING_BELOW ? 'bad' : 'good' });
    }
    if (!fits) return;

    // ---- picture: the first machine in full (at most DRAWN_APPS apps), the others as one summary box
    const limits = this.values.limits as boolean;
    const firstApps = place.machineOf.map((mm, i) => (mm === 0 ? i : -1)).filter((i) => i >= 0);
    const hostId = `${lane}:machine-1`;
    const busy = firstApps.reduce((sum, i) => sum + got[i]!, 0) + machineReserve(lane).cpu + (lane === 'vms' ? firstApps.length * guestOsCpu(s.guestOsMemoryGiB) : 0);
    const hidden = Math.max(0, firstApps.length - DRAWN_APPS);
    nodes.push({
      id: hostId,
      kind: 'host',
      parent: laneId,
      label: 'machine-1',
      health: busy >= s.machineCores * 0.98 ? 'busy' : busy < s.machineCores * 0.15 ? 'idle' : 'ok',
      facts: { apps: firstApps.length, ...(hidden > 0 ? { more: hidden } : {}) },
      bar: { used: round1(busy), limit: s.machineCores, unit: 'cores' },
    });
    let inner = hostId;
    if (lane === 'vms') {
      inner = `${hostId}:hypervisor`;
      nodes.push({ id: inner, kind: 'hypervisor', parent: hostId, label: 'label:hypervisor' });
    } else {
      nodes.push({ id: `${hostId}:kernel`, kind: 'kernel', parent: hostId, label: lane === 'containers' ? 'label:sharedKernel' : 'label:hostOs' });
    }
    for (const i of firstApps.slice(0, DRAWN_APPS)) nodes.push(...this.drawApp(lane, i, inner, got[i]!, demand[i]!, limits));
    if (machines > 1) {
      const others = place.machineOf.filter((mm) => mm > 0);
      const othersBusy = others.length > 0 ? place.machineOf.reduce((sum, mm, i) => (mm > 0 ? sum + got[i]! : sum), 0) : 0;
      nodes.push({
        id: `${lane}:other-machines`,
        kind: 'host',
        parent: laneId,
        label: 'label:otherMachines',
        health: othersBusy < (machines - 1) * s.machineCores * 0.15 ? 'idle' : 'ok',
        facts: { machines: machines - 1, apps: others.length },
      });
    }
  }

  private drawApp(lane: EraLane, i: number, parent: string, got: number, demand: number, limits: boolean): ConceptNode[] {
    const s = this.sizes;
    const name = appName(i);
    const running = this.running(lane, i);
    const started = (this.createdAt[i] ?? 0) + startMs(lane, s);
    const justStarted = running && this.now - started < PULSE_MS;
    const spikingNow = i === GREEDY_APP && this.spiking && running;
    const starving = running && demand > 0 && got / demand < STARVING_BELOW;
    const health: ConceptHealth = !running ? 'pending' : spikingNow ? 'busy' : starving ? 'warning' : 'ok';
    const pulse = spikingNow ? 'spike' : justStarted ? 'started' : undefined;
    const cpuFact = running ? `${round1(got)} / ${round1(demand)}` : '—';
    const base = `${lane}:${name}`;
    switch (lane) {
      case 'bare-metal':
        return [{ id: base, kind: 'process', parent, label: name, health, ...(pulse ? { pulse } : {}), facts: { cpu: cpuFact } }];
      case 'vms': {
        const vmId = `${base}:vm`;
        return [
          { id: vmId, kind: 'vm', parent, label: `vm-${i + 1}`, health: running ? 'ok' : 'pending', facts: { vmSize: `${vmVcpus(s)} vCPU · ${vmMemoryGiB(s)} GiB` } },
          { id: `${vmId}:guest`, kind: 'guest-os', parent: vmId, label: 'label:guestOs' },
          { id: base, kind: 'process', parent: vmId, label: name, health, ...(pulse ? { pulse } : {}), facts: { cpu: cpuFact } },
        ];
      }
      case 'containers': {
        const throttled = limits && running && this.demandOf(i) > s.appCpu + 1e-9;
        const nodes: ConceptNode[] = [
          { id: base, kind: 'container', parent, label: name, health, ...(throttled ? { pulse: 'throttled' } : pulse ? { pulse } : {}), facts: { cpu: cpuFact } },
        ];
        if (limits) nodes.push({ id: `${base}:cgroup`, kind: 'cgroup-bar', parent: base, label: 'label:cgroupCpu', bar: { used: round1(got), limit: s.appCpu, unit: 'cores' }, ...(throttled ? { health: 'warning' as const } : {}) });
        return nodes;
      }
    }
  }
}

function pct(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Marks the best and worst lane of a numeric metric (when they differ). */
function toneExtremes(metrics: ConceptMetric[], id: string, better: 'low' | 'high'): void {
  const list = metrics.filter((m) => m.id === id && typeof m.value === 'number' && m.tone !== 'bad');
  if (list.length < 2) return;
  const values = list.map((m) => m.value as number);
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return;
  for (const m of list) {
    if (m.value === (better === 'low' ? min : max)) m.tone = 'good';
    else if (m.value === (better === 'low' ? max : min)) m.tone = 'bad';
  }
}

export function createErasModel(options: { seed: number }): ConceptModel {
  return new ErasModel(options.seed);
}
