/**
 * The worker side of the protocol, free of worker globals so it runs under Vitest too: it owns one
 * Cluster, answers requests, drives the virtual clock from real frames, and posts batched patches,
 * cues, clock ticks and snapshots through `post`.
 */
import { createCluster, type Cluster, type ClusterSnapshot } from '../engine/cluster';
import { editableManifest, exportManifests, isReadOnlyKubectl, objectNames, runKubectl, runKubectlStreaming, stripKubectl, type KubectlSession, type StreamingResult } from '../engine/kubectl';
import { ApiError } from '../engine/apiserver/errors';
import { CueBatcher } from './cueBatcher';
import { PatchBatcher, listAsChanges, type WatchedObject } from './patchBatcher';
import { VirtualTimeAccumulator, advanceSlices } from './clockLoop';
import { STARTER_APP_YAML } from './starterApp';
import { FIRST_SCREEN_SEED, bootRunningCluster } from './runningCluster';
import { FaultStatusTracker, chaosRequest, injectFault } from './faultRequests';
import { ConceptSession } from './conceptSession';
import { PRESET_NAMES, isPresetName, type PresetName } from '../engine/scenarios/presets';
import {
  MAX_ADVANCE_SLICE_MS,
  STEP_MS,
  assertNever,
  clampSpeed,
  type AnyOkReply,
  type ClockState,
  type ComponentStatus,
  type ErrorInfo,
  type FromWorker,
  type KubectlReply,
  type ObjectChange,
  type OkReply,
  type PodLifecycle,
  type Replies,
  type RequestId,
  type ToWorker,
  type ToWorkerType,
} from './protocol';

/** Real milliseconds between two views of a running concept scenario (a request's effect is sent at once). */
export const CONCEPT_VIEW_INTERVAL_MS = 100;

/** Real milliseconds between automatic snapshots while the cluster changes. */
export const SNAPSHOT_INTERVAL_MS = 2000;

export interface SimulationHostOptions {
  post: (msg: FromWorker) => void;
  /** Real time in ms (performance.now in the worker; a fake in tests). */
  realNow: () => number;
  seed?: number;
}

export function errorInfo(err: unknown): ErrorInfo {
  if (err instanceof ApiError) return { message: err.message, reason: err.reason };
  if (err instanceof Error) return { message: err.message };
  return { message: String(err) };
}

/**
 * Real milliseconds a frame holds a batch of `size` pending changes before posting it: none for a
 * classroom cluster, up to half a second while thousands of pods are being created.
 */
export function patchHoldMs(size: number): number {
  return size < 300 ? 0 : size < 2000 ? 150 : 500;
}

/**
 * Kinds the page never draws or lists: each node's Lease is renewed every 10 s (100 writes a second at
 * 1,000 nodes, 5,000 at 50×) for the node lifecycle controller alone. `kubectl get leases` still sees them.
 */
export const PAGE_KINDS_SKIPPED: ReadonlySet<string> = new Set(['Lease']);

/** Changes in one patches message at most (see postPatches). */
export const PATCH_MESSAGE_CHANGES = 200;

/** Most real time one frame spends advancing the cluster (the rest of its virtual time is dropped). */
export const FRAME_WORK_BUDGET_MS = 100;

export class SimulationHost {
  private cluster: Cluster | undefined;
  private unsubscribe: (() => void)[] = [];
  private readonly patches = new PatchBatcher();
  private readonly cues = new CueBatcher();
  private readonly accumulator = new VirtualTimeAccumulator();
  private running = true;
  private speed = 1;
  private lastFrameReal: number;
  private lastSnapshotReal: number;
  private dirtySinceSnapshot = false;
  /** The silent drill: the worker script closes the worker after this reply (see sim.worker.ts). */
  closeRequested = false;
  private crashRequested = false;
  private componentsChanged = false;
  private lastPostedClock = '';
  private readonly faultStatus = new FaultStatusTracker();
  /** The console's waiting command (`get -w`, `rollout status` ...): at most one. */
  private stream: { id: number; session: KubectlSession } | undefined;
  private nextStreamId = 1;
  /** The open concept scenario: while there is one, time moves it and the cluster waits. */
  private readonly concept = new ConceptSession();
  private lastConceptPostReal = -Infinity;
  private lastPatchesReal = -Infinity;

