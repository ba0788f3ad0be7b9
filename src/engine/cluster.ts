/**
 * createCluster(): the engine's one public entry. It wires the control plane (API server with its
 * admission chain, scheduler, controller-manager), a kubelet per Node object, and kubectl, all on one
 * virtual clock and one seeded random generator, so a seed and the same inputs replay the same history.
 */
import { ApiServer } from './apiserver/apiserver';
import { EventRecorder } from './apiserver/events';
import { registerAdmission } from './apiserver/admission';
import { SeededRandom } from './clock/random';
import { VirtualClock } from './clock/virtualClock';
import { CueBus, type CueListener } from './cues';
import type { ControllerContext } from './context';
import { createControllerManager, type ControllerManager } from './controllers';
import { Scheduler } from './scheduler';
import { NodeAgents } from './kubelet';
import { applyManifests, type ApplyOptions, type ApplyResult } from './kubectl/apply';
import { runKubectl, runKubectlStreaming } from './kubectl/runner';
import type { StreamingResult } from './kubectl';
import { ServiceProxy } from './proxy/serviceProxy';
import { ClusterDns } from './proxy/dns';
import { PodNetwork } from './proxy/podNetwork';
import { LoadTraffic } from './proxy/loadTraffic';
import { ServiceTraffic } from './proxy/serviceTraffic';
import { ClusterHistory } from './metrics/clusterHistory';
import type { ClientRun, Kubeconfig, KubectlHost, KubectlResult } from './kubectl/host';
import type { ContainerExecRequest } from './podSubresources';
import { bootstrapCluster } from './scenarios/bootstrap';
import { PRESET_CONTROL_PLANE, presetManifests, type PresetName } from './scenarios/presets';
import { installAddons, kubeadmControlPlaneMachine, kubeadmProvisioner } from './scenarios/kubeadm';
import { FaultInjector, type Fault, type FaultResult } from './faults';
import { ChaosMonkey, describeChaos, type ChaosControl, type ChaosLogEntry, type ChaosRequest, type ChaosResult, type ChaosSettings } from './faults';

export interface ClusterOptions {
  /** Seed of every random choice; the same seed and inputs give the same history. Default 1. */
  seed?: number;
  /**
   * `default`: a kubeadm cluster, a control-plane node (tainted NoSchedule, running the control plane as
   * static pods) and three workers, with kube-proxy and CoreDNS in kube-system. Default: no nodes, and
   * no kube-system pods (an API server and controllers alone, as envtest runs them).
   */
  preset?: PresetName;
  /** Rebuild a cluster from `snapshot()` (replays its inputs; seed and preset come from it). */
  restore?: ClusterSnapshot;
}

/** One input to the cluster, kept so that a snapshot can replay the exact history. */
export type ClusterInput =
  | { op: 'apply'; text: string; options: ApplyOptions }
  | { op: 'kubectl'; line: string; files?: Record<string, string> }
  | { op: 'advance'; ms: number }
  | { op: 'inject'; fault: Fault }
  /** A line typed into an interactive `kubectl exec -it` shell (it may change the container's files). */
  | { op: 'exec'; req: ContainerExecRequest }
  /** Chaos mode switched on (settings fully resolved, so a replay draws the same faults) or off. */
  | { op: 'chaos'; action: 'start'; settings: ChaosSettings }
  | { op: 'chaos'; action: 'stop' }
  /** Ctrl+C on a command still at work on the cluster (a drain retrying its evictions). */
  | { op: 'interrupt' };

export interface ClusterSnapshot {
  version: 1;
  seed: number;
  preset: PresetName | null;
  inputs: ClusterInput[];
  /** Virtual time when the snapshot was taken (for display). */
  at: string;
}

export interface KubectlOptions {
  /** Files `-f` may name, by path (the editor's open files in the browser). */
  files?: Record<string, string>;
  /** Reads a `-f` path that is not in `files` (the CLI reads the disk). */
  readFile?: (path: string) => string;
}

