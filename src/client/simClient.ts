/**
 * The main thread's end of the worker protocol: starts the simulation worker, turns requests into
 * promises, feeds worker messages into the stores, and restarts a crashed worker from the last
 * snapshot it sent (so nothing the user made is lost). Too many crashes in a row stop the retries.
 */
import type { ClusterSnapshot } from '../engine/cluster';
import type { PresetName } from '../engine/scenarios/presets';
import { useClusterStore } from '../store/clusterStore';
import { useConceptStore } from '../store/conceptStore';
import { useCueStore } from '../store/cueStore';
import { useFaultStore } from '../store/faultStore';
import { useJourneyStore } from '../ui/journey/journeyStore';
import { useTimelineStore } from '../store/timelineStore';
import { ClusterKeeper } from './clusterKeeper';
import { PatchQueue } from './patchQueue';
import { browserStorage } from './savedCluster';
import { PING_INTERVAL_MS, WorkerWatchdog } from './workerWatchdog';
import { assertNever, type ClockCommand, type ErrorInfo, type FromWorker, type KubectlReply, type Replies, type RequestId, type SendRequest, type ToWorker, type ToWorkerType } from '../worker/protocol';

export type KubectlStreamMessage = Extract<FromWorker, { type: 'kubectlStream' }>;

export class WorkerRequestError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

export const RESTART_DELAY_MS = 600;

/** Presets whose set-up and pod batches take the worker seconds (not the four-machine default). */
export function presetNeedsTime(preset: PresetName | null | undefined): boolean {
  return preset !== undefined && preset !== null && preset !== 'default';
}
export const MAX_RESTARTS_PER_MINUTE = 3;

interface Pending {
  /** The request's type: its reply must name the same one. */
  type: ToWorkerType;
  resolve: (v: Replies[ToWorkerType]) => void;
  reject: (e: Error) => void;
}

export class SimClient {
  private worker: Worker | undefined;
  private nextId: RequestId = 1;
  private readonly pending = new Map<RequestId, Pending>();
  private recentCrashes: number[] = [];
  private pruneTimer: ReturnType<typeof setInterval> | undefined;
  private readonly streamListeners = new Set<(msg: KubectlStreamMessage) => void>();
  private readonly keeper = new ClusterKeeper(browserStorage());
  /** Replaying the cluster a previous visit left, until the worker says ready. */
  private resuming = false;
  /** Requests made before the first start (the page paints before the worker loads): sent after `init`. */
  private beforeStart: (() => void)[] | undefined = [];
  private watchdog: WorkerWatchdog | undefined;
  private watchdogTimer: ReturnType<typeof setInterval> | undefined;
  /** Object patches on their way into the mirror, at a pace the page can afford (see patchQueue.ts). */
  private readonly patchQueue = new PatchQueue({ apply: (changes, replace) => useClusterStore.getState().applyPatches(changes, replace), now: () => performance.now() });

