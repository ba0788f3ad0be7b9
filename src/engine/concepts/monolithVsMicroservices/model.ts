/**
 * Monolith vs microservices, side by side, each lane on a real cluster of its own (`createCluster`): the
 * monolith is one Deployment whose every copy holds all four modules; the microservices are a Deployment,
 * a Service and an HPA per module. The users' requests become CPU on the pods behind the Services; the
 * HPA controller, the ReplicaSets, the scheduler and the kubelets do the rest, as on any cluster.
 *
 * - A load spike on one module: the monolith scales out in whole copies (its HPA), or up onto a bigger
 *   machine (up to a ceiling, at a premium); the microservices scale only the hot service.
 * - A failure in one module: it crashes the monolith's process, so every feature goes; among the
 *   microservices only that feature (and those calling it) go.
 * - One module needing a new major version of a shared library: a process loads one version, so the
 *   monolith cannot take it; the service rolls out its own new image.
 * - The price: more moving parts, and a network hop for every call between services.
 */
import { VirtualClock } from '../../clock/virtualClock';
import { ConceptLog } from '../conceptLog';
import { checkAction, OK, Pulses, refuse } from '../modelKit';
import { checkKnob, defaultKnobs, type ActionSpec, type ConceptEdge, type ConceptMetric, type ConceptModel, type ConceptNode, type ConceptResult, type ConceptView, type KnobSpec, type KnobValue } from '../types';
import { LaneCluster, type PodInfo } from './laneCluster';
import {
  deploymentYaml,
  hpaYaml,
  LIBRARY_NEW,
  LIBRARY_OLD,
  machineName,
  MAX_REPLICAS,
  MODULES,
  MONOLITH_NAME,
  monolithWorkload,
  PROFILES,
  serviceWorkload,
  serviceYaml,
  SHARED_LIBRARY,
  type ModuleName,
} from './shop';
import { laneTraffic, type LaneTraffic, type ProcessState } from './traffic';

export const LANES = ['monolith', 'microservices'] as const;
export type Lane = (typeof LANES)[number];

/** The traffic is re-spread this often (as the engine's load traffic ticks). */
export const TRAFFIC_TICK_MS = 5_000;
/** The person (or vertical autoscaler) resizing the monolith's machine looks this often. */
export const SCALE_UP_CHECK_MS = 30_000;
const SCALE_UP_ABOVE = 0.8;
const SCALE_DOWN_BELOW = 0.3;
const SMALLEST_MACHINE = 2;
/** The services in the picture: each caller left of what it calls, so the call edges run straight. */
const MICRO_ORDER: readonly ModuleName[] = ['payment', 'cart', 'catalog', 'search'];
/** Cluster time spent before the student sees the lanes: pods pulled, started, first metrics scraped. */
export const WARM_UP_MS = 45_000;

/** On-demand cloud list prices, roughly: per core-hour and per GiB-hour of what is reserved. */
const CORE_HOUR = 0.034;
const GIB_HOUR = 0.0046;
/** Big machines cost more per core (fewer of them, more demand): +15% per doubling above 2 cores. */
function machinePricePerHour(cores: number): number {
  return cores * CORE_HOUR * (1 + 0.15 * Math.log2(cores / SMALLEST_MACHINE)) + cores * 4 * GIB_HOUR;
}

const KNOBS: readonly KnobSpec[] = [
  { id: 'usersPerSecond', kind: 'number', min: 10, max: 400, step: 10, default: 80, unit: 'rps' },
  { id: 'spikeFactor', kind: 'number', min: 2, max: 20, step: 1, default: 6, unit: '×' },
  { id: 'monolithScaling', kind: 'choice', options: ['out', 'up'], default: 'out' },
  { id: 'maxMachineCores', kind: 'number', min: 2, max: 64, step: 2, default: 16, unit: 'cores' },
  { id: 'hopLatencyMs', kind: 'number', min: 0, max: 50, step: 1, default: 3, unit: 'ms' },
  /** The module "Spike", "Fail" and "Upgrade its library" act on. */
  { id: 'module', kind: 'choice', options: MODULES, default: 'catalog' },
];

