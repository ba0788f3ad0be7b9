/**
 * Declarative vs scripted, side by side: the same goal (a network, a database, N web instances behind a
 * load balancer) reached by an A → B → C → D script in one lane and by independent control loops in the
 * other, each on its own copy of the system. A fault (an outage while things start, a crashed instance, a
 * crashed database) hits both copies at the same instant. The script stops half-done or never notices;
 * the loops converge again, from any starting point.
 */
import { VirtualClock } from '../../clock/virtualClock';
import { ConceptLog } from '../conceptLog';
import { checkAction, mark, OK, Pulses, refuse } from '../modelKit';
import { checkKnob, defaultKnobs, type ActionSpec, type ConceptEdge, type ConceptHealth, type ConceptMetric, type ConceptModel, type ConceptNode, type ConceptResult, type ConceptView, type KnobSpec, type KnobValue } from '../types';
import { ControlLoops, LOOP_IDS } from './loops';
import { SCRIPT_STEPS, ScriptRunner, type ScriptStep } from './script';
import { converged, goalsMet, initialWorld, runningWeb, staleBackends, START_POINTS, type StartPoint, type World } from './world';

export const LANES = ['script', 'loops'] as const;
export type Lane = (typeof LANES)[number];
export const FAULTS = ['outage', 'crash-web', 'crash-db'] as const;
export type FaultKind = (typeof FAULTS)[number];

const KNOBS: readonly KnobSpec[] = [
  { id: 'replicas', kind: 'number', min: 1, max: 6, step: 1, default: 3 },
  { id: 'start', kind: 'choice', options: START_POINTS, default: 'empty' },
  { id: 'outageAtStep', kind: 'choice', options: ['none', ...SCRIPT_STEPS], default: 'C' },
  { id: 'outageSeconds', kind: 'number', min: 2, max: 60, step: 1, default: 8, unit: 's' },
  { id: 'loopPeriodSeconds', kind: 'number', min: 1, max: 10, step: 1, default: 2, unit: 's' },
  { id: 'idempotentScript', kind: 'boolean', default: false },
];

/** The faults hit both lanes at once. */
const ACTIONS: readonly ActionSpec[] = [{ id: 'run' }, { id: 'outage' }, { id: 'crashWeb' }, { id: 'crashDb' }, { id: 'reset' }];
const FAULT_OF_ACTION: Record<string, FaultKind> = { outage: 'outage', crashWeb: 'crash-web', crashDb: 'crash-db' };

export class DeclarativeVsScriptModel implements ConceptModel {
  readonly id = 'declarative-vs-script' as const;
  readonly knobs = KNOBS;
  readonly actions = ACTIONS;
  private clock = new VirtualClock();
  private readonly startMs = this.clock.now();
  private readonly log = new ConceptLog();
  private readonly pulses = new Pulses(() => this.now());
  private readonly values = defaultKnobs(KNOBS);
  private worlds!: Record<Lane, World>;
  private script!: ScriptRunner;
  private loops!: ControlLoops;
  private outageUntilMs = -1;
  private runAtMs: number | undefined;
  /** When each lane last reached the goal after the run or the last fault. */
  private convergedAtMs: Record<Lane, number | undefined> = { script: undefined, loops: undefined };
  private lastDisturbanceMs: number | undefined;
  /** Bumps on reset: timers of an older epoch find their machinery replaced and do nothing harmful. */
  private epoch = 0;

  constructor(_seed: number) {
    // Nothing here draws random numbers: the seed is accepted for the contract's sake.
    this.reset();
  }

  private now(): number {
    return this.clock.now() - this.startMs;
  }

  private replicas(): number {
    return this.values.replicas as number;
  }

  private outage(): boolean {
    return this.now() < this.outageUntilMs;
  }

  private reset(): void {
    this.epoch++;
    // A fresh clock drops every pending timer of the old run; virtual time carries on from where it was.
    const at = this.clock.now();
    this.clock = new VirtualClock(at);
    const start = this.values.start as StartPoint;
    this.worlds = { script: initialWorld(start), loops: initialWorld(start) };
    this.outageUntilMs = -1;
    this.runAtMs = undefined;
    this.lastDisturbanceMs = undefined;
    this.convergedAtMs = { script: undefined, loops: undefined };
    this.script = new ScriptRunner(
      {
        clock: this.clock,
        world: () => this.worlds.script,
        replicas: () => this.replicas(),
        outage: () => this.outage(),
        onStep: (step, instance) => this.maybeOutage(step, instance ?? 1),
        log: (code, params) => this.log.add(this.now(), code, params, 'script'),
      },
      () => this.values.idempotentScript as boolean,
    );
    this.loops = new ControlLoops({
      clock: this.clock,
      world: () => this.worlds.loops,
      replicas: () => this.replicas(),
      periodMs: () => (this.values.loopPeriodSeconds as number) * 1000,
      outage: () => this.outage(),
      log: (code, params) => this.log.add(this.now(), code, params, 'loops'),
    });
  }

