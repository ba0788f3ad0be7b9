/**
 * The typed message protocol between the UI (main thread) and the simulation worker. Both directions
 * are discriminated unions on `type`, switched exhaustively on each side. Requests carry an `id`; the
 * worker answers each with one `reply`. Everything else the worker sends unasked, batched per frame:
 * object patches (never the whole world per tick), animation cues, clock ticks and periodic snapshots.
 */
import type { ClusterSnapshot } from '../engine/cluster';
import type { Cue } from '../engine/cues';
import type { ActiveFault, ChaosStatus } from '../engine/faults';
import type { KubeObject } from '../engine/objects';
import type { ConceptView, KnobValue } from '../engine/concepts/types';

export type RequestId = number;

export type ClockCommand =
  | { action: 'play' }
  | { action: 'pause' }
  /** Pauses, then advances virtual time by `ms` (default STEP_MS). */
  | { action: 'step'; ms?: number }
  | { action: 'speed'; speed: number };

export type ToWorker =
  /** First message: start a fresh cluster (default preset plus the starter app) or rebuild one from a snapshot. */
  | { type: 'init'; id: RequestId; restore?: ClusterSnapshot; running?: boolean; speed?: number }
  /** `kubectl apply -f` of editor text (`mode: 'replace'` for an edited live object); result: ApplyResult[]. */
  | { type: 'apply'; id: RequestId; yaml: string; dryRun?: DryRun; source?: string; mode?: 'apply' | 'replace' }
  /** `kubectl delete -f` of editor text; result: KubectlReply. */
  | { type: 'deleteManifests'; id: RequestId; yaml: string; source: string; dryRun?: DryRun }
  | { type: 'delete'; id: RequestId; kind: string; namespace?: string; name: string }
  /**
   * A kubectl line; result KubectlReply. With `stream`, a command that waits (`get -w`, `rollout status`,
   * `wait`, `delete`) answers with its first output and a `stream` id, then goes on in `kubectlStream`
   * messages. The worker keeps one stream: a new streaming command ends the one before.
   */
  | { type: 'kubectl'; id: RequestId; line: string; files?: Record<string, string>; stream?: boolean }
  /** Ctrl+C: ends the stream (nothing more is sent for it); result: boolean, whether it was still running. */
  | { type: 'kubectlCancel'; id: RequestId; stream: number }
  | { type: 'clock'; id: RequestId; command: ClockCommand }
  | { type: 'reset'; id: RequestId }
  | { type: 'snapshot'; id: RequestId }
  | { type: 'restore'; id: RequestId; snapshot: ClusterSnapshot }
  | { type: 'explain'; id: RequestId; namespace: string; name: string }
  /** The kubelet's view of a pod: each container's lifecycle state machine state (result: PodLifecycle | null). */
  | { type: 'lifecycle'; id: RequestId; namespace: string; name: string }
  /** Object names of a resource type (any kubectl alias), for the console's tab completion; result: string[]. */
  | { type: 'names'; id: RequestId; resource: string; namespace?: string; allNamespaces?: boolean }
  /** An object as `kubectl edit` opens it (status and server-managed metadata left out); result: string (YAML). */
  | { type: 'editable'; id: RequestId; kind: string; namespace?: string; name: string }
  /** Fault drill for the UI's recovery path: the worker throws from its loop as a real bug would. */
  | { type: 'crash'; id: RequestId }
  /** Failure injection (`cluster.inject`): result FaultResult (English text plus code and params for the page to translate). */
  | { type: 'inject'; id: RequestId; fault: string; target: string; options?: Record<string, string | number> }
  /** Chaos mode (`cluster.chaos`): start (recorded, so snapshots replay it), stop, or status; result ChaosResult. */
  | { type: 'chaos'; id: RequestId; action: 'start' | 'stop' | 'status'; rate?: number | string; seed?: number | string; kinds?: readonly string[] | string }
  /**
   * Concept scenarios (engine/concepts): open one by id (result ConceptOpened: its knobs, actions and first
   * view); while it is open the clock advances it instead of the cluster. Knobs and actions answer a
   * ConceptResult (a refusal carries a code); close answers null and the cluster's clock resumes.
   */
  | { type: 'conceptOpen'; id: RequestId; concept: string; seed?: number }
  | { type: 'conceptKnob'; id: RequestId; knob: string; value: KnobValue }
  | { type: 'conceptAction'; id: RequestId; action: string; params?: Record<string, string> }
  | { type: 'conceptClose'; id: RequestId };

export type DryRun = 'client' | 'server';

export type ToWorkerType = ToWorker['type'];

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
  /** Chaos mode: on or off, rate, seed, next fault, and what it did lately. */
  chaos?: ChaosStatus;
}

export interface ErrorInfo {
  message: string;
  /** ApiError reason (NotFound, Conflict, Invalid ...) when the engine gave one. */
  reason?: string;
}

export type Reply = { type: 'reply'; id: RequestId; ok: true; result: unknown } | { type: 'reply'; id: RequestId; ok: false; error: ErrorInfo };

export type FromWorker =
  | { type: 'ready'; clock: ClockState }
  | Reply
  /** `replace: true` replaces the whole mirror (the initial list, and after reset/restore). */
  | { type: 'patches'; replace: boolean; changes: ObjectChange[] }
  | { type: 'cues'; cues: TimedCue[] }
  | { type: 'clock'; clock: ClockState }
  | { type: 'snapshot'; snapshot: ClusterSnapshot }
  /** The control plane's components and the controller-manager's controllers, with their run state. */
  | { type: 'components'; components: ComponentStatus[] }
  /** The faults in effect and the control-plane processes' run state, sent when they change. */
  | { type: 'faults'; status: FaultStatus }
  /** Output of a streaming kubectl command since the last message; `done` with its exit code at the end. */
  | { type: 'kubectlStream'; stream: number; stdout: string; stderr: string; done: boolean; exitCode: number }
  /** The open concept scenario's view, when it changed (at most once per frame). */
  | { type: 'concept'; view: ConceptView }
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
}