  constructor(private readonly opts: SimulationHostOptions) {
    this.lastFrameReal = opts.realNow();
    this.lastSnapshotReal = this.lastFrameReal;
  }

  get clockState(): ClockState {
    return { now: this.cluster?.clock.now() ?? 0, running: this.running, speed: this.speed };
  }

  /** Answers one request. Errors become structured replies; only the frame loop can be fatal. */
  handle(msg: ToWorker): void {
    try {
      this.opts.post(this.dispatch(msg));
    } catch (err) {
      this.opts.post({ type: 'reply', id: msg.id, request: msg.type, ok: false, error: errorInfo(err) });
    }
    // Replies to writes are followed at once by their effects, not a frame later.
    this.flush();
    this.postConceptView(true);
  }

  /** Each case answers with its request's reply type (`ok` checks it); a request type without a case does not compile. */
  private dispatch(msg: ToWorker): AnyOkReply {
    switch (msg.type) {
      case 'init':
        if (msg.running !== undefined) this.running = msg.running;
        if (msg.speed !== undefined) this.speed = clampSpeed(msg.speed);
        this.start(msg.restore, msg.restore ? 'running' : (msg.from ?? 'running'), msg.preset);
        this.opts.post({ type: 'ready', clock: this.clockState });
        return ok(msg, this.clockState);
      case 'apply': {
        if (msg.dryRun !== 'client') this.markDirty();
        const options = { ...(msg.dryRun ? { dryRun: msg.dryRun } : {}), ...(msg.source ? { source: msg.source } : {}), ...(msg.mode ? { mode: msg.mode } : {}) };
        return ok(msg, this.requireCluster().apply(msg.yaml, options));
      }
      case 'deleteManifests': {
        const dryRun = msg.dryRun ? ` --dry-run=${msg.dryRun}` : '';
        return ok(msg, this.kubectl(`delete -f ${quoteWord(msg.source)}${dryRun}`, { [msg.source]: msg.yaml }, false));
      }
      case 'names':
        return ok(msg, objectNames(this.requireCluster().api, msg.resource, msg.namespace, msg.allNamespaces ?? false));
      case 'editable':
        return ok(msg, editableManifest(this.requireCluster().api, msg.kind, msg.namespace, msg.name));
      case 'export':
        return ok(msg, exportManifests(this.requireCluster().api));
      case 'delete': {
        // Through kubectl so the deletion is one of the cluster's recorded inputs (snapshots replay it).
        const ns = msg.namespace ? ` -n ${msg.namespace}` : '';
        this.markDirty();
        return ok(msg, this.requireCluster().kubectl(`delete ${msg.kind.toLowerCase()} ${msg.name}${ns}`));
      }
      case 'kubectl':
        return ok(msg, this.kubectl(msg.line, msg.files, msg.stream ?? false));
      case 'kubectlCancel':
        return ok(msg, this.cancelStream(msg.stream));
      case 'kubectlInput':
        return ok(msg, this.streamInput(msg.stream, msg.line));
      case 'clock':
        return ok(msg, this.clock(msg.command));
      case 'reset':
        // "Start from scratch": the bare cluster, the starter app applied now, its pods still to come up.
        this.start(undefined, 'scratch', msg.preset);
        return ok(msg, this.clockState);
      case 'snapshot':
        return ok(msg, this.requireCluster().snapshot());
      case 'restore':
        this.start(msg.snapshot, 'running');
        return ok(msg, this.clockState);
      case 'explain':
        // JSON round trip: the diagnosis crosses postMessage, which refuses functions and class instances' methods.
        return ok(msg, JSON.parse(JSON.stringify(this.requireCluster().scheduler.explain(msg.namespace, msg.name) ?? null)) as Replies['explain']);
      case 'lifecycle':
        return ok(msg, this.lifecycle(msg.namespace, msg.name));
      case 'crash':
        // The drill: a frame that throws, or (silently) a worker that closes itself without a word.
        if (msg.silently) this.closeRequested = true;
        else this.crashRequested = true;
        return ok(msg, null);
      case 'ping':
        return ok(msg, null);
      case 'inject':
        this.markDirty();
        this.faultStatus.markChanged();
        return ok(msg, injectFault(this.requireCluster(), msg));
      case 'chaos':
        if (msg.action !== 'status') this.markDirty();
        this.faultStatus.markChanged();
        return ok(msg, chaosRequest(this.requireCluster(), msg));
      case 'conceptOpen':
        return ok(msg, this.concept.open(msg.concept, msg.seed ?? this.opts.seed ?? 1));
      case 'conceptKnob':
        return ok(msg, this.concept.setKnob(msg.knob, msg.value));
      case 'conceptAction':
        return ok(msg, this.concept.act(msg.action, msg.params));
      case 'conceptClose':
        this.concept.close();
        return ok(msg, null);
      default:
        return assertNever(msg, 'request');
    }
  }

