/**
 * The typed message protocol between the UI (main thread) and the simulation worker. Both directions
 * are discriminated unions on `type`, switched exhaustively on each side. Requests carry an `id`; the
 * worker answers each with one `reply` whose result has the type `Replies` gives for that request.
 * Everything else the worker sends unasked, batched per frame: object patches (never the whole world
 * per tick), animation cues, clock ticks and periodic snapshots.
 */
import type { ClusterSnapshot } from '../engine/cluster';
import type { Cue } from '../engine/cues';
import type { ActiveFault, ChaosResult, ChaosStatus, EtcdHealth, FaultResult } from '../engine/faults';
import type { JourneyRecord } from '../engine/journey/journeyRecorder';
import type { ApplyResult } from '../engine/kubectl/apply';
import type { KubeObject } from '../engine/objects';
import type { PresetName } from '../engine/scenarios/presets';
import type { HistorySeries } from '../engine/metrics/historyTypes';
import type { SchedulingDiagnosis } from '../engine/scheduler';
import type { SeekResult, SeekTarget, TimelineHistory, TimelineState } from './timeline/types';
import type { ActionSpec, ConceptId, ConceptResult, ConceptView, KnobSpec, KnobValue } from '../engine/concepts/types';

export type RequestId = number;

export type ClockCommand =
  | { action: 'play' }
  | { action: 'pause' }
  /** Pauses, then advances virtual time by `ms` (default STEP_MS). */
  | { action: 'step'; ms?: number }
  | { action: 'speed'; speed: number };

/** The requests the page makes, as it writes them: the client numbers each (`ToWorker`). */
export type Request =
  /** First message: start a fresh cluster (default preset plus the starter app) or rebuild one from a snapshot. */
  /** `from: 'scratch'`: the bare cluster with the starter app still to come up (Reset), instead of it already running. */
  /** `preset`: a cluster preset instead of the default one (`big-cluster`: 1,000 nodes, 10,000 pods, its workloads included). */
  | { type: 'init'; restore?: ClusterSnapshot; running?: boolean; speed?: number; from?: 'scratch'; preset?: PresetName }
  /** The page's watchdog: any answer shows the worker is alive and not stuck in a frame. */
  | { type: 'ping' }
  /** `kubectl apply -f` of editor text (`mode: 'replace'` for an edited live object); result: ApplyResult[]. */
  | { type: 'apply'; yaml: string; dryRun?: DryRun; source?: string; mode?: 'apply' | 'replace' }
  /** `kubectl delete -f` of editor text; result: KubectlReply. */
  | { type: 'deleteManifests'; yaml: string; source: string; dryRun?: DryRun }
  | { type: 'delete'; kind: string; namespace?: string; name: string }
  /**
   * A kubectl line; result KubectlReply. With `stream`, a command that waits (`get -w`, `rollout status`,
   * `wait`, `delete`) answers with its first output and a `stream` id, then goes on in `kubectlStream`
   * messages. The worker keeps one stream: a new streaming command ends the one before.
   */
  | { type: 'kubectl'; line: string; files?: Record<string, string>; stream?: boolean }
  /** Ctrl+C: ends the stream (nothing more is sent for it); result: boolean, whether it was still running. */
  | { type: 'kubectlCancel'; stream: number }
  /**
   * A line typed into an interactive stream (`kubectl exec -it POD -- sh`); its output follows in
   * `kubectlStream` messages. Result: boolean, whether the stream was there to take it.
   */
  | { type: 'kubectlInput'; stream: number; line: string }
  | { type: 'clock'; command: ClockCommand }
  /** Starts over: the default cluster from scratch, or `preset` freshly made (the big cluster keeps its size). */
  | { type: 'reset'; preset?: PresetName }
  | { type: 'snapshot' }
  | { type: 'restore'; snapshot: ClusterSnapshot }
  | { type: 'explain'; namespace: string; name: string }
  /** The kubelet's view of a pod: each container's lifecycle state machine state (result: PodLifecycle | null). */
  | { type: 'lifecycle'; namespace: string; name: string }
  /** Object names of a resource type (any kubectl alias), for the console's tab completion; result: string[]. */
  | { type: 'names'; resource: string; namespace?: string; allNamespaces?: boolean }
  /** An object as `kubectl edit` opens it (status and server-managed metadata left out); result: string (YAML). */
  | { type: 'editable'; kind: string; namespace?: string; name: string }
  /**
   * An object's recent samples for its charts (engine/metrics/clusterHistory.ts: a Deployment, an HPA, a
   * Node or a Service, every 2 virtual seconds); result: HistorySeries, or null when it has none.
   */
  | { type: 'chartSeries'; kind: string; namespace?: string; name: string }
  /** The student's objects as multi-document YAML for `kubectl apply -f` on a real cluster (engine/kubectl/export.ts). */
  | { type: 'export' }
  /** Fault drill for the UI's recovery path: the worker throws from its loop as a real bug would. */
  | { type: 'crash'; silently?: boolean }
  /** Failure injection (`cluster.inject`): result FaultResult (English text plus code and params for the page to translate). */
  | { type: 'inject'; fault: string; target: string; options?: Record<string, string | number> }
  /** Chaos mode (`cluster.chaos`): start (recorded, so snapshots replay it), stop, or status; result ChaosResult. */
  | { type: 'chaos'; action: 'start' | 'stop' | 'status'; rate?: number | string; seed?: number | string; kinds?: readonly string[] | string }
  /**
   * Concept scenarios (engine/concepts): open one by id (result ConceptOpened: its knobs, actions and first
   * view); while it is open the clock advances it instead of the cluster. Knobs and actions answer a
   * ConceptResult (a refusal carries a code); close answers null and the cluster's clock resumes.
   */
  | { type: 'conceptOpen'; concept: string; seed?: number }
  | { type: 'conceptKnob'; knob: string; value: KnobValue }
  | { type: 'conceptAction'; action: string; params?: Record<string, string> }
  | { type: 'conceptClose' }
  /**
   * Follow a manifest's journey (engine/journey): applies a small Deployment + Service and records each
   * hop as the cluster makes it; the record follows in `journey` messages. Result: the record so far.
   */
  | { type: 'journeyStart' }
  /** Stops recording (the app stays); result null. */
  | { type: 'journeyStop' }
  /**
   * The timeline (worker/timeline): `history` answers the span of the recorded history, its marks
   * (faults, applies, rollouts, other changes) and the stops of previous/next event. `seek` shows the
   * cluster as it was at a moment (replayed from the nearest checkpoint; the live cluster waits, paused,
   * and every request that would change the cluster is refused until "back to now" or `fork`). `fork`
   * ("continue from here") makes the moment on screen the live cluster and drops the later history.
   */
  | { type: 'history' }
  | { type: 'seek'; target: SeekTarget }
  | { type: 'fork' };

