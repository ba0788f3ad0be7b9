/**
 * The course's concept scenarios (eras, VMs vs containers, image layers, monolith vs microservices,
 * declarative vs scripted) as deterministic models on the virtual clock. Each model is pure TypeScript
 * beside the engine: the worker owns it like the cluster, advances it with the same clock loop, and sends
 * the page a `ConceptView` (a diagram plus the numbers the model computed) that the canvas draws with node
 * types of its own. The page never computes a number: it renders the view and sends knobs and actions.
 *
 * Texts are codes with params (translated by the page from `i18n/`), never English sentences, except
 * names (an app called `catalog`, an image `shop:1.0`) and real program output (`exec format error`).
 */

export type ConceptId = 'eras' | 'vm-vs-container' | 'image-layers' | 'monolith-vs-microservices' | 'declarative-vs-script';

export const CONCEPT_IDS: readonly ConceptId[] = ['eras', 'vm-vs-container', 'image-layers', 'monolith-vs-microservices', 'declarative-vs-script'];

export function isConceptId(id: string): id is ConceptId {
  return (CONCEPT_IDS as readonly string[]).includes(id);
}

/** A knob the student turns: drawn as an ordinary labelled form input in "Scenario controls". */
export type KnobSpec =
  | { id: string; kind: 'number'; min: number; max: number; step: number; default: number; /** Shown after the value: `GiB`, `%`, `ms`. */ unit?: string }
  | { id: string; kind: 'boolean'; default: boolean }
  | { id: string; kind: 'choice'; options: readonly string[]; default: string };

export type KnobValue = number | boolean | string;

/** A button in "Scenario controls": inject a load spike, kill a module, run the script, build, push ... */
export interface ActionSpec {
  id: string;
  /** Free parameters the action takes (a target chosen from `choices`), if any. */
  params?: readonly { id: string; choices: readonly string[] }[];
}

/** What a model answers to a knob or an action: a refusal carries a code the page translates. */
export type ConceptResult = { ok: true } | { ok: false; code: string; params?: Record<string, string | number> };

/**
 * Node kinds the canvas draws, each with a component of its own. A model uses the ones its idea needs.
 * `lane` groups are the side-by-side columns of a comparison (bare metal | VMs | containers).
 */
export type ConceptNodeKind =
  | 'lane'
  | 'host'
  | 'hypervisor'
  | 'guest-os'
  | 'vm'
  | 'kernel'
  | 'container'
  | 'process'
  | 'namespace'
  | 'cgroup-bar'
  | 'image-layer'
  | 'registry'
  | 'module'
  | 'service'
  | 'request'
  | 'step'
  | 'loop'
  | 'machine';

/** Health as a shape and a colour on the canvas (never colour alone). */
export type ConceptHealth = 'ok' | 'busy' | 'warning' | 'failed' | 'idle' | 'pending';

export interface ConceptNode {
  /** Stable across views: the canvas animates a node whose id stays and whose data changes. */
  id: string;
  kind: ConceptNodeKind;
  /** Nesting: a VM inside a host, a process inside a container. Children are laid out inside parents. */
  parent?: string;
  /** A name (`catalog`, `vm-2`, `node-a`), or a label code the page translates (`label:guestOs`). */
  label: string;
  health?: ConceptHealth;
  /** Small facts drawn on the node: `{ cpu: 0.4, memoryMiB: 512, pid: 1 }`; keys translate as `concept.field.<key>`. */
  facts?: Record<string, string | number | boolean>;
  /** For `cgroup-bar`: use against limit, both in the same unit. */
  bar?: { used: number; limit: number; unit: string };
  /** Set when something just happened to it (the canvas flashes it): `started`, `killed`, `pulled` ... */
  pulse?: string;
}

export interface ConceptEdge {
  id: string;
  from: string;
  to: string;
  /** `request` edges animate while traffic flows; `pull`/`push` while layers travel. */
  kind: 'request' | 'pull' | 'push' | 'depends' | 'controls';
  active?: boolean;
  label?: string;
}

/** A number the model computed, shown big: `{ id: 'appsPerMachine', lane: 'containers', value: 12 }`. */
export interface ConceptMetric {
  id: string;
  /** Which lane it belongs to (for side-by-side tables); absent for whole-scenario numbers. */
  lane?: string;
  value: number | string;
  unit?: string;
  /** `good`/`bad` colours a number that is the point of the comparison. */
  tone?: 'good' | 'bad' | 'neutral';
}

/** One line of what happened, in virtual time: a code the page translates, with params. */
export interface ConceptLogLine {
  atMs: number;
  code: string;
  params?: Record<string, string | number>;
  lane?: string;
}

export interface ConceptView {
  id: ConceptId;
  /** Virtual milliseconds since the scenario opened. */
  nowMs: number;
  knobs: Record<string, KnobValue>;
  nodes: ConceptNode[];
  edges: ConceptEdge[];
  metrics: ConceptMetric[];
  /** The newest lines last; a model keeps at most 200. */
  log: ConceptLogLine[];
}

/**
 * One concept scenario. Deterministic: the same seed, knobs and actions at the same virtual times give the
 * same views. `advance` is called with slices no larger than the worker's MAX_ADVANCE_SLICE_MS.
 */
export interface ConceptModel {
  readonly id: ConceptId;
  readonly knobs: readonly KnobSpec[];
  readonly actions: readonly ActionSpec[];
  setKnob(id: string, value: KnobValue): ConceptResult;
  act(action: string, params?: Record<string, string>): ConceptResult;
  advance(ms: number): void;
  view(): ConceptView;
}

export type ConceptFactory = (options: { seed: number }) => ConceptModel;

/**
 * Checks a knob value against its spec: what every model's `setKnob` does first. Codes:
 * `knob.unknown`, `knob.notNumber`, `knob.outOfRange` (params min, max), `knob.notBoolean`, `knob.notChoice`.
 */
export function checkKnob(specs: readonly KnobSpec[], id: string, value: KnobValue): ConceptResult {
  const spec = specs.find((k) => k.id === id);
  if (!spec) return { ok: false, code: 'knob.unknown', params: { knob: id } };
  switch (spec.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, code: 'knob.notNumber', params: { knob: id } };
      if (value < spec.min || value > spec.max) return { ok: false, code: 'knob.outOfRange', params: { knob: id, min: spec.min, max: spec.max } };
      return { ok: true };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true } : { ok: false, code: 'knob.notBoolean', params: { knob: id } };
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value) ? { ok: true } : { ok: false, code: 'knob.notChoice', params: { knob: id } };
  }
}

export function defaultKnobs(specs: readonly KnobSpec[]): Record<string, KnobValue> {
  return Object.fromEntries(specs.map((k) => [k.id, k.default]));
}