  /** The pod's containers as its node's kubelet runs them: containerMachine's current state per container. */
  private lifecycle(namespace: string, name: string): PodLifecycle | null {
    const cluster = this.requireCluster();
    const pod = cluster.api.peek<{ spec?: { nodeName?: string } }>('Pod', namespace, name);
    const node = pod?.spec?.nodeName;
    const worker = node ? cluster.nodes.kubelet(node)?.worker(namespace, name) : undefined;
    if (!node || !worker) return null;
    return {
      node,
      containers: worker.slots.map((s) => ({ name: s.name, kind: s.kind, state: String(s.stateName), restartCount: s.restartCount, ready: s.ready })),
    };
  }

  /**
   * Read-only `get`/`describe`/`wait` lines are not recorded in the snapshot's inputs (the inspector
   * polls them). Without `stream` every command answers at once, as in scripts.
   */
  private kubectl(line: string, files: Record<string, string> | undefined, stream: boolean): KubectlReply {
    const cluster = this.requireCluster();
    const opts = files ? { files } : {};
    let result: StreamingResult;
    if (isReadOnlyKubectl(line)) {
      result = stream ? runKubectlStreaming(cluster.kubectlHost(opts), stripKubectl(line)) : runOnce(cluster, line, opts);
    } else {
      this.markDirty();
      result = stream ? cluster.kubectlStreaming(line, opts) : cluster.kubectl(line, opts);
    }
    const { session, ...reply } = result;
    if (!session) return reply;
    this.endStream();
    const id = this.nextStreamId++;
    this.stream = { id, session };
    return { ...reply, stream: id, ...(session.input ? { prompt: session.prompt ?? '' } : {}) };
  }

  /** A line typed into an interactive stream: it runs at once, and its output is posted like any stream's. */
  private streamInput(id: number, line: string): boolean {
    const s = this.stream;
    if (s?.id !== id || !s.session.input) return false;
    this.markDirty();
    s.session.input(line);
    this.pollStream();
    return true;
  }

  private cancelStream(id: number): boolean {
    if (this.stream?.id !== id) return false;
    this.endStream();
    return true;
  }

  /** Ends the stream without a word (Ctrl+C, a newer command, reset). */
  private endStream(): void {
    this.stream?.session.cancel();
    this.stream = undefined;
  }

  /** Polls the stream after time moved or a request changed the cluster; posts what it printed. */
  private pollStream(): void {
    const s = this.stream;
    if (!s) return;
    const out = s.session.poll();
    if (out.done) this.stream = undefined;
    if (out.stdout || out.stderr || out.done) this.opts.post({ type: 'kubectlStream', stream: s.id, ...out });
  }

  private clock(command: Extract<ToWorker, { type: 'clock' }>['command']): ClockState {
    switch (command.action) {
      case 'play':
        this.running = true;
        this.lastFrameReal = this.opts.realNow();
        this.accumulator.reset();
        break;
      case 'pause':
        this.running = false;
        break;
      case 'step':
        this.running = false;
        this.advance(command.ms ?? STEP_MS);
        break;
      case 'speed':
        this.speed = clampSpeed(command.speed);
        break;
    }
    this.postClock();
    return this.clockState;
  }