const ACTIONS: readonly ActionSpec[] = [{ id: 'spike' }, { id: 'calm' }, { id: 'fail' }, { id: 'recover' }, { id: 'upgradeLibrary' }];

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export class MonolithVsMicroservicesModel implements ConceptModel {
  readonly id = 'monolith-vs-microservices' as const;
  readonly knobs = KNOBS;
  readonly actions = ACTIONS;
  /** The model's own clock keeps the beat (ticks); each lane's cluster has its own, advanced in step. */
  private readonly clock = new VirtualClock();
  private startMs: number;
  private readonly log = new ConceptLog();
  private readonly pulses = new Pulses(() => this.now());
  private readonly values = defaultKnobs(KNOBS);
  readonly lanes: Record<Lane, LaneCluster>;
  private readonly spiking = new Set<ModuleName>();
  private readonly failing = new Set<ModuleName>();
  /** Pods we made crash, per lane: uid → pod name (to heal them again). */
  private readonly crashed: Record<Lane, Map<string, string>> = { monolith: new Map(), microservices: new Map() };
  private readonly library: Record<ModuleName, string> = { catalog: LIBRARY_OLD, cart: LIBRARY_OLD, payment: LIBRARY_OLD, search: LIBRARY_OLD };
  /** The module that asked the monolith for a library version it cannot load next to the others. */
  private conflict: ModuleName | undefined;
  /** Cores of the monolith's machine when scaled up; undefined when it scales out. */
  private machineCores: number | undefined;
  private lowChecks = 0;
  private ceilingLogged = false;
  private traffic: Record<Lane, LaneTraffic>;
  private lastReplicas: Record<string, number> = {};

  constructor(seed: number) {
    this.lanes = { monolith: new LaneCluster(seed), microservices: new LaneCluster(seed) };
    this.deployMonolith();
    for (const m of MODULES) this.deployService(m);
    this.clock.setTimeout(() => this.tick(), 0);
    this.traffic = { monolith: this.measure('monolith'), microservices: this.measure('microservices') };
    this.startMs = this.clock.now();
    this.advance(WARM_UP_MS);
    this.startMs = this.clock.now();
    this.clock.setTimeout(() => this.checkMachineSize(), SCALE_UP_CHECK_MS);
  }

  private now(): number {
    return this.clock.now() - this.startMs;
  }

  // ------------------------------------------------------------------ deploying

  private deployMonolith(): void {
    const lane = this.lanes.monolith;
    const cores = this.values.monolithScaling === 'up' ? (this.machineCores ?? SMALLEST_MACHINE) : undefined;
    this.machineCores = cores;
    if (cores) {
      lane.addMachine(machineName(cores), cores);
      if (lane.cluster.api.peek('HorizontalPodAutoscaler', 'default', MONOLITH_NAME)) lane.cluster.kubectl(`delete hpa ${MONOLITH_NAME}`);
      lane.apply(deploymentYaml(monolithWorkload(cores)));
    } else {
      lane.apply(deploymentYaml(monolithWorkload(undefined)));
      lane.apply(hpaYaml(MONOLITH_NAME));
    }
    lane.apply(serviceYaml(MONOLITH_NAME));
  }

  private deployService(m: ModuleName): void {
    const lane = this.lanes.microservices;
    lane.apply(deploymentYaml(serviceWorkload(m, this.library[m])));
    lane.apply(serviceYaml(m));
    lane.apply(hpaYaml(m));
  }

  // ------------------------------------------------------------------ knobs and actions

  setKnob(id: string, value: KnobValue): ConceptResult {
    const checked = checkKnob(KNOBS, id, value);
    if (!checked.ok) return checked;
    const before = this.values[id];
    this.values[id] = value;
    if (id === 'monolithScaling' && before !== value) {
      this.ceilingLogged = false;
      this.machineCores = undefined;
      this.deployMonolith();
      this.log.add(this.now(), value === 'up' ? 'shop.monolithScalesUp' : 'shop.monolithScalesOut', {}, 'monolith');
    }
    if (id === 'maxMachineCores' && this.machineCores !== undefined && this.machineCores > (value as number)) this.resizeMachine(this.largestAllowed());
    return OK;
  }

  act(action: string): ConceptResult {
    const checked = checkAction(ACTIONS, action);
    if (!checked.ok) return checked;
    const module = this.values.module as ModuleName;
    switch (action) {
      case 'spike':
        if (this.spiking.has(module)) return refuse('shop.alreadySpiking', { module });
        this.spiking.add(module);
        this.pulses.set(`users`, 'spike');
        this.log.add(this.now(), 'shop.spike', { module, factor: this.values.spikeFactor as number });
        this.tick(false);
        return OK;
      case 'calm':
        if (this.spiking.size === 0) return refuse('shop.noSpike');
        this.spiking.clear();
        this.log.add(this.now(), 'shop.calm', {});
        this.tick(false);
        return OK;
      case 'fail':
        if (this.failing.has(module)) return refuse('shop.alreadyFailing', { module });
        this.failing.add(module);
        this.log.add(this.now(), 'shop.fail', { module });
        this.applyCrashes();
        return OK;
      case 'recover':
        if (this.failing.size === 0) return refuse('shop.nothingFailing');
        this.failing.clear();
        this.heal();
        this.log.add(this.now(), 'shop.recover', {});
        return OK;
      case 'upgradeLibrary':
        return this.upgradeLibrary(module);
    }
    return refuse('action.unknown', { action });
  }

  private upgradeLibrary(module: ModuleName): ConceptResult {
    if (this.library[module] === LIBRARY_NEW) return refuse('shop.alreadyUpgraded', { module, library: SHARED_LIBRARY, version: LIBRARY_NEW });
    this.library[module] = LIBRARY_NEW;
    // The service gets its own image built against the new version: a rolling update of that one Deployment.
    this.deployService(module);
    this.pulses.set(`microservices:svc:${module}`, 'updated');
    this.log.add(this.now(), 'shop.serviceUpgraded', { module, library: SHARED_LIBRARY, version: LIBRARY_NEW }, 'microservices');
    // One process loads one copy of a library: the monolith's build cannot link both versions.
    this.conflict = module;
    const others = MODULES.filter((m) => m !== module).join(', ');
    this.log.add(this.now(), 'shop.libraryConflict', { module, library: SHARED_LIBRARY, wants: LIBRARY_NEW, others, has: LIBRARY_OLD }, 'monolith');
    this.pulses.set(`monolith:proc`, 'conflict');
    return OK;
  }

  // ------------------------------------------------------------------ faults

  private failingPods(lane: Lane): PodInfo[] {
    if (this.failing.size === 0) return [];
    const cluster = this.lanes[lane];
    // A crash in any module takes the whole monolith's process down with it.
    return lane === 'monolith' ? cluster.pods(MONOLITH_NAME) : [...this.failing].flatMap((m) => cluster.pods(m));
  }

  /** Makes every pod of a failing module crash (new pods too: the bug ships in the image). */
  private applyCrashes(): void {
    for (const lane of LANES) {
      for (const pod of this.failingPods(lane)) {
        if (this.crashed[lane].has(pod.uid) || !pod.node) continue;
        const r = this.lanes[lane].cluster.inject({ fault: 'crashloop', target: `default/${pod.name}` });
        if (r.ok) {
          this.crashed[lane].set(pod.uid, pod.name);
          this.pulses.set(`${lane}:pod:${pod.name}`, 'killed');
        }
      }
    }
  }

  /** The fix is shipped: the crashing pods are healed and replaced by fresh ones. */
  private heal(): void {
    for (const lane of LANES) {
      const cluster = this.lanes[lane].cluster;
      for (const name of this.crashed[lane].values()) {
        if (!cluster.api.peek('Pod', 'default', name)) continue;
        cluster.inject({ fault: 'heal', target: `default/${name}` });
        cluster.inject({ fault: 'delete-pod', target: `default/${name}` });
      }
      this.crashed[lane].clear();
    }
  }

  // ------------------------------------------------------------------ time

  advance(ms: number): void {
    let left = ms;
    while (left > 0) {
      const due = this.clock.nextDue();
      const step = due === undefined ? left : Math.min(left, Math.max(0, due - this.clock.now()));
      if (step > 0) {
        for (const lane of LANES) this.lanes[lane].cluster.advance(step);
        left -= step;
      }
      // Fires the model's due ticks at the instant the clusters have reached.
      this.clock.advance(step);
    }
  }

  private rps(): Record<ModuleName, number> {
    const users = this.values.usersPerSecond as number;
    const factor = this.values.spikeFactor as number;
    return Object.fromEntries(MODULES.map((m) => [m, users * PROFILES[m].share * (this.spiking.has(m) ? factor : 1)])) as Record<ModuleName, number>;
  }

  private processes(lane: Lane): ProcessState[] {
    const state = (id: string, app: string, modules: readonly ModuleName[]): ProcessState => {
      const ready = this.lanes[lane].pods(app).filter((p) => p.ready);
      return { id, modules, readyPods: ready.length, capacityMilli: ready.reduce((s, p) => s + p.cpuLimitMilli, 0) };
    };
    return lane === 'monolith' ? [state('proc', MONOLITH_NAME, MODULES)] : MODULES.map((m) => state(`svc:${m}`, m, [m]));
  }

  private measure(lane: Lane): LaneTraffic {
    return laneTraffic(this.processes(lane), this.rps(), lane === 'monolith' ? 0 : (this.values.hopLatencyMs as number));
  }

  /** Every traffic tick: spread the demand over the ready pods, keep the crashes crashing, log scaling. */
  private tick(reschedule = true): void {
    const rps = this.rps();
    const demand = (m: ModuleName) => rps[m] * PROFILES[m].cpuMilliPerRps;
    this.lanes.monolith.spread([{ service: MONOLITH_NAME, demandMilli: MODULES.reduce((s, m) => s + demand(m), 0) }]);
    this.lanes.microservices.spread(MODULES.map((m) => ({ service: m, demandMilli: demand(m) })));
    this.applyCrashes();
    this.traffic = { monolith: this.measure('monolith'), microservices: this.measure('microservices') };
    this.logScaling();
    if (reschedule) this.clock.setTimeout(() => this.tick(), TRAFFIC_TICK_MS);
  }

  private logScaling(): void {
    const apps: Array<[Lane, string]> = [['monolith', MONOLITH_NAME], ...MODULES.map((m): [Lane, string] => ['microservices', m])];
    for (const [lane, app] of apps) {
      const count = this.lanes[lane].pods(app).length;
      const key = `${lane}:${app}`;
      const before = this.lastReplicas[key];
      if (before !== undefined && before !== count) {
        this.log.add(this.now(), 'shop.replicasChanged', { app, from: before, to: count }, lane);
        this.pulses.set(lane === 'monolith' ? 'monolith:proc' : `microservices:svc:${app}`, count > before ? 'scaled-up' : 'scaled-down');
      }
      this.lastReplicas[key] = count;
    }
  }

  private largestAllowed(): number {
    let cores = SMALLEST_MACHINE;
    while (cores * 2 <= (this.values.maxMachineCores as number)) cores *= 2;
    return cores;
  }

  /** The scaled-up monolith: a busy machine is swapped for one twice as big, until the ceiling. */
  private checkMachineSize(): void {
    this.clock.setTimeout(() => this.checkMachineSize(), SCALE_UP_CHECK_MS);
    const cores = this.machineCores;
    if (cores === undefined) return;
    const util = this.traffic.monolith.processes.proc?.utilization ?? 0;
    if (util > SCALE_UP_ABOVE) {
      this.lowChecks = 0;
      if (cores * 2 <= (this.values.maxMachineCores as number)) this.resizeMachine(cores * 2);
      else if (!this.ceilingLogged) {
        this.ceilingLogged = true;
        this.log.add(this.now(), 'shop.ceiling', { cores }, 'monolith');
        this.pulses.set('monolith:proc', 'ceiling');
      }
      return;
    }
    if (util < SCALE_DOWN_BELOW && cores > SMALLEST_MACHINE && ++this.lowChecks >= 2) {
      this.lowChecks = 0;
      this.resizeMachine(cores / 2);
    }
  }

  private resizeMachine(cores: number): void {
    const from = this.machineCores;
    this.machineCores = cores;
    this.ceilingLogged = false;
    this.deployMonolith();
    this.pulses.set('monolith:proc', 'moved');
    this.log.add(this.now(), 'shop.machineResized', { from: from ?? 0, to: cores }, 'monolith');
  }

  // ------------------------------------------------------------------ view

  private cost(lane: Lane): number {
    if (lane === 'monolith' && this.machineCores !== undefined) return machinePricePerHour(this.machineCores);
    const apps = lane === 'monolith' ? [MONOLITH_NAME] : [...MODULES];
    return apps
      .flatMap((a) => this.lanes[lane].pods(a))
      .filter((p) => p.node)
      .reduce((s, p) => s + (p.cpuRequestMilli / 1000) * CORE_HOUR + (p.memoryRequestMi / 1024) * GIB_HOUR, 0);
  }

  view(): ConceptView {
    const nodes: ConceptNode[] = [];
    const edges: ConceptEdge[] = [];
    const metrics: ConceptMetric[] = [];
    const rps = this.rps();

    for (const lane of LANES) {
      const t = this.traffic[lane];
      nodes.push({ id: `lane:${lane}`, kind: 'lane', label: `label:lane.${lane}` });
      nodes.push({ id: `${lane}:users`, kind: 'request', parent: `lane:${lane}`, label: 'label:users', facts: { rps: Math.round(t.totalRps) }, ...this.pulses.of('users') });
      const pods = lane === 'monolith' ? this.lanes.monolith.pods(MONOLITH_NAME) : MODULES.flatMap((m) => this.lanes.microservices.pods(m));

      if (lane === 'monolith') {
        // One Service in front of whole copies of one program; the program is drawn once, with its modules.
        const proc = t.processes.proc!;
        const allDown = MODULES.every((m) => !t.modules[m].available);
        const up = this.machineCores !== undefined;
        nodes.push({
          id: 'monolith:proc',
          kind: 'service',
          parent: 'lane:monolith',
          label: MONOLITH_NAME,
          health: allDown ? 'failed' : proc.utilization > 1 ? 'warning' : proc.utilization > SCALE_UP_ABOVE ? 'busy' : 'ok',
          facts: {
            replicas: pods.length,
            utilizationPercent: Math.round(Math.min(proc.utilization, 9.99) * 100),
            latencyMs: allDown ? '-' : t.latencyMs,
            ...(up ? { machineCores: this.machineCores! } : { library: `${SHARED_LIBRARY} ${LIBRARY_OLD}` }),
          },
          // Copies out of the autoscaler's maximum, or the machine's cores out of the biggest one allowed.
          bar: up ? { used: this.machineCores!, limit: this.values.maxMachineCores as number, unit: '' } : { used: pods.length, limit: MAX_REPLICAS, unit: '' },
          ...this.pulses.of('monolith:proc'),
        });
        const readyCopies = pods.filter((p) => p.ready).length;
        nodes.push({
          id: 'monolith:copy',
          kind: 'process',
          parent: 'lane:monolith',
          label: 'label:everyCopy',
          health: readyCopies === 0 ? 'failed' : this.conflict ? 'warning' : 'ok',
          facts: { copies: pods.length, cpuMilli: pods.reduce((sum, p) => sum + p.cpuUsedMilli, 0) },
        });
        for (const m of MODULES) {
          const mt = t.modules[m];
          nodes.push({
            id: `monolith:module:${m}`,
            kind: 'module',
            parent: 'monolith:copy',
            label: m,
            health: !mt.available ? 'failed' : this.conflict === m ? 'warning' : this.spiking.has(m) ? 'busy' : 'ok',
            facts: { latencyMs: mt.available ? mt.latencyMs : '-' },
          });
        }
      } else {
        // The services sit in the namespace, callers left of callees: payment → cart → catalog, then search.
        nodes.push({ id: 'microservices:ns', kind: 'namespace', parent: 'lane:microservices', label: 'default' });
        for (const m of MICRO_ORDER) {
          const mine = this.lanes.microservices.pods(m);
          const proc = t.processes[`svc:${m}`]!;
          const mt = t.modules[m];
          nodes.push({
            id: `microservices:svc:${m}`,
            kind: 'service',
            parent: 'microservices:ns',
            label: m,
            health: !mt.available ? 'failed' : proc.utilization > 1 ? 'warning' : proc.utilization > SCALE_UP_ABOVE ? 'busy' : 'ok',
            facts: { replicas: mine.length, utilizationPercent: Math.round(Math.min(proc.utilization, 9.99) * 100), latencyMs: mt.available ? mt.latencyMs : '-', library: `${SHARED_LIBRARY} ${this.library[m]}` },
            bar: { used: mine.length, limit: MAX_REPLICAS, unit: '' },
            ...this.pulses.of(`microservices:svc:${m}`),
          });
          for (const c of PROFILES[m].calls) {
            // A call between services crosses the network (the hop's cost is in the latency figures).
            edges.push({ id: `microservices:edge:${m}:${c}`, from: `microservices:svc:${m}`, to: `microservices:svc:${c}`, kind: 'request', active: mt.available && rps[m] > 0 });
          }
        }
      }

      const ready = pods.filter((p) => p.ready).length;
      const up = MODULES.filter((m) => t.modules[m].available).length;
      metrics.push({ id: 'featuresUp', lane, value: `${up}/${MODULES.length}`, tone: up === MODULES.length ? 'good' : 'bad' });
      metrics.push({ id: 'replicas', lane, value: `${ready}/${pods.length}` });
      metrics.push({ id: 'cpuMilli', lane, value: pods.reduce((s, p) => s + p.cpuUsedMilli, 0), unit: 'm' });
      metrics.push({ id: 'cpuRequestedMilli', lane, value: pods.filter((p) => p.node).reduce((s, p) => s + p.cpuRequestMilli, 0), unit: 'm' });
      metrics.push({ id: 'costPerHour', lane, value: round(this.cost(lane), 3), unit: '$/h' });
      metrics.push({ id: 'latencyMs', lane, value: t.latencyMs, unit: 'ms', tone: t.latencyMs > 200 ? 'bad' : 'neutral' });
      metrics.push({ id: 'errorPercent', lane, value: Math.round(t.errorRate * 100), unit: '%', tone: t.errorRate > 0.01 ? 'bad' : 'good' });
      metrics.push({ id: 'movingParts', lane, value: this.lanes[lane].movingParts() });
      if (lane === 'monolith' && this.machineCores !== undefined) metrics.push({ id: 'machineCores', lane, value: this.machineCores, unit: 'cores', tone: this.machineCores >= this.largestAllowed() ? 'bad' : 'neutral' });
    }
    return { id: this.id, nowMs: this.now(), knobs: { ...this.values }, nodes, edges, metrics, log: this.log.snapshot() };
  }

  /** Replica counts of an app in a lane (tests). */
  replicas(lane: Lane, app: string): number {
    return this.lanes[lane].pods(app).length;
  }

  trafficOf(lane: Lane): LaneTraffic {
    return this.traffic[lane];
  }
}

export function createMonolithVsMicroservicesModel(options: { seed: number }): ConceptModel {
  return new MonolithVsMicroservicesModel(options.seed);
}