export class Cluster {
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly cues = new CueBus();
  readonly scheduler: Scheduler;
  readonly controllerManager: ControllerManager;
  readonly nodes: NodeAgents;
  readonly proxy: ServiceProxy;
  readonly dns: ClusterDns;
  /** The network as pods see it: DNS, Services through kube-proxy, pod IPs (wget, nslookup, probes). */
  readonly network: PodNetwork;
  /** Requests from in-cluster clients (load generators) to Services, and the CPU they cost the servers. */
  readonly traffic: LoadTraffic;
  /** Requests and errors per Service, counted as an ingress controller or a mesh would (charts read them). */
  readonly serviceTraffic = new ServiceTraffic();
  /** Recent samples of Deployments, HPAs, Nodes and Services every 5 virtual seconds (the inspector's charts). */
  readonly history: ClusterHistory;
  /** The failure-injection catalogue (and the control plane's component and etcd states). */
  readonly faults: FaultInjector;
  /** Chaos mode: random faults at a chosen rate, from their own seeded stream (see faults/chaos.ts). */
  readonly chaos: ChaosControl;
  private readonly monkey: ChaosMonkey;
  readonly seed: number;
  readonly preset: PresetName | null;
  private readonly inputs: ClusterInput[] = [];
  /** kubectl commands still at work with virtual time (drain's eviction retries). */
  private readonly clientRuns = new Set<ClientRun>();
  /** kubectl's kubeconfig: the current context's namespace (recorded kubectl lines change it, so replays agree). */
  private readonly kubeconfig: Kubeconfig = {};

  constructor(opts: { seed: number; preset: PresetName | null }) {
    this.seed = opts.seed;
    this.preset = opts.preset;
    this.clock = new VirtualClock();
    this.random = new SeededRandom(opts.seed);
    this.api = new ApiServer(this.clock, this.random);
    registerAdmission(this.api);
    this.events = new EventRecorder(this.api, this.clock);
    const ctx: ControllerContext = {
      api: this.api,
      clock: this.clock,
      random: this.random,
      events: this.events,
      cues: this.cues,
      metrics: { podMetrics: (ns, name) => this.nodes.podMetrics(ns, name) },
    };
    bootstrapCluster(this.api);
    this.controllerManager = createControllerManager(ctx);
    this.scheduler = new Scheduler(ctx);
    this.nodes = new NodeAgents(ctx);
    this.proxy = new ServiceProxy(this.api, this.random, this.cues);
    this.dns = new ClusterDns(this.api, this.proxy);
    this.traffic = new LoadTraffic(this.api, this.clock, this.nodes, this.dns, this.proxy, this.serviceTraffic);
    this.network = new PodNetwork(this.api, this.dns, this.proxy, this.nodes, this.serviceTraffic);
    this.history = new ClusterHistory({
      api: this.api,
      clock: this.clock,
      traffic: this.serviceTraffic,
      requestedOn: (node) => this.scheduler.requestedOn(node),
    });
    this.nodes.network = this.network;
    const controlPlaneNode = opts.preset ? PRESET_CONTROL_PLANE[opts.preset] : undefined;
    this.faults = new FaultInjector({
      api: this.api,
      clock: this.clock,
      cues: this.cues,
      nodes: this.nodes,
      scheduler: this.scheduler,
      controllerManager: this.controllerManager,
      ...(controlPlaneNode ? { controlPlaneMachine: kubeadmControlPlaneMachine(this.nodes, controlPlaneNode) } : {}),
    });
    if (controlPlaneNode) this.nodes.provisioner = kubeadmProvisioner([controlPlaneNode]);
    this.monkey = new ChaosMonkey({ api: this.api, clock: this.clock, nodes: this.nodes, faults: this.faults, defaultSeed: opts.seed });
    this.chaos = {
      start: (request) => this.startChaos(request),
      stop: () => this.stopChaos(),
      status: () => this.monkey.status(),
      onEvent: (listener: (entry: ChaosLogEntry) => void) => this.monkey.onEvent(listener),
    };
    this.controllerManager.boot();
    this.scheduler.boot();
    this.nodes.boot();
    if (opts.preset) {
      this.applyQuietly(presetManifests(opts.preset));
      this.clock.flush();
      installAddons(this.api);
    }
    this.clock.flush();
  }