  /** The page's first start: the cluster the last visit left (same inputs, same virtual time, playing or paused as it was), else a fresh one. */
  boot(): void {
    // Reset pressed on the painted first frame, before the worker was started, has started it already.
    if (this.worker) return;
    const resume = this.keeper.resume();
    if (typeof window !== 'undefined') {
      const leave = () => this.keeper.leave(useClusterStore.getState().clock);
      window.addEventListener('pagehide', leave);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') leave();
      });
    }
    if (!resume) return this.start();
    useClusterStore.getState().setClock(resume.clock);
    this.resuming = true;
    this.start(resume.snapshot, true);
  }

  /** Starts the worker: fresh, or from a snapshot (after a crash; `resumed` for the one a previous visit left). */
  start(restore?: ClusterSnapshot, resumed = false, from?: 'scratch', preset?: PresetName): void {
    const store = useClusterStore.getState();
    store.setStatus(restore && !resumed ? 'restarting' : 'starting');
    performance.mark('kube-playground:worker-start');
    // Patches of a worker that is gone never reach the mirror.
    this.patchQueue.clear();
    const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    this.worker = worker;
    worker.onmessage = (ev: MessageEvent<FromWorker>) => {
      if (this.worker !== worker) return;
      this.watchdog?.heard(performance.now());
      this.receive(ev.data);
    };
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      if (this.worker === worker) this.crashed({ message: ev.message || 'the simulation worker failed to load' });
    };
    worker.onmessageerror = () => {
      if (this.worker === worker) this.crashed({ message: 'a message from the simulation worker could not be read' });
    };
    const { clock } = store;
    void this.request({ type: 'init', ...(restore ? { restore } : {}), ...(from ? { from } : {}), ...(preset ? { preset } : {}), running: clock.running, speed: clock.speed }).catch((err: unknown) => {
      // The saved cluster did not replay: set it aside and start a fresh one rather than a blank page.
      if (!resumed || !(err instanceof WorkerRequestError)) return;
      this.resumeFailed(err.message);
    });
    const waiting = this.beforeStart ?? [];
    this.beforeStart = undefined;
    for (const send of waiting) send();
    this.pruneTimer ??= setInterval(() => useCueStore.getState().prune(performance.now()), 100);
    this.watchdog = new WorkerWatchdog(performance.now());
    this.watchdogTimer ??= setInterval(() => this.watch(), PING_INTERVAL_MS);
  }

  /** The watchdog's round: ping the worker, or restart it from the last snapshot if it went silent. */
  private watch(): void {
    const worker = this.worker;
    const watchdog = this.watchdog;
    if (!worker || !watchdog) return;
    if (typeof document !== 'undefined' && document.hidden) {
      watchdog.forgive(performance.now());
      return;
    }
    const { status, lastSnapshot } = useClusterStore.getState();
    // The big cluster works seconds in one frame while a batch of pods is created: it gets the starting allowance.
    const verdict = watchdog.check(performance.now(), status !== 'running' || presetNeedsTime(lastSnapshot?.preset));
    if (verdict === 'gone') this.crashed({ message: 'the simulation stopped answering' });
    else if (verdict === 'ping') void this.request({ type: 'ping' }).catch(() => undefined);
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    if (this.pruneTimer !== undefined) clearInterval(this.pruneTimer);
    this.pruneTimer = undefined;
    if (this.watchdogTimer !== undefined) clearInterval(this.watchdogTimer);
    this.watchdogTimer = undefined;
    this.rejectAll('the simulation stopped');
  }

  /** The banner's "try again": a fresh start from the last snapshot, forgetting earlier crashes. */
  restart(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.recentCrashes = [];
    this.rejectAll('the simulation restarted');
    useClusterStore.getState().countRestart();
    this.start(useClusterStore.getState().lastSnapshot);
  }

  /**
   * Reset that always works: through the worker when it answers, otherwise a new worker with a fresh
   * cluster (the last snapshot is not replayed, in case it is what keeps failing).
   */
  resetFresh(): Promise<unknown> {
    // The big cluster starts over as itself, in a fresh worker (its set-up takes seconds; see loadPreset).
    const preset = useClusterStore.getState().lastSnapshot?.preset;
    if (presetNeedsTime(preset)) {
      this.loadPreset(preset!);
      return Promise.resolve(null);
    }
    if (this.worker && useClusterStore.getState().status === 'running') return this.request({ type: 'reset' });
    this.worker?.terminate();
    this.worker = undefined;
    this.recentCrashes = [];
    this.rejectAll('the simulation was reset');
    // Reset means "from scratch" whichever way it goes (also when pressed before the worker answered).
    this.start(undefined, false, 'scratch');
    return Promise.resolve(null);
  }

  /**
   * A preset cluster in place of the current one (the route `#/presets/<id>`, the presets menu). A fresh
   * worker builds it: while it starts, the watchdog allows the seconds the big cluster's set-up takes,
   * and a busy old worker cannot delay it.
   */
  loadPreset(preset: PresetName): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.recentCrashes = [];
    this.rejectAll('the cluster was replaced by a preset');
    this.patchQueue.push([], true);
    this.start(undefined, false, preset === 'default' ? undefined : 'scratch', preset);
  }

  /**
   * Replaces the cluster with one rebuilt from `snapshot` (a share link): a new worker replays it with
   * the patience a start gets (a long history takes a while), on the clock given. The keeper saves it
   * once the worker posts it, like any cluster, so a reload keeps it. Until then the last snapshot is
   * still the previous cluster's: a replay that wedges the worker falls back to that one.
   */
  replaceCluster(snapshot: ClusterSnapshot, clock: { running: boolean; speed: number }): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.resuming = false;
    this.recentCrashes = [];
    this.rejectAll('the cluster was replaced');
    const store = useClusterStore.getState();
    store.setClock({ ...store.clock, ...clock });
    this.start(snapshot, true);
  }

  /**
   * Sends a request; resolves with its typed reply (`Replies[type]`), rejects with the worker's error.
   * A bound property, so it can be handed on as a SendRequest.
   */
  readonly request: SendRequest = (req) => {
    const worker = this.worker;
    const beforeStart = this.beforeStart;
    if (!worker && beforeStart) return new Promise((resolve, reject) => beforeStart.push(() => void this.request(req).then(resolve, reject)));
    if (!worker) return Promise.reject(new Error('the simulation is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // receive() checks that the reply answers this request's type before `resolve` sees it.
      this.pending.set(id, { type: req.type, resolve: resolve as (v: Replies[ToWorkerType]) => void, reject });
      worker.postMessage({ ...req, id } as ToWorker);
    });
  };

  /**
   * Output of streaming kubectl commands (`kubectlStream`). When the worker goes away (crash, restart)
   * every stream has ended: listeners get `{ stream: 0, done: true }`.
   */
  onKubectlStream(listener: (msg: KubectlStreamMessage) => void): () => void {
    this.streamListeners.add(listener);
    return () => this.streamListeners.delete(listener);
  }

  private endStreams(): void {
    for (const l of this.streamListeners) l({ type: 'kubectlStream', stream: 0, stdout: '', stderr: '', done: true, exitCode: 1 });
  }

  kubectl(line: string): Promise<KubectlReply> {
    return this.request({ type: 'kubectl', line });
  }

  clock(command: ClockCommand): Promise<Replies['clock']> {
    return this.request({ type: 'clock', command });
  }

  private receive(msg: FromWorker): void {
    const clusterStore = useClusterStore.getState();
    switch (msg.type) {
      case 'ready':
        this.resuming = false;
        performance.mark('kube-playground:worker-ready');
        clusterStore.setStatus('running');
        clusterStore.setClock(msg.clock);
        return;
      case 'reply': {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.request !== p.type) p.reject(new Error(`the simulation answered a ${p.type} request as ${msg.request}`));
        else if (msg.ok) p.resolve(msg.result);
        else p.reject(new WorkerRequestError(msg.error));
        return;
      }
      case 'patches':
        this.patchQueue.push(msg.changes, msg.replace);
        if (msg.replace) useCueStore.getState().clear();
        // A reset or restore rebuilt the cluster: the journey on show followed objects that are gone.
        if (msg.replace && useJourneyStore.getState().status !== 'closed') useJourneyStore.getState().close();
        return;
      case 'cues':
        useCueStore.getState().receive(msg.cues, performance.now());
        return;
      case 'clock':
        clusterStore.setClock(msg.clock);
        this.keeper.clock(msg.clock);
        return;
      case 'snapshot':
        clusterStore.setSnapshot(msg.snapshot);
        this.keeper.snapshot(msg.snapshot, msg.now, useClusterStore.getState().clock);
        return;
      case 'components':
        clusterStore.setComponents(msg.components);
        return;
      case 'faults':
        useFaultStore.getState().setStatus(msg.status);
        return;
      case 'kubectlStream':
        for (const l of this.streamListeners) l(msg);
        return;
      case 'concept':
        // A view still in flight when the page closed the scenario is dropped.
        if (useConceptStore.getState().controls) useConceptStore.getState().setView(msg.view);
        return;
      case 'journey':
        useJourneyStore.getState().receive(msg.journey);
        return;
      case 'timeline':
        useTimelineStore.getState().setState(msg.state);
        return;
      case 'fatal':
        this.crashed(msg.error);
        return;
      default:
        assertNever(msg);
    }
  }

  private resumeFailed(message: string): void {
    this.resuming = false;
    this.keeper.replayFailed(message);
    this.worker?.terminate();
    this.worker = undefined;
    this.rejectAll('the saved cluster could not be restored');
    this.start();
  }

  private crashed(error: ErrorInfo): void {
    if (this.resuming) return this.resumeFailed(error.message);
    const store = useClusterStore.getState();
    this.worker?.terminate();
    this.worker = undefined;
    this.rejectAll(`the simulation crashed: ${error.message}`);
    const now = performance.now();
    this.recentCrashes = [...this.recentCrashes.filter((t) => now - t < 60_000), now];
    if (this.recentCrashes.length > MAX_RESTARTS_PER_MINUTE) {
      store.setStatus('failed', error);
      return;
    }
    store.setStatus('crashed', error);
    setTimeout(() => {
      useClusterStore.getState().countRestart();
      this.start(useClusterStore.getState().lastSnapshot);
    }, RESTART_DELAY_MS);
  }

  private rejectAll(message: string): void {
    this.endStreams();
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

export const simClient = new SimClient();