/** A request on the wire: numbered, so its reply can be matched. */
export type ToWorker = Request & { id: RequestId };

export type DryRun = 'client' | 'server';

export type ToWorkerType = Request['type'];

/** The request message of one type, as the page writes it. */
export type RequestOf<K extends ToWorkerType> = Extract<Request, { type: K }>;

/** Sends a request and resolves with its typed reply (the page's `simClient.request`, or a test's host). */
export type SendRequest = <K extends ToWorkerType>(req: Request & { type: K }) => Promise<Replies[K]>;

/**
 * What each request answers with (the `result` of its ok reply). A request type missing here, or a
 * key here that is no request, fails the type check (see protocol.test.ts).
 */
export interface Replies {
  /** The clock after the cluster started. */
  init: ClockState;
  ping: null;
  /** One result per YAML document. */
  apply: ApplyResult[];
  deleteManifests: KubectlReply;
  delete: KubectlReply;
  kubectl: KubectlReply;
  /** Whether the stream was still running. */
  kubectlCancel: boolean;
  /** Whether the stream took the line. */
  kubectlInput: boolean;
  clock: ClockState;
  reset: ClockState;
  snapshot: ClusterSnapshot;
  restore: ClockState;
  /** The scheduler's last attempt at the pod (plain data: it crosses postMessage), or null if none. */
  explain: SchedulingDiagnosis | null;
  lifecycle: PodLifecycle | null;
  /** Sorted object names. */
  names: string[];
  /** YAML text. */
  editable: string;
  chartSeries: HistorySeries | null;
  /** Multi-document YAML ('' when the student has made nothing). */
  export: string;
  crash: null;
  inject: FaultResult;
  chaos: ChaosResult;
  conceptOpen: ConceptOpened;
  conceptKnob: ConceptResult;
  conceptAction: ConceptResult;
  conceptClose: null;
  journeyStart: JourneyRecord;
  journeyStop: null;
  history: TimelineHistory;
  seek: SeekResult;
  /** The clock of the new live cluster (paused at the moment forked from). */
  fork: ClockState;
}

/** What opening a concept scenario answers: its controls and its first view. */
export interface ConceptOpened {
  id: ConceptId;
  knobs: readonly KnobSpec[];
  actions: readonly ActionSpec[];
  view: ConceptView;
}