  /**
   * Applies multi-document YAML as `kubectl apply -f` does; one result per document. Never throws: a
   * manifest that cannot be read comes back as located error results. A manifest refused as a whole
   * (every document an error, nothing written, no random draw) is not kept for replay.
   */
  apply(text: string, options: ApplyOptions = {}): ApplyResult[] {
    const before = this.api.consumptionMark();
    let results: ApplyResult[];
    if (typeof text !== 'string') {
      results = [{ index: 0, action: 'error', message: 'error: the manifest must be text', error: { message: 'error: the manifest must be text', line: 1, column: 1 } }];
    } else {
      try {
        results = this.api.actingAs(KUBECTL_APPLY_MANAGER, () => applyManifests(this.kubectlHost(), text, options));
      } catch (e) {
        const message = `error: ${e instanceof Error ? e.message : String(e)}`;
        results = [{ index: 0, action: 'error', message, error: { message, line: 1, column: 1 } }];
      }
    }
    this.clock.flush();
    const refused = results.every((r) => r.action === 'error') && this.api.consumptionMark() === before;
    if (!refused) this.record({ op: 'apply', text, options });
    return results;
  }

  /** Runs one kubectl command line (`get pods -o wide`; a leading `kubectl` is optional). */
  kubectl(line: string, opts: KubectlOptions = {}): KubectlResult {
    this.record({ op: 'kubectl', line, ...(opts.files ? { files: opts.files } : {}) });
    const result = runKubectl(this.kubectlHost(opts), line);
    this.clock.flush();
    return result;
  }

  /**
   * As kubectl(), but a command that waits returns a session to poll after each advance (the console;
   * `kubectl wait` in scripts). The line is recorded as an input: replaying it one-shot has the same
   * effect on the cluster, since sessions only read.
   */
  kubectlStreaming(line: string, opts: KubectlOptions = {}): StreamingResult {
    this.record({ op: 'kubectl', line, ...(opts.files ? { files: opts.files } : {}) });
    const result = runKubectlStreaming(this.kubectlHost(opts), line);
    this.clock.flush();
    return result;
  }

  /**
   * Moves virtual time forward; everything due (controllers, kubelets, probes) runs in order. At most
   * MAX_ADVANCE_MS per call, so one call's work stays bounded (a virtual day of a busy cluster is
   * seconds of work); a duration that is not a finite number of milliseconds from 0 up is refused.
   */
  advance(ms: number): void {
    checkAdvance(ms);
    const last = this.inputs[this.inputs.length - 1];
    if (last?.op === 'advance') last.ms += ms;
    else this.inputs.push({ op: 'advance', ms });
    this.clock.advance(ms);
  }

  /** Injects a fault from the catalogue (`{ fault: 'node-down', target: 'worker-1' }`); never throws. */
  inject(fault: Fault): FaultResult {
    const before = this.api.consumptionMark();
    let recorded: Fault;
    try {
      recorded = structuredClone(fault);
    } catch {
      return this.faults.inject(undefined as unknown as Fault); // not plain data: the usage error
    }
    const result = this.faults.inject(fault);
    this.clock.flush();
    // A refused fault changed nothing and is not kept for replay.
    if (result.ok || this.api.consumptionMark() !== before) this.record({ op: 'inject', fault: recorded });
    return result;
  }

  private startChaos(request: ChaosRequest = {}): ChaosResult {
    const settings = this.monkey.resolve(request);
    if (!settings.ok) return { ok: false, error: settings.error };
    this.record({ op: 'chaos', action: 'start', settings: structuredClone(settings.value) });
    this.monkey.start(settings.value);
    this.clock.flush();
    const status = this.monkey.status();
    return { ok: true, message: describeChaos(status), status };
  }

  private stopChaos(): ChaosResult {
    if (!this.monkey.isRunning) return { ok: false, error: 'chaos is not on' };
    this.record({ op: 'chaos', action: 'stop' });
    this.monkey.stop();
    const status = this.monkey.status();
    return { ok: true, message: describeChaos(status), status };
  }

  /** Chaos's change counter: it moves whenever chaos.status() would answer differently. */
  get chaosVersion(): number {
    return this.monkey.version;
  }

  onCue(listener: CueListener): () => void {
    return this.cues.subscribe(listener);
  }

  /**
   * The inputs received so far, not copied (snapshot() copies them): for readers that follow the history
   * as it grows, such as the worker's timeline. The last advance grows in place while time runs.
   */
  get recordedInputs(): readonly Readonly<ClusterInput>[] {
    return this.inputs;
  }

  /** Everything needed to rebuild this cluster exactly: its seed, preset, and the inputs it received. */
  snapshot(): ClusterSnapshot {
    return { version: 1, seed: this.seed, preset: this.preset, inputs: structuredClone(this.inputs), at: this.clock.nowRfc3339() };
  }