  /** One real-time frame: advance virtual time by elapsed × speed, then post what changed. */
  frame(): void {
    const now = this.opts.realNow();
    const elapsed = now - this.lastFrameReal;
    this.lastFrameReal = now;
    if (this.crashRequested) {
      this.crashRequested = false;
      throw new Error('simulated crash (fault drill)');
    }
    if (this.cluster && this.running) {
      const ms = this.accumulator.take(elapsed, this.speed);
      if (ms > 0) this.advance(ms, FRAME_WORK_BUDGET_MS);
    }
    this.flush(now);
    if (this.cluster && this.dirtySinceSnapshot && now - this.lastSnapshotReal >= SNAPSHOT_INTERVAL_MS) this.postSnapshot();
  }

  /**
   * Advances in slices. With a budget (the real-time frames), slices stop once the frame has worked
   * that long: a heavy cluster then runs slower than its speed asks, but the worker stays free to
   * answer pause, reset and the console between frames.
   */
  private advance(ms: number, budgetMs?: number): void {
    if (this.concept.isOpen) {
      this.concept.advance(ms, MAX_ADVANCE_SLICE_MS);
      return;
    }
    const cluster = this.requireCluster();
    const started = budgetMs === undefined ? 0 : this.opts.realNow();
    for (const slice of advanceSlices(ms)) {
      cluster.advance(slice);
      if (budgetMs !== undefined && this.opts.realNow() - started >= budgetMs) break;
    }
    this.dirtySinceSnapshot = true;
  }

  /**
   * Posts pending patches and cues, and the clock if time moved. From a frame (`frameNow`), a large
   * batch waits a little longer (patchHoldMs): a pod written five times on its way to Running is then
   * sent once, and a big cluster's traffic stays bounded. After a request everything goes at once.
   */
  flush(frameNow?: number): void {
    // Faults end with what they act on (a crashlooping pod deleted): re-read them whenever anything moved.
    if (this.patches.size > 0 || this.cues.size > 0) this.faultStatus.markChanged();
    this.pollStream();
    const hold = frameNow === undefined ? 0 : patchHoldMs(this.patches.size);
    if (this.patches.size > 0 && (frameNow === undefined || frameNow - this.lastPatchesReal >= hold)) {
      this.postPatches(this.patches.drain(), false);
      this.lastPatchesReal = frameNow ?? this.opts.realNow();
    }
    if (this.cues.size > 0) this.opts.post({ type: 'cues', cues: this.cues.drain() });
    const faults = this.cluster ? this.faultStatus.poll(this.cluster) : undefined;
    if (faults) this.opts.post({ type: 'faults', status: faults });
    if (this.componentsChanged && this.cluster) {
      this.componentsChanged = false;
      this.opts.post({ type: 'components', components: componentStatuses(this.cluster) });
    }
    this.postConceptView(false);
    if (this.cluster) this.postClock();
  }

  /**
   * Patches in messages of at most PATCH_MESSAGE_CHANGES changes: the page reads (deserialises) each
   * message in one task, so a batch of thousands of new pods and their events (the big cluster, a
   * Deployment of 100,000 replicas) arrives as many short tasks instead of one that freezes the page.
   */
  private postPatches(changes: ObjectChange[], replace: boolean): void {
    if (changes.length <= PATCH_MESSAGE_CHANGES) {
      this.opts.post({ type: 'patches', replace, changes });
      return;
    }
    for (let i = 0; i < changes.length; i += PATCH_MESSAGE_CHANGES) {
      this.opts.post({ type: 'patches', replace: replace && i === 0, changes: changes.slice(i, i + PATCH_MESSAGE_CHANGES) });
    }
  }

  /**
   * The open scenario's view when it changed: at once after a request (the student sees their knob take
   * effect), otherwise at most every CONCEPT_VIEW_INTERVAL_MS of real time while the clock runs.
   */
  private postConceptView(now: boolean): void {
    const real = this.opts.realNow();
    if (!now && real - this.lastConceptPostReal < CONCEPT_VIEW_INTERVAL_MS) return;
    const view = this.concept.takeChangedView();
    if (!view) return;
    this.lastConceptPostReal = real;
    this.opts.post({ type: 'concept', view });
  }

  /** Only when something moved: a paused cluster sends nothing per frame. */
  private postClock(): void {
    const clock = this.clockState;
    const key = `${clock.now}|${clock.running}|${clock.speed}`;
    if (key === this.lastPostedClock) return;
    this.lastPostedClock = key;
    this.opts.post({ type: 'clock', clock });
  }