/** Stops the type check when a switch over a union misses a case; at run time, a message from a newer or broken peer. */
export function assertNever(value: never, what = 'message'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

export type ObjectChangeType = 'added' | 'modified' | 'deleted';

export interface ObjectChange {
  type: ObjectChangeType;
  kind: string;
  namespace?: string;
  name: string;
  resourceVersion: string;
  /** The object as stored after the change; absent for `deleted`. */
  object?: KubeObject;
}

export interface TimedCue {
  /** Virtual time (epoch ms) when the cue was emitted. */
  at: number;
  cue: Cue;
}

export interface ClockState {
  /** Virtual time, epoch ms. */
  now: number;
  running: boolean;
  speed: number;
}

export interface ComponentStatus {
  /** `kube-scheduler`, or a controller's name inside kube-controller-manager. */
  name: string;
  /** Which process it belongs to: a controller lives in `kube-controller-manager`. */
  parent?: string;
  state: string;
}

/** What the failure panel shows: the engine's active faults and which control-plane processes run. */
export interface FaultStatus {
  active: ActiveFault[];
  /** kube-scheduler, kube-controller-manager, kube-apiserver, etcd-0 .. etcd-2. */
  components: { name: string; running: boolean }[];
  /** etcd's members running and whether they form a quorum (the engine's rule, not the page's). */
  etcd?: EtcdHealth;
  /** Chaos mode: on or off, rate, seed, next fault, and what it did lately. */
  chaos?: ChaosStatus;
}

export interface ErrorInfo {
  message: string;
  /** ApiError reason (NotFound, Conflict, Invalid ...) when the engine gave one. */
  reason?: string;
}

/** The ok answer to a request of type K; `request` names that type so the page can check the pairing. */
export interface OkReply<K extends ToWorkerType = ToWorkerType> {
  type: 'reply';
  id: RequestId;
  request: K;
  ok: true;
  result: Replies[K];
}

export interface ErrorReply {
  type: 'reply';
  id: RequestId;
  request: ToWorkerType;
  ok: false;
  error: ErrorInfo;
}

/** Any ok reply, as a union over request types (so `request` narrows `result`). */
export type AnyOkReply = { [K in ToWorkerType]: OkReply<K> }[ToWorkerType];

export type Reply = AnyOkReply | ErrorReply;

export type FromWorker =
  | { type: 'ready'; clock: ClockState }
  | Reply
  /** `replace: true` replaces the whole mirror (the initial list, and after reset/restore). */
  | { type: 'patches'; replace: boolean; changes: ObjectChange[] }
  | { type: 'cues'; cues: TimedCue[] }
  | { type: 'clock'; clock: ClockState }
  /** The cluster's inputs so far (to restart from, or to keep across a reload), and the virtual time they reach. */
  | { type: 'snapshot'; snapshot: ClusterSnapshot; now: number }
  /** The control plane's components and the controller-manager's controllers, with their run state. */
  | { type: 'components'; components: ComponentStatus[] }
  /** The faults in effect and the control-plane processes' run state, sent when they change. */
  | { type: 'faults'; status: FaultStatus }
  /** Output of a streaming kubectl command since the last message; `done` with its exit code at the end. */
  | { type: 'kubectlStream'; stream: number; stdout: string; stderr: string; done: boolean; exitCode: number }
  /** The open concept scenario's view, when it changed (at most once per frame). */
  | { type: 'concept'; view: ConceptView }
  /** The followed journey, when a hop was added (at most once per frame). */
  | { type: 'journey'; journey: JourneyRecord }
  /** The timeline's span, marks and whether the screen shows the past: sent when they change (not per tick). */
  | { type: 'timeline'; state: TimelineState }
  | { type: 'fatal'; error: ErrorInfo; stack?: string };

export type FromWorkerType = FromWorker['type'];

/** Speeds the UI offers; the worker clamps anything else into [MIN_SPEED, MAX_SPEED]. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20, 50] as const;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 50;
/** One press of "step" advances this much virtual time. */
export const STEP_MS = 1000;
/** Largest single clock advance: timers and probes stay fine-grained even at 50×. */
export const MAX_ADVANCE_SLICE_MS = 100;

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** Result shapes of the requests that return something. */
export interface PodLifecycle {
  node: string;
  containers: { name: string; kind: string; state: string; restartCount: number; ready: boolean }[];
}

export interface KubectlReply {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The command goes on: its output follows in `kubectlStream` messages with this id. */
  stream?: number;
  /** The stream is an interactive shell (`exec -it ... -- sh`) that takes typed lines; its prompt (`/ # `). */
  prompt?: string;
}
