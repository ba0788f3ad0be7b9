/**
 * The worker side of the protocol, free of worker globals so it runs under Vitest too: it owns one
 * Cluster, answers requests, drives the virtual clock from real frames, and posts batched patches,
 * cues, clock ticks and snapshots through `post`.
 */
import { createCluster, type Cluster, type ClusterSnapshot } from '../engine/cluster';
import type { KubectlSession, StreamingResult } from '../engine/kubectl';
import { isReadOnlyKubectl, stripKubectl } from '../engine/kubectl/readOnly';
import { objectNames } from '../engine/kubectl/names';
import { ApiError } from '../engine/apiserver/errors';
import { isHistoryKind } from '../engine/metrics/historyTypes';
import { CueBatcher } from './cueBatcher';
import { PatchBatcher, listAsChanges, type WatchedObject } from './patchBatcher';
import { VirtualTimeAccumulator, advanceSlices } from './clockLoop';
import { STARTER_APP_YAML } from './starterApp';
import { FIRST_SCREEN_SEED, bootRunningCluster } from './runningCluster';
import { FaultStatusTracker, chaosRequest, injectFault } from './faultRequests';
import { ConceptSession } from './conceptSession';
import { JourneySession } from './journeySession';
import { conceptsModule, kubectlModule, loaded, manifestsModule, type DeferredModule } from './deferredModules';
import { PRESET_NAMES, isPresetName, type PresetName } from '../engine/scenarios/presets';
import { TimeTravel } from './timeline/timeTravel';
import { ViewingPastError, changesTheCluster } from './timeline/pastGuard';
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
  if (err instanceof ViewingPastError) return { message: err.message, reason: 'ViewingPast' };
  if (err instanceof ApiError) return { message: err.message, reason: err.reason };
  if (err instanceof Error) return { message: err.message };
  return { message: String(err) };
}

/**
/**
 * Kinds the page never draws or lists: each node's Lease is renewed every 10 s (100 writes a second at
 * 1,000 nodes, 5,000 at 50×) for the node lifecycle controller alone. `kubectl get leases` still sees them.
 */
export const PAGE_KINDS_SKIPPED: ReadonlySet<string> = new Set(['Lease']);

/**
 * Most object changes one patches message carries: the rest wait for the next frame (still coalescing),
 * so a burst (10,000 pods scheduled at once) reaches the page at ≤ ~3,000 changes a second instead of
 * tens of thousands (bench/workerTraffic.bench.ts). A student's own cluster never comes near it.
 */
export const MAX_CHANGES_PER_MESSAGE = 100;

/** Most real time one frame spends advancing the cluster (the rest of its virtual time is dropped). */
export const FRAME_WORK_BUDGET_MS = 100;

/**
 * Real milliseconds a frame may spend building the timeline's checkpoints once its own work is done:
 * little while the cluster runs, more while it is paused (or the screen shows the past).
 */
export const CHECKPOINT_BUDGET_RUNNING_MS = 4;
export const CHECKPOINT_BUDGET_PAUSED_MS = 12;

export class SimulationHost {
  /** The cluster on screen: the live one, or (while the timeline shows the past) a replay of it. */
  private cluster: Cluster | undefined;
  /** The live cluster's history: views of its past, checkpoints, forks. */
  private travel: TimeTravel | undefined;
  /** Whether the clock ran before the screen went to the past ("back to now" restores it). */
  private runningBeforePast = false;
  /** Changes with each new history (start, fork), so the page hears of a timeline that looks the same. */
  private historyGeneration = 0;
  private lastTimelineKey = '';
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
  /** The manifest whose journey the page follows, while it is recorded. */
  private readonly journey = new JourneySession();
  /** Requests waiting for a deferred module (and those sent after them). */
  private readonly waiting: ToWorker[] = [];

  constructor(private readonly opts: SimulationHostOptions) {
    this.lastFrameReal = opts.realNow();
    this.lastSnapshotReal = this.lastFrameReal;
  }

  get clockState(): ClockState {
    return { now: this.cluster?.clock.now() ?? 0, running: this.running, speed: this.speed };
  }