  private markDirty(): void {
    this.dirtySinceSnapshot = true;
    // A user's own change is snapshotted at the next frame, whatever the interval.
    this.lastSnapshotReal = -Infinity;
  }

  private postSnapshot(): void {
    const cluster = this.requireCluster();
    this.opts.post({ type: 'snapshot', snapshot: cluster.snapshot(), now: cluster.clock.now() });
    this.lastSnapshotReal = this.opts.realNow();
    this.dirtySinceSnapshot = false;
  }

  /**
   * A fresh cluster (`from` says which: the running one the first screen shows, or one starting from
   * scratch) or one rebuilt from a snapshot.
   */
  private start(restore: ClusterSnapshot | undefined, from: 'running' | 'scratch', preset: PresetName = 'default'): void {
    // A stream watched the old cluster: it ends as a terminal's would when its connection goes.
    const stream = this.stream;
    this.endStream();
    if (stream) this.opts.post({ type: 'kubectlStream', stream: stream.id, stdout: '', stderr: '', done: true, exitCode: 1 });
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.patches.drain();
    this.cues.drain();
    this.accumulator.reset();
    const seed = this.opts.seed ?? FIRST_SCREEN_SEED;
    if (!isPresetName(preset)) throw new Error(`unknown cluster preset ${JSON.stringify(preset)} (${PRESET_NAMES.join(', ')})`);
    // Another preset brings its own workloads (the big cluster's ten Deployments): no starter app.
    const ownPreset = !restore && preset !== 'default';
    const scratch = !restore && !ownPreset && from === 'scratch';
    // From scratch the machines go to the canvas before the starter app is applied: the app then
    // arrives through the watch like any later apply, and the student watches it come up.
    const cluster = restore
      ? createCluster({ restore })
      : ownPreset
        ? createCluster({ seed, preset })
        : scratch
          ? createCluster({ seed, preset: 'default' })
          : bootRunningCluster(seed);
    this.cluster = cluster;
    this.postPatches(listAsChanges(allObjects(cluster)), true);
    this.unsubscribe.push(
      cluster.api.watchAll((e) => {
        if (!PAGE_KINDS_SKIPPED.has(e.object.kind)) this.patches.record(e.type, e.object as WatchedObject);
      }),
      cluster.onCue((cue) => {
        this.cues.record(cluster.clock.now(), cue);
        if (cue.type === 'component') this.componentsChanged = true;
      }),
    );
    if (scratch) {
      for (const r of cluster.apply(STARTER_APP_YAML)) {
        if (r.action === 'error') throw new Error(`starter app failed to apply: ${r.message}`);
      }
    }
    this.componentsChanged = true;
    this.faultStatus.reset();
    this.lastFrameReal = this.opts.realNow();
    this.postSnapshot();
  }

  private requireCluster(): Cluster {
    if (!this.cluster) throw new Error('the simulation has not started yet');
    return this.cluster;
  }
}

export function componentStatuses(cluster: Cluster): ComponentStatus[] {
  const out: ComponentStatus[] = [];
  for (const c of cluster.controllerManager.controllers) {
    out.push({ name: c.name, parent: 'kube-controller-manager', state: String(c.state) });
  }
  return out;
}

/** Every object the page mirrors (all but PAGE_KINDS_SKIPPED): the worker's first list, and the build's first-screen snapshot. */
export function* allObjects(cluster: Cluster): Iterable<WatchedObject> {
  for (const kind of cluster.api.kinds()) if (!PAGE_KINDS_SKIPPED.has(kind)) yield* cluster.api.peekList(kind) as WatchedObject[];
}

/** A file name as one shell word for kubectl's tokenizer. */
function quoteWord(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function runOnce(cluster: Cluster, line: string, opts: { files?: Record<string, string> }): StreamingResult {
  return runKubectl(cluster.kubectlHost(opts), stripKubectl(line));
}

/** The ok reply to `msg`: the result must have the type `Replies` gives for its request type. */
function ok<K extends ToWorkerType>(msg: { id: RequestId; type: K }, result: Replies[K]): OkReply<K> {
  return { type: 'reply', id: msg.id, request: msg.type, ok: true, result };
}