  /** The outage knob: the fault starts as the script enters that step (for C, after its first instance). */
  private maybeOutage(step: ScriptStep, instance: number): void {
    const at = this.values.outageAtStep as string;
    if (at !== step) return;
    if (step === 'C' ? instance !== Math.min(2, this.replicas()) : instance !== 1) return;
    if (this.outage()) return;
    this.startOutage();
  }

  private startOutage(): void {
    this.outageUntilMs = this.now() + (this.values.outageSeconds as number) * 1000;
    this.disturbed();
    this.log.add(this.now(), 'declarative.outageStarted', { seconds: this.values.outageSeconds as number });
    const epoch = this.epoch;
    this.clock.setTimeout(() => {
      if (epoch === this.epoch) this.log.add(this.now(), 'declarative.outageOver', {});
    }, (this.values.outageSeconds as number) * 1000);
  }

  private disturbed(): void {
    this.lastDisturbanceMs = this.now();
    this.convergedAtMs = { script: undefined, loops: undefined };
  }

  setKnob(id: string, value: KnobValue): ConceptResult {
    const checked = checkKnob(KNOBS, id, value);
    if (!checked.ok) return checked;
    this.values[id] = value;
    if (id === 'start') this.reset();
    if (id === 'replicas' && this.runAtMs !== undefined) this.disturbed();
    return OK;
  }

  act(action: string): ConceptResult {
    const checked = checkAction(ACTIONS, action);
    if (!checked.ok) return checked;
    switch (action) {
      case 'run':
        if (this.script.status.state === 'running') return refuse('declarative.scriptRunning');
        this.runAtMs = this.now();
        this.disturbed();
        this.lastDisturbanceMs = this.now();
        this.log.add(this.now(), 'declarative.run', { replicas: this.replicas() });
        this.script.run();
        this.loops.start();
        return OK;
      case 'outage':
      case 'crashWeb':
      case 'crashDb':
        return this.fault(FAULT_OF_ACTION[action]!);
      case 'reset':
        this.reset();
        this.log.add(this.now(), `declarative.reset.${this.values.start as string}`, {});
        return OK;
    }
    return refuse('action.unknown', { action });
  }

  private fault(kind: FaultKind): ConceptResult {
    switch (kind) {
      case 'outage':
        if (this.outage()) return refuse('declarative.outageOn');
        this.startOutage();
        return OK;
      case 'crash-web': {
        // The same instance (by name) dies on both sides, where it exists.
        const victim = LANES.map((l) => runningWeb(this.worlds[l])[0]?.name).find((n) => n !== undefined);
        if (!victim) return refuse('declarative.nothingToCrashWeb');
        for (const lane of LANES) {
          const w = this.worlds[lane];
          if (w.web.some((i) => i.name === victim)) {
            w.web = w.web.filter((i) => i.name !== victim);
            this.pulses.set(`${lane}:web:${victim}`, 'killed');
          }
        }
        this.disturbed();
        this.log.add(this.now(), 'declarative.faultCrashWeb', { name: victim });
        return OK;
      }
      case 'crash-db':
        if (LANES.every((l) => this.worlds[l].database !== 'running')) return refuse('declarative.nothingToCrashDb');
        for (const lane of LANES) if (this.worlds[lane].database === 'running') this.worlds[lane].database = 'stopped';
        this.disturbed();
        this.log.add(this.now(), 'declarative.faultCrashDb', {});
        return OK;
    }
  }

  advance(ms: number): void {
    // Step in small slices so that convergence is stamped close to when it happens.
    let left = ms;
    while (left > 0) {
      const step = Math.min(left, 250);
      this.clock.advance(step);
      left -= step;
      this.stampConvergence();
    }
  }

  private stampConvergence(): void {
    if (this.runAtMs === undefined) return;
    for (const lane of LANES) {
      if (this.convergedAtMs[lane] !== undefined) continue;
      if (converged(this.worlds[lane], this.replicas())) {
        this.convergedAtMs[lane] = this.now();
        const since = this.lastDisturbanceMs ?? this.runAtMs;
        this.log.add(this.now(), `declarative.converged.${lane}`, { seconds: Math.round((this.now() - since) / 100) / 10 }, lane);
      }
    }
  }

  /** The lane's world (tests). */
  world(lane: Lane): World {
    return this.worlds[lane];
  }

  scriptStatus(): ScriptRunner['status'] {
    return this.script.status;
  }

