/**
 * The fault catalogue: one record per fault, read by everything that offers, checks, completes, marks or
 * undoes a fault (the injector and its command parser, chaos, the failure panel and the canvas menus,
 * the console's completion, the canvas's flashes). What a fault does to the cluster is faultInjector.ts;
 * this says what it acts on, what it takes, and what ends it.
 * Pure data: the page imports this module without the rest of the engine.
 */
import type { FaultName } from './types';

/** How long `oom` takes for memory to climb from its current use to the limit (a leak, not a spike). */
export const OOM_RAMP_MS = 20_000;
/** How soon after each start a `crashloop`ed container exits. */
export const CRASH_AFTER_MS = 1_000;
/** `kill-container`'s exit code: 128 + SIGKILL (9), as `kill -9` (or the OOM killer) leaves it. */
export const KILL_EXIT_CODE = 137;
/** `crashloop`'s exit code: 1, a program reporting an error. */
export const CRASH_EXIT_CODE = 1;

/**
 * What a fault's target names, as kubectl names objects:
 * - `pod`: POD, NAMESPACE/POD (namespace `default`), or POD/CONTAINER;
 * - `podOrDeployment`: a pod, or `deployment/NAME` (every pod of it, new ones too);
 * - `deployment`: NAME or NAMESPACE/NAME;
 * - `node`: any machine; `worker`: a machine that is not the control plane's;
 * - `zone`: a `topology.kubernetes.io/zone` label value;
 * - `component`: a control-plane process (kube-scheduler, kube-controller-manager, kube-apiserver, etcd-N);
 * - `podNodeOrDeployment`: `heal`'s target, whichever of the three has something to undo.
 */
export type FaultTargetKind = 'pod' | 'podOrDeployment' | 'deployment' | 'node' | 'worker' | 'zone' | 'component' | 'podNodeOrDeployment';

export type FaultOptionName = 'container' | 'exitCode' | 'afterMs' | 'percent' | 'image';

export interface FaultOptionSpec {
  name: FaultOptionName;
  /** How the value is written: a container name, an image reference, an integer, a duration (ms), a percentage. */
  type: 'name' | 'image' | 'integer' | 'duration' | 'percent';
  /** What the engine uses when the option is left out. */
  default?: number;
  /** What a form starts with for a required option that has no default. */
  suggested?: number;
  required?: boolean;
  /** Inclusive bounds, in the option's unit (ms for durations). */
  min?: number;
  max?: number;
}

export interface FaultSpec {
  name: FaultName;
  target: FaultTargetKind;
  /** Options beyond the target (`key=value` on the command line), in the order forms show them. */
  options: readonly FaultOptionSpec[];
  /** What breaks: the failure panel's group. */
  area: 'pods' | 'nodes' | 'rollouts' | 'controlPlane';
  /** The fault that ends this one while it is in effect (node-down → node-up, stop → start, crashloop → heal). */
  undo?: FaultName;
  /** It ends other faults (its cue reads "healed"). */
  restores?: boolean;
  /**
   * The failure panel's fault list offers it. Undo-only faults (node-up, zone-up, heal) are offered where
   * the fault they end is shown instead: the in-effect list and the canvas menus.
   */
  offered: boolean;
}
// What each fault does is told in words by `faults.explain.<name>` (src/i18n/faults.ts, English and
// Korean) and in code by faultInjector.ts.

const CONTAINER: FaultOptionSpec = { name: 'container', type: 'name' };
/** An exit status is one byte (wait(2)): 0 to 255; 128 + N means killed by signal N. */
const exitCode = (fallback: number): FaultOptionSpec => ({ name: 'exitCode', type: 'integer', default: fallback, min: 0, max: 255 });
const afterMs = (fallback: number): FaultOptionSpec => ({ name: 'afterMs', type: 'duration', default: fallback, min: 1_000, max: 3_600_000 });

const SPECS: { readonly [K in FaultName]: Omit<FaultSpec, 'name'> } = {
  'kill-container': { target: 'pod', options: [CONTAINER, exitCode(KILL_EXIT_CODE)], area: 'pods', offered: true },
  crashloop: { target: 'pod', options: [CONTAINER, exitCode(CRASH_EXIT_CODE), afterMs(CRASH_AFTER_MS)], area: 'pods', undo: 'heal', offered: true },
  'delete-pod': { target: 'pod', options: [], area: 'pods', offered: true },
  'liveness-fail': { target: 'pod', options: [CONTAINER], area: 'pods', undo: 'heal', offered: true },
  'readiness-fail': { target: 'pod', options: [CONTAINER], area: 'pods', undo: 'heal', offered: true },
  oom: { target: 'pod', options: [CONTAINER, afterMs(OOM_RAMP_MS)], area: 'pods', undo: 'heal', offered: true },
  'cpu-load': { target: 'podOrDeployment', options: [{ name: 'percent', type: 'percent', required: true, suggested: 80, min: 0, max: 1000 }], area: 'pods', undo: 'heal', offered: true },
  'node-down': { target: 'node', options: [], area: 'nodes', undo: 'node-up', offered: true },
  'node-up': { target: 'node', options: [], area: 'nodes', restores: true, offered: false },
  partition: { target: 'worker', options: [], area: 'nodes', undo: 'heal', offered: true },
  heal: { target: 'podNodeOrDeployment', options: [], area: 'pods', restores: true, offered: false },
  'bad-image': { target: 'deployment', options: [CONTAINER, { name: 'image', type: 'image' }], area: 'rollouts', offered: true },
  stop: { target: 'component', options: [], area: 'controlPlane', undo: 'start', offered: true },
  start: { target: 'component', options: [], area: 'controlPlane', restores: true, offered: true },
  'zone-down': { target: 'zone', options: [], area: 'nodes', undo: 'zone-up', offered: true },
  'zone-up': { target: 'zone', options: [], area: 'nodes', restores: true, offered: false },
};

/** Every fault, in the catalogue's order (what usage lines and completion list). */
export const FAULT_CATALOGUE: readonly FaultSpec[] = (Object.keys(SPECS) as FaultName[]).map((name) => ({ name, ...SPECS[name] }));

export const FAULT_NAMES: readonly FaultName[] = FAULT_CATALOGUE.map((s) => s.name);

export function faultSpec(name: FaultName): FaultSpec {
  return FAULT_CATALOGUE.find((s) => s.name === name)!;
}

/** The option of a fault, if it takes it. */
export function faultOption(name: FaultName, option: FaultOptionName): FaultOptionSpec | undefined {
  return faultSpec(name).options.find((o) => o.name === option);
}

/** The engine's value for an option left out (kill-container's exit code 137, oom's ramp ...). */
export function optionDefault(name: FaultName, option: FaultOptionName): number | undefined {
  return faultOption(name, option)?.default;
}

/** Option names each fault takes, beyond its target. */
export const FAULT_OPTIONS: { readonly [K in FaultName]: readonly FaultOptionName[] } = Object.fromEntries(FAULT_CATALOGUE.map((s) => [s.name, s.options.map((o) => o.name)])) as {
  [K in FaultName]: FaultOptionName[];
};

/** A fault on a pod that stays in effect until healed (the pod's card is marked meanwhile). */
export function isLastingPodFault(name: FaultName): boolean {
  const spec = faultSpec(name);
  return (spec.target === 'pod' || spec.target === 'podOrDeployment') && spec.undo !== undefined;
}
