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
import type { ControllerContext } from './controllers/controllerRuntime';
import { createControllerManager, type ControllerManager } from './controllers';
import { Scheduler } from './scheduler';
import { NodeAgents } from './kubelet';
import { applyManifests, type ApplyOptions, type ApplyResult } from './kubectl/apply';
import { runKubectl, runKubectlStreaming, type StreamingResult } from './kubectl';
import { ServiceProxy } from './proxy/serviceProxy';
import { ClusterDns } from './proxy/dns';
import { PodNetwork } from './proxy/podNetwork';
import { LoadTraffic } from './proxy/loadTraffic';
import type { ContainerExecRequest, KubectlHost, KubectlResult } from './kubectl/host';
import { bootstrapCluster } from './scenarios/bootstrap';
import { PRESET_CONTROL_PLANE, PRESETS, type PresetName } from './scenarios/presets';
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
  | { op: 'chaos'; action: 'stop' };

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
  /** The failure-injection catalogue (and the control plane's component and etcd states). */
  readonly faults: FaultInjector;
  /** Chaos mode: random faults at a chosen rate, from their own seeded stream (see faults/chaos.ts). */
  readonly chaos: ChaosControl;
  private readonly monkey: ChaosMonkey;
  readonly seed: number;
  readonly preset: PresetName | null;
  private readonly inputs: ClusterInput[] = [];

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
    this.traffic = new LoadTraffic(this.api, this.clock, this.nodes, this.dns, this.proxy);
    this.network = new PodNetwork(this.api, this.dns, this.proxy, this.nodes);
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
      this.applyQuietly(PRESETS[opts.preset]);
      this.clock.flush();
      installAddons(this.api);
    }
    this.clock.flush();
  }

  /** Applies multi-document YAML as `kubectl apply -f` does; one result per document. */
  apply(text: string, options: ApplyOptions = {}): ApplyResult[] {
    this.record({ op: 'apply', text, options });
    const results = applyManifests(this.kubectlHost(), text, options);
    this.clock.flush();
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

  /** Moves virtual time forward; everything due (controllers, kubelets, probes) runs in order. */
  advance(ms: number): void {
    const last = this.inputs[this.inputs.length - 1];
    if (last?.op === 'advance') last.ms += ms;
    else this.inputs.push({ op: 'advance', ms });
    this.clock.advance(ms);
  }

  /** Injects a fault from the catalogue (`{ fault: 'node-down', target: 'worker-1' }`); never throws. */
  inject(fault: Fault): FaultResult {
    this.record({ op: 'inject', fault: structuredClone(fault) });
    const result = this.faults.inject(fault);
    this.clock.flush();
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

  /** Everything needed to rebuild this cluster exactly: its seed, preset, and the inputs it received. */
  snapshot(): ClusterSnapshot {
    return { version: 1, seed: this.seed, preset: this.preset, inputs: structuredClone(this.inputs), at: this.clock.nowRfc3339() };
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
      nodeMetrics: (name) => this.nodes.nodeMetrics(name),
      readFile: (path) => {
        if (files && path in files) return files[path]!;
        if (readFile) return readFile(path);
        throw new Error(`error: the path "${path}" does not exist`);
      },
    };
  }

  private applyQuietly(text: string): void {
    for (const r of applyManifests(this.kubectlHost(), text, {})) {
      if (r.action === 'error') throw new Error(`preset failed to apply: ${r.message}`);
    }
  }

  private record(input: ClusterInput): void {
    this.inputs.push(input);
  }
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  if (opts.restore) {
    const snap = opts.restore;
    if (snap.version !== 1) throw new Error(`unsupported snapshot version ${String(snap.version)}`);
    const cluster = new Cluster({ seed: snap.seed, preset: snap.preset });
    for (const input of snap.inputs) {
      switch (input.op) {
        case 'apply':
          cluster.apply(input.text, input.options);
          break;
        case 'kubectl':
          cluster.kubectl(input.line, input.files ? { files: input.files } : {});
          break;
        case 'advance':
          cluster.advance(input.ms);
          break;
        case 'inject':
          cluster.inject(input.fault);
          break;
        case 'exec':
          try {
            cluster.kubectlHost().exec!(input.req);
          } catch {
            // It failed the same way when it was typed (the container had gone).
          }
          break;
        case 'chaos':
          if (input.action === 'start') cluster.chaos.start(input.settings);
          else cluster.chaos.stop();
          break;
      }
    }
    return cluster;
  }
  return new Cluster({ seed: opts.seed ?? 1, preset: opts.preset ?? null });
}