  /**
   * Answers one request. Errors become structured replies; only the frame loop can be fatal. A request
   * that needs a module not loaded yet (deferredModules.ts) waits for it, and every request after it
   * waits in line, so requests are answered in the order they were sent.
   */
  handle(msg: ToWorker): void {
    if (this.waiting.length > 0 || missingModules(msg).length > 0) {
      this.waiting.push(msg);
      if (this.waiting.length === 1) void this.answerWaiting();
      return;
    }
    this.answer(msg);
  }

  private async answerWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const msg = this.waiting[0]!;
      try {
        await Promise.all(missingModules(msg).map((m) => m.load()));
      } catch (err) {
        this.waiting.shift();
        this.opts.post({ type: 'reply', id: msg.id, request: msg.type, ok: false, error: errorInfo(err) });
        continue;
      }
      this.waiting.shift();
      this.answer(msg);
    }
  }

  private answer(msg: ToWorker): void {
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
    const past = this.travel?.viewing;
    if (past !== undefined && changesTheCluster(msg)) throw new ViewingPastError(past);
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
        return ok(msg, loaded(kubectlModule).editableManifest(this.requireCluster().api, msg.kind, msg.namespace, msg.name));
      case 'export':
        return ok(msg, loaded(kubectlModule).exportManifests(this.requireCluster().api));
      case 'chartSeries':
        if (!isHistoryKind(msg.kind)) throw new Error(`no charts for kind ${JSON.stringify(msg.kind)}: Deployment, HorizontalPodAutoscaler, Node or Service`);
        return ok(msg, this.requireCluster().history.series(msg.kind, msg.namespace, msg.name) ?? null);
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
        return ok(msg, this.requireLive().snapshot());
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
      case 'journeyStart':
        this.markDirty();
        return ok(msg, this.journey.start(this.requireLive()));
      case 'journeyStop':
        this.journey.end();
        return ok(msg, null);
      case 'history':
        return ok(msg, this.requireTravel().history());
      case 'seek':
        return ok(msg, this.seek(msg.target));
      case 'fork':
        return ok(msg, this.fork());
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
      const kubectl = loaded(kubectlModule);
      result = stream ? kubectl.runKubectlStreaming(cluster.kubectlHost(opts), stripKubectl(line)) : kubectl.runKubectl(cluster.kubectlHost(opts), stripKubectl(line));
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
    this.buildCheckpoints();
    this.flush();
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
    const cluster = this.requireLive();
    const started = budgetMs === undefined ? 0 : this.opts.realNow();
    for (const slice of advanceSlices(ms)) {
      cluster.advance(slice);
      this.journey.afterSlice();
      if (budgetMs !== undefined && this.opts.realNow() - started >= budgetMs) break;
    }
    this.dirtySinceSnapshot = true;
  }

  /** Posts pending patches and cues, and the clock if time moved. */
  flush(): void {
    // Faults end with what they act on (a crashlooping pod deleted): re-read them whenever anything moved.
    if (this.patches.size > 0 || this.cues.size > 0) this.faultStatus.markChanged();
    this.pollStream();
    if (this.patches.size > 0) {
      const changes = this.patches.drain(MAX_CHANGES_PER_MESSAGE);
      if (changes.length > 0) this.opts.post({ type: 'patches', replace: false, changes });
    }
    if (this.cues.size > 0) this.opts.post({ type: 'cues', cues: this.cues.drain() });
    const faults = this.cluster ? this.faultStatus.poll(this.cluster) : undefined;
    if (faults) this.opts.post({ type: 'faults', status: faults });
    if (this.componentsChanged && this.cluster) {
      this.componentsChanged = false;
      this.opts.post({ type: 'components', components: componentStatuses(this.cluster) });
    }
    this.postConceptView(false);
    const journey = this.journey.takeChanged();
    if (journey) this.opts.post({ type: 'journey', journey });
    if (this.cluster) this.postClock();
    this.postTimeline();
  }

  /** The timeline's state when it changed: a new input, a new rollout, another moment on screen, another history. */
  private postTimeline(): void {
    const travel = this.travel;
    if (!travel) return;
    const live = travel.live;
    const key = `${this.historyGeneration}|${travel.viewing ?? 'now'}|${live.recordedInputs.length}|${live.api.peekList('ReplicaSet').length}`;
    if (key === this.lastTimelineKey) return;
    this.lastTimelineKey = key;
    this.opts.post({ type: 'timeline', state: travel.state() });
  }

  /** Shows the cluster as it was at the target (or the live one again); the clock waits while the past is on screen. */
  private seek(target: Parameters<TimeTravel['seek']>[0]): Replies['seek'] {
    const travel = this.requireTravel();
    const wasPast = travel.viewing !== undefined;
    const started = this.opts.realNow();
    const shown = travel.seek(target);
    const replayMs = this.opts.realNow() - started;
    const nowPast = travel.viewing !== undefined;
    if (!wasPast && nowPast) {
      this.runningBeforePast = this.running;
      this.running = false;
    } else if (wasPast && !nowPast) {
      this.running = this.runningBeforePast;
      this.lastFrameReal = this.opts.realNow();
      this.accumulator.reset();
    }
    if (shown !== this.cluster) this.attach(shown);
    return { ...travel.state(), replayMs };
  }

  /** "Continue from here": the moment on screen becomes the live cluster, paused; its snapshot replaces the saved one. */
  private fork(): ClockState {
    const travel = this.requireTravel();
    if (travel.viewing === undefined) throw new Error('continue from here needs a moment of the past on screen');
    this.running = false;
    this.cluster = travel.fork();
    this.historyGeneration++;
    // The clock first, then the snapshot: the page saves the fork at the fork's own time.
    this.postClock();
    this.postSnapshot();
    return this.clockState;
  }

  /** Idle time after the frame's own work goes to the timeline's checkpoints. */
  private buildCheckpoints(): void {
    const travel = this.travel;
    // Checkpoints replay applies and kubectl lines: not before their modules have loaded.
    if (!travel || this.concept.isOpen || manifestsModule.value === undefined || kubectlModule.value === undefined) return;
    const budget = this.running ? CHECKPOINT_BUDGET_RUNNING_MS : CHECKPOINT_BUDGET_PAUSED_MS;
    const deadline = this.opts.realNow() + budget;
    travel.work(() => this.opts.realNow() >= deadline);
  }

  /**
   * A whole list (the first one, a reset) in messages of at most MAX_CHANGES_PER_MESSAGE changes: the
   * page reads (deserialises) each message in one task, so the big cluster's 13,000 objects arrive as
   * many short tasks instead of one that freezes the page.
   */
  private postPatches(changes: ObjectChange[], replace: boolean): void {
    if (changes.length <= MAX_CHANGES_PER_MESSAGE) {
      this.opts.post({ type: 'patches', replace, changes });
      return;
    }
    for (let i = 0; i < changes.length; i += MAX_CHANGES_PER_MESSAGE) {
      this.opts.post({ type: 'patches', replace: replace && i === 0, changes: changes.slice(i, i + MAX_CHANGES_PER_MESSAGE) });
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
    const cluster = this.requireLive();
    this.opts.post({ type: 'snapshot', snapshot: cluster.snapshot(), now: cluster.clock.now() });
    this.lastSnapshotReal = this.opts.realNow();
    this.dirtySinceSnapshot = false;
  }

  /**
   * A fresh cluster (`from` says which: the running one the first screen shows, or one starting from
   * scratch) or one rebuilt from a snapshot.
   */
  private start(restore: ClusterSnapshot | undefined, from: 'running' | 'scratch', preset: PresetName = 'default'): void {
    if (!isPresetName(preset)) throw new Error(`unknown cluster preset ${JSON.stringify(preset)} (${PRESET_NAMES.join(', ')})`);
    // Leaving the past for a new cluster: the clock plays again if it did before.
    if (this.travel?.viewing !== undefined) this.running = this.runningBeforePast;
    this.accumulator.reset();
    const seed = this.opts.seed ?? FIRST_SCREEN_SEED;
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
    this.travel = new TimeTravel(cluster);
    this.historyGeneration++;
    this.attach(cluster);
    if (scratch) {
      for (const r of cluster.apply(STARTER_APP_YAML)) {
        if (r.action === 'error') throw new Error(`starter app failed to apply: ${r.message}`);
      }
    }
    this.lastFrameReal = this.opts.realNow();
    this.postSnapshot();
  }

  /** Puts `cluster` on screen: the page's mirror is replaced by its objects, and its watch and cues feed the page from now on. */
  private attach(cluster: Cluster): void {
    // A stream watched the old cluster: it ends as a terminal's would when its connection goes.
    const stream = this.stream;
    this.endStream();
    if (stream) this.opts.post({ type: 'kubectlStream', stream: stream.id, stdout: '', stderr: '', done: true, exitCode: 1 });
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.journey.end();
    this.patches.drain();
    this.cues.drain();
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
    this.componentsChanged = true;
    this.faultStatus.reset();
  }

  private requireCluster(): Cluster {
    if (!this.cluster) throw new Error('the simulation has not started yet');
    return this.cluster;
  }

  /** The live cluster, whatever the screen shows: time runs on it, snapshots are of it. */
  private requireLive(): Cluster {
    return this.requireTravel().live;
  }

  private requireTravel(): TimeTravel {
    if (!this.travel) throw new Error('the simulation has not started yet');
    return this.travel;
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

/**
 * The deferred modules a request needs that are not loaded yet: the YAML parser to apply a manifest,
 * kubectl (and the parser: `apply -f`) for a kubectl line or YAML out, both to replay a snapshot that
 * holds either, the scenario models (with both: some run a cluster of their own) to open one.
 */
export function missingModules(msg: ToWorker): DeferredModule<unknown>[] {
  const needs: DeferredModule<unknown>[] = [];
  switch (msg.type) {
    case 'apply':
      needs.push(manifestsModule);
      break;
    case 'kubectl':
    case 'deleteManifests':
    case 'delete':
    case 'editable':
    case 'export':
      needs.push(manifestsModule, kubectlModule);
      break;
    case 'init':
      if (msg.restore && replaysInput(msg.restore)) needs.push(manifestsModule, kubectlModule);
      if (parsesPreset(msg.restore ? msg.restore.preset : msg.preset)) needs.push(manifestsModule);
      break;
    case 'reset':
      if (parsesPreset(msg.preset)) needs.push(manifestsModule);
      break;
    case 'restore':
      if (replaysInput(msg.snapshot)) needs.push(manifestsModule, kubectlModule);
      if (parsesPreset(msg.snapshot.preset)) needs.push(manifestsModule);
      break;
    case 'conceptOpen':
      // Some scenarios run a small cluster of their own and apply manifests to it (vm-vs-container).
      needs.push(conceptsModule, manifestsModule, kubectlModule);
      break;
    case 'seek':
    case 'journeyStart':
      // A jump replays the history's applies and kubectl lines; a journey applies its manifest, then
      // sends its request with kubectl exec.
      needs.push(manifestsModule, kubectlModule);
      break;
    default:
      break;
  }
  return needs.filter((m) => m.value === undefined);
}

/** Presets other than the default are not among the build's parsed boot manifests: the parser reads them. */
function parsesPreset(preset: string | null | undefined): boolean {
  return typeof preset === 'string' && preset !== 'default';
}

/** Whether replaying the snapshot applies manifests or runs kubectl lines (it nearly always does). */
function replaysInput(snapshot: ClusterSnapshot): boolean {
  return Array.isArray(snapshot.inputs) && snapshot.inputs.some((input) => input?.op === 'kubectl' || input?.op === 'apply');
}

/** The ok reply to `msg`: the result must have the type `Replies` gives for its request type. */
function ok<K extends ToWorkerType>(msg: { id: RequestId; type: K }, result: Replies[K]): OkReply<K> {
  return { type: 'reply', id: msg.id, request: msg.type, ok: true, result };
}