  /** Ctrl+C on the kubectl commands still at work (recorded, so that a replay stops them at the same time). */
  interruptClientRuns(): void {
    const live = [...this.clientRuns].filter((r) => !r.done);
    this.clientRuns.clear();
    if (live.length === 0) return;
    this.record({ op: 'interrupt' });
    for (const r of live) r.cancel();
  }

  /** The kubectl client's view of this cluster. */
  kubectlHost(opts: KubectlOptions = {}): KubectlHost {
    const files = opts.files;
    const readFile = opts.readFile;
    return {
      api: this.api,
      clock: this.clock,
      logs: (req) => this.nodes.logs(req),
      exec: (req) => {
        // One-shot `kubectl exec` lines are recorded as kubectl inputs; a shell's lines are recorded here.
        if (req.interactive) this.record({ op: 'exec', req: structuredClone(req) });
        return this.nodes.exec(req);
      },
      podMetrics: (ns, name) => this.nodes.podMetrics(ns, name),
      trackClientRun: (run) => {
        for (const r of this.clientRuns) if (r.done) this.clientRuns.delete(r);
        this.clientRuns.add(run);
      },
      interruptClientRuns: () => this.interruptClientRuns(),
      kubeconfig: this.kubeconfig,
      nodeMetrics: (name) => this.nodes.nodeMetrics(name),
      readFile: (path) => {
        // Own properties only: a file named `constructor` or `__proto__` is a file, not Object's.
        if (files && Object.hasOwn(files, path) && typeof files[path] === 'string') return files[path];
        if (readFile) return readFile(path);
        throw new Error(`error: the path "${path}" does not exist`);
      },
    };
  }

  /** The preset's Nodes, as their kubelets register them: created, not applied (no last-applied-configuration). */
  private applyQuietly(text: string): void {
    for (const r of applyManifests(this.kubectlHost(), text, { mode: 'create' })) {
      if (r.action === 'error') throw new Error(`preset failed to apply: ${r.message}`);
    }
  }

  private record(input: ClusterInput): void {
    this.inputs.push(input);
  }
}

/** The field manager `kubectl apply` names itself with (client-side apply's managedFields entry). */
export const KUBECTL_APPLY_MANAGER = 'kubectl-client-side-apply';

/** The most virtual time one advance() may cover: a day. */
export const MAX_ADVANCE_MS = 24 * 3_600_000;

function checkAdvance(ms: unknown): asserts ms is number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`advance needs a duration in milliseconds, a finite number from 0 up (got ${String(ms)})`);
  }
  if (ms > MAX_ADVANCE_MS) throw new RangeError(`advance covers at most ${MAX_ADVANCE_MS} ms (24h) per call (got ${ms}); call it again to go further`);
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  if (opts.restore) {
    const snap = opts.restore;
    if (snap.version !== 1) throw new Error(`unsupported snapshot version ${String(snap.version)}`);
    const cluster = new Cluster({ seed: snap.seed, preset: snap.preset });
    for (const input of Array.isArray(snap.inputs) ? snap.inputs : []) replayInput(cluster, input);
    return cluster;
  }
  return new Cluster({ seed: opts.seed ?? 1, preset: opts.preset ?? null });
}

/**
 * Replays one recorded input. Recorded inputs are ones the cluster accepted, but a snapshot may come
 * from an older build or from storage: an input that no longer makes sense is passed over (it is then
 * not in the new cluster's own record either), never thrown.
 */
export function replayInput(cluster: Cluster, input: Readonly<ClusterInput>): void {
  try {
    switch (input.op) {
      case 'apply':
        cluster.apply(input.text, input.options ?? {});
        break;
      case 'kubectl':
        cluster.kubectl(input.line, input.files ? { files: input.files } : {});
        break;
      case 'advance':
        if (!Number.isFinite(input.ms)) break;
        // Recorded advances are merged, so one may be longer than a single call allows.
        for (let left = input.ms; left > 0; left -= MAX_ADVANCE_MS) cluster.advance(Math.min(left, MAX_ADVANCE_MS));
        break;
      case 'inject':
        cluster.inject(input.fault);
        break;
      case 'exec':
        // A failure here failed the same way when it was typed (the container had gone).
        cluster.kubectlHost().exec!(input.req);
        break;
      case 'interrupt':
        cluster.interruptClientRuns();
        break;
      case 'chaos':
        if (input.action === 'start') cluster.chaos.start(input.settings);
        else cluster.chaos.stop();
        break;
    }
  } catch {
    // Passed over: see above.
  }
}