  view(): ConceptView {
    const nodes: ConceptNode[] = [];
    const edges: ConceptEdge[] = [];
    const metrics: ConceptMetric[] = [];
    const replicas = this.replicas();
    const status = this.script.status;

    for (const lane of LANES) {
      nodes.push({ id: `lane:${lane}`, kind: 'lane', label: `label:lane.${lane}` });
      if (lane === 'script') {
        SCRIPT_STEPS.forEach((step) => {
          const health: ConceptHealth =
            status.state === 'running' && status.step === step ? 'busy' : status.state === 'failed' && status.step === step ? 'failed' : this.script.finished.includes(step) ? 'ok' : 'pending';
          nodes.push({
            id: `step:${step}`,
            kind: 'step',
            parent: 'lane:script',
            label: `label:step.${step}`,
            health,
            facts: { letter: step },
          });
        });
      } else {
        for (const id of LOOP_IDS) {
          const loop = this.loops.loops[id];
          const met = goalsMet(this.worlds.loops, replicas)[id];
          nodes.push({
            id: `loop:${id}`,
            kind: 'loop',
            parent: 'lane:loops',
            label: `label:loop.${id}`,
            health: !this.loops.started ? 'idle' : loop.busy ? 'busy' : loop.lastFailure ? 'warning' : met ? 'ok' : 'pending',
            facts: { desired: this.desiredText(id), actual: this.actualText(this.worlds.loops, id), retrying: mark(loop.lastFailure !== undefined) },
          });
        }
      }
      this.pushSystem(lane, nodes, edges);
      const w = this.worlds[lane];
      const g = goalsMet(w, replicas);
      const met = Object.values(g).filter(Boolean).length;
      metrics.push({ id: 'goalsMet', lane, value: `${met}/4`, tone: met === 4 ? 'good' : this.runAtMs !== undefined ? 'bad' : 'neutral' });
      metrics.push({ id: 'webRunning', lane, value: `${runningWeb(w).length}/${replicas}`, tone: runningWeb(w).length === replicas ? 'good' : 'bad' });
      metrics.push({ id: 'staleBackends', lane, value: staleBackends(w).length, tone: staleBackends(w).length > 0 ? 'bad' : 'good' });
      const at = this.convergedAtMs[lane];
      const since = this.lastDisturbanceMs ?? this.runAtMs;
      metrics.push({ id: 'convergedAfter', lane, value: at !== undefined && since !== undefined ? Math.round((at - since) / 100) / 10 : '-', unit: 's', tone: at !== undefined ? 'good' : 'neutral' });
    }
    metrics.push({ id: 'scriptState', lane: 'script', value: status.state === 'failed' ? `${status.step}` : status.state === 'running' ? `${status.step}…` : status.state === 'done' ? '✓' : '-', tone: status.state === 'failed' ? 'bad' : 'neutral' });
    metrics.push({ id: 'outageLeft', value: this.outage() ? Math.ceil((this.outageUntilMs - this.now()) / 1000) : 0, unit: 's', tone: this.outage() ? 'bad' : 'neutral' });
    return { id: this.id, nowMs: this.now(), knobs: { ...this.values }, nodes, edges, metrics, log: this.log.snapshot() };
  }

  private desiredText(id: (typeof LOOP_IDS)[number]): string | number {
    switch (id) {
      case 'network':
      case 'database':
        return 1;
      case 'web':
        return this.replicas();
      case 'lb':
        return runningWeb(this.worlds.loops).length;
    }
  }

  private actualText(w: World, id: (typeof LOOP_IDS)[number]): string | number {
    switch (id) {
      case 'network':
        return w.network ? 1 : 0;
      case 'database':
        return w.database === 'running' ? 1 : 0;
      case 'web':
        return runningWeb(w).length;
      case 'lb':
        return w.lb.length - staleBackends(w).length;
    }
  }

  /** The system a lane built: network, database, web instances, balancer; users reach web through it. */
  private pushSystem(lane: Lane, nodes: ConceptNode[], edges: ConceptEdge[]): void {
    const w = this.worlds[lane];
    const p = `${lane}:`;
    nodes.push({ id: `${p}network`, kind: 'host', parent: `lane:${lane}`, label: 'shop-net', health: w.network ? 'ok' : 'idle', facts: { exists: mark(w.network) } });
    nodes.push({
      id: `${p}database`,
      kind: 'process',
      parent: `${p}network`,
      label: 'database',
      health: w.database === 'running' ? 'ok' : w.database === 'starting' ? 'pending' : w.network ? 'failed' : 'idle',
      facts: { running: mark(w.database === 'running') },
    });
    nodes.push({ id: `${p}webgroup`, kind: 'service', parent: `${p}network`, label: 'web', health: runningWeb(w).length === this.replicas() ? 'ok' : 'warning', facts: { running: runningWeb(w).length, desired: this.replicas() } });
    for (const i of w.web) {
      nodes.push({ id: `${p}web:${i.name}`, kind: 'container', parent: `${p}webgroup`, label: i.name, health: i.state === 'running' ? 'ok' : 'pending', ...this.pulses.of(`${p}web:${i.name}`) });
    }
    const stale = staleBackends(w);
    nodes.push({ id: `${p}lb`, kind: 'service', parent: `${p}network`, label: 'lb', health: w.lb.length === 0 ? 'idle' : stale.length > 0 ? 'warning' : 'ok', facts: { backends: w.lb.join(' ') || '-', stale: stale.length } });
    for (const name of w.lb) {
      const alive = w.web.some((i) => i.name === name && i.state === 'running');
      edges.push({ id: `${p}edge:lb:${name}`, from: `${p}lb`, to: alive ? `${p}web:${name}` : `${p}webgroup`, kind: 'request', active: alive, ...(alive ? {} : { label: `${name} ✗` }) });
    }
  }
}

export function createDeclarativeVsScriptModel(options: { seed: number }): ConceptModel {
  return new DeclarativeVsScriptModel(options.seed);
}
