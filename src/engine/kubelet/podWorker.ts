/**
 * The kubelet's per-pod worker (pkg/kubelet/pod_workers.go + kuberuntime's SyncPod): it creates the
 * pod sandbox (network namespace and IP), then runs init containers one at a time, each to success,
 * then starts the app containers; it restarts containers per restartPolicy with back-off, runs their
 * probes, and on deletion stops them (SIGTERM, SIGKILL at the grace period) and removes the pod.
 *
 * Each container's state is an instance of containerMachine (run by MachineRunner); the pod's phase and conditions are
 * derived from the containers, as the kubelet's generateAPIPodStatus derives them.
 */
import type { Container, ContainerStateTerminated, Pod, Probe } from 'kubernetes-types/core/v1';
import type { Stored } from '../objects';
import { cpuMillis, memoryBytes } from '../apiserver/quantity';
import { ContainerLog } from '../runtime/containerLog';
import { defaultPullPolicy, InvalidImageReferenceError, parseImageReference, type ImageReference } from '../runtime/imageReference';
import type { ImageManifest } from '../runtime/registry';
import { goDuration } from '../runtime/goDuration';
import { planProcess, type ProcessPlan } from '../runtime/process';
import { nodeArchitecture, planForNode } from '../runtime/platform';
import type { ScriptResult } from '../runtime/shellScript';
import { containerUsage } from '../runtime/usage';
import { backoffRemaining, nextBackoff, type BackoffEntry } from './backoff';
import { containerMachine, type ContainerEvent, type ContainerHost } from './containerMachine';
import { MachineRunner, type MachineInstance } from './machineRunner';
import { expandVars, missingVolumeSource, resolveEnv } from './containerConfig';
import { ProbeWorker, probeTarget, runContainerProbe, type ProbeKind, type ProbeOutcome } from './probes';
import { accessLogLine } from '../runtime/accessLog';
import { execInContainer, type ExecOutcome } from '../runtime/containerExec';
import type { ContainerSystem, NetView } from '../runtime/containerSystem';
import type { ImageConfig } from '../runtime/registry';
import { httpAnswer, listensOn, type HttpAnswer, type ServingPlan } from '../runtime/serving';
import { containerSystem } from './containerView';
import { KUBELET_VERSION } from './nodeStatus';
import type { KubeletServices } from './kubeletServices';
import { rfc3339 } from './timestamps';

/** The kubelet's probes say who they are: `User-Agent: kube-probe/1.31`. */
const KUBELET_MINOR = KUBELET_VERSION.replace(/^v(\d+\.\d+).*$/, '$1');

/** The pod network's gateway (the node's bridge), the source address of the kubelet's probes. */
function gatewayOf(podIP: string): string {
  return podIP.replace(/\.\d+$/, '.1');
}

function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** RunPodSandbox with CNI setup. */
export const SANDBOX_MS = 500;
/** CreateContainer, then StartContainer. */
export const CREATE_MS = 100;
export const START_MS = 100;
/** The kernel's OOM killer acts soon after a container outgrows its memory limit. */
export const OOM_AFTER_MS = 1500;
/** The volume manager retries a failed mount (its back-off is longer; one retry per 10 s is plenty). */
export const MOUNT_RETRY_MS = 10_000;

export type ContainerKind = 'init' | 'sidecar' | 'regular';

export interface ContainerInstance {
  /** `containerd://<64 hex>` */
  id: string;
  startedMs: number;
  finishedMs?: number;
  plan: ProcessPlan;
  log: ContainerLog;
  /** Files the process creates and removes (exec probes read them). */
  files: Array<{ atMs: number; path: string; exists: boolean }>;
  timers: number[];
  /** The process's environment (what `env` prints in `kubectl exec`). */
  env: Record<string, string>;
}

/** Per-container knobs for the fault catalogue and for traffic. */
export interface ContainerOverrides {
  probe: Partial<Record<ProbeKind, boolean>>;
  cpuMilli?: number;
  memoryBytes?: number;
  extraCpuMilli: number;
  /** The process exits this long after each start (the fault catalogue's crashloop). */
  crash?: { exitCode: number; afterMs: number };
}

/** The container machine, run without an actor per container (see machineRunner.ts). */
const containerRunner = new MachineRunner(containerMachine);

export class ContainerSlot implements ContainerHost {
  /** This container's state in containerMachine. */
  readonly machine: MachineInstance<{ host: ContainerHost }>;
  ref: ImageReference | undefined;
  image: { imageRef: string; imageID: string; manifest: ImageManifest } | undefined;
  current: ContainerInstance | undefined;
  previous: ContainerInstance | undefined;
  restartCount = 0;
  terminated: ContainerStateTerminated | undefined;
  lastTermination: ContainerStateTerminated | undefined;
  waitingMessage: string | undefined;
  /** Creating or pulling now (between startContainer and Running). */
  busy = false;
  succeeded = false;
  ready = false;
  startupDone = false;
  restartBackoff: BackoffEntry | undefined;
  pullBackoff: BackoffEntry | undefined;
  cancelPull: (() => void) | undefined;
  probes: ProbeWorker[] = [];
  stopGraceMs = 30_000;
  readonly overrides: ContainerOverrides = { probe: {}, extraCpuMilli: 0 };
  private pendingRestartMs = 0;

  constructor(
    readonly worker: PodWorker,
    readonly spec: Container,
    readonly kind: ContainerKind,
  ) {
    this.machine = containerRunner.start({ host: this }, worker.svc.clock);
  }

  send(event: ContainerEvent): void {
    this.machine.send(event);
  }

  get name(): string {
    return this.spec.name;
  }

  get fieldPath(): string {
    return this.kind === 'regular' ? `spec.containers{${this.spec.name}}` : `spec.initContainers{${this.spec.name}}`;
  }

  /** `waiting.crashLoopBackOff`, `running`, ... */
  get stateName(): string {
    return this.machine.value;
  }

  /** The process is alive (the machine may still be leaving `stopping` when the process has died). */
  get running(): boolean {
    const s = this.stateName;
    return (s === 'running' || s === 'stopping') && this.current !== undefined && this.current.finishedMs === undefined;
  }

  // ---- ContainerHost (called by the machine) ----
  restartAfterBackOff(): void {
    this.worker.restartNow(this);
  }
  pullBackOffStarted(): void {
    this.worker.reportPullBackOff(this);
  }
  pullAgain(): void {
    this.worker.pullImage(this);
  }
  retryCreate(): void {
    this.worker.startContainer(this);
  }
  killAfterGracePeriod(): void {
    this.worker.processExited(this, 137, 'Error', true);
  }
  restartDelayMs(): number {
    return this.pendingRestartMs;
  }
  setRestartDelay(ms: number): void {
    this.pendingRestartMs = ms;
  }
  pullDelayMs(): number {
    const b = this.pullBackoff;
    return b ? Math.max(0, b.lastUpdateMs + b.durationMs - this.worker.svc.clock.now()) : 0;
  }
  gracePeriodMs(): number {
    return this.stopGraceMs;
  }

  dispose(): void {
    this.cancelPull?.();
    for (const p of this.probes) p.stop();
    this.probes = [];
    if (this.current) for (const t of this.current.timers) this.worker.svc.clock.clearTimeout(t);
    this.machine.stop();
  }
}

export class PodWorker {
  pod: Stored<Pod>;
  readonly uid: string;
  readonly key: string;
  readonly slots: ContainerSlot[];
  podIP: string | undefined;
  sandboxReady = false;
  startTime: string;
  terminating = false;
  /** The pod reached Succeeded or Failed: nothing more runs. */
  finished = false;
  removed = false;
  private sandboxTimer: number | undefined;
  private execCount = 0;
  readonly conditionTimes = new Map<string, { status: string; time: string }>();

  constructor(
    readonly svc: KubeletServices,
    pod: Stored<Pod>,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid;
    this.key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    this.startTime = svc.clock.nowRfc3339();
    const spec = pod.spec;
    this.slots = [
      ...(spec?.initContainers ?? []).map((c) => new ContainerSlot(this, c, c.restartPolicy === 'Always' ? 'sidecar' : 'init')),
      ...(spec?.containers ?? []).map((c) => new ContainerSlot(this, c, 'regular')),
    ];
  }

  get namespace(): string {
    return this.pod.metadata.namespace ?? 'default';
  }

  get restartPolicy(): 'Always' | 'OnFailure' | 'Never' {
    return (this.pod.spec?.restartPolicy as 'Always' | 'OnFailure' | 'Never' | undefined) ?? 'Always';
  }

  get gracePeriodSeconds(): number {
    return this.pod.spec?.terminationGracePeriodSeconds ?? 30;
  }

  /** The worker starts: sandbox first (after the pod's volumes can be mounted). */
  start(): void {
    this.svc.markDirty(this);
    this.createSandbox();
  }

  private createSandbox(): void {
    const missing = missingVolumeSource(this.svc.api, this.pod);
    if (missing) {
      this.svc.event(this, undefined, 'Warning', 'FailedMount', missing);
      this.sandboxTimer = this.svc.clock.setTimeout(() => this.createSandbox(), MOUNT_RETRY_MS);
      return;
    }
    this.sandboxTimer = this.svc.clock.setTimeout(() => {
      this.sandboxTimer = undefined;
      if (this.terminating || this.removed) return;
      this.podIP = this.pod.spec?.hostNetwork ? this.svc.hostIP : this.svc.allocateIP(this.key);
      this.sandboxReady = true;
      this.svc.markDirty(this);
      this.advance();
    }, SANDBOX_MS);
  }

  // ---------------------------------------------------------------- what to run next

  /** computeInitContainerActions / computePodActions, in short: start what should run now. */
  advance(): void {
    if (!this.sandboxReady || this.terminating || this.finished) return;
    for (const slot of this.slots) {
      if (slot.kind === 'regular') break;
      if (slot.kind === 'init' && slot.succeeded) continue;
      if (slot.kind === 'sidecar' && slot.running && (slot.startupDone || !slot.spec.startupProbe)) continue;
      if (!slot.busy && !slot.running && slot.stateName === 'waiting.containerCreating' && !slot.terminated) this.startContainer(slot);
      return;
    }
    for (const slot of this.slots) {
      if (slot.kind !== 'regular') continue;
      if (!slot.busy && !slot.running && slot.stateName === 'waiting.containerCreating' && !slot.terminated) this.startContainer(slot);
    }
  }

  get initialized(): boolean {
    for (const s of this.slots) {
      if (s.kind === 'init' && !s.succeeded) return false;
      if (s.kind === 'sidecar' && !s.running) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- image, create, start

  startContainer(slot: ContainerSlot): void {
    if (this.terminating || this.finished) return;
    slot.busy = true;
    let ref: ImageReference;
    try {
      ref = slot.ref ?? parseImageReference(slot.spec.image ?? '');
      slot.ref = ref;
    } catch (e) {
      const detail = e instanceof InvalidImageReferenceError ? e.message : 'invalid reference format';
      const image = slot.spec.image ?? '';
      slot.waitingMessage = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${detail}`;
      slot.busy = false;
      slot.send({ type: 'INVALID_IMAGE' });
      this.svc.event(this, slot, 'Warning', 'InspectFailed', slot.waitingMessage);
      this.svc.event(this, slot, 'Warning', 'Failed', 'Error: InvalidImageName');
      this.svc.markDirty(this);
      return;
    }
    const policy = slot.spec.imagePullPolicy ?? defaultPullPolicy(slot.spec.image ?? '');
    const present = this.svc.runtime.findImage(ref);
    if (policy === 'Never' && !present) {
      slot.waitingMessage = `Container image "${ref.raw}" is not present with pull policy of Never`;
      slot.busy = false;
      slot.send({ type: 'NEVER_PULL' });
      this.svc.event(this, slot, 'Warning', 'ErrImageNeverPull', slot.waitingMessage);
      this.svc.markDirty(this);
      return;
    }
    if (present && policy !== 'Always') {
      slot.image = present;
      this.svc.event(this, slot, 'Normal', 'Pulled', `Container image "${ref.raw}" already present on machine`);
      this.createContainer(slot);
      return;
    }
    this.pullImage(slot);
  }

  pullImage(slot: ContainerSlot): void {
    const ref = slot.ref;
    if (!ref || this.terminating) return;
    slot.busy = true;
    slot.waitingMessage = undefined;
    slot.send({ type: 'PULL' });
    this.svc.event(this, slot, 'Normal', 'Pulling', `Pulling image "${ref.raw}"`);
    this.svc.cue({ type: 'image-pull', node: this.svc.nodeName, image: ref.raw, phase: 'start' });
    slot.cancelPull = this.svc.runtime.pull(ref, (result) => {
      slot.cancelPull = undefined;
      if (this.terminating || this.removed) return;
      if (result.ok) {
        slot.image = { imageRef: result.imageRef, imageID: result.imageID, manifest: result.manifest };
        slot.pullBackoff = undefined;
        this.svc.event(
          this,
          slot,
          'Normal',
          'Pulled',
          `Successfully pulled image "${ref.raw}" in ${goDuration(result.pullMs)} (${goDuration(result.totalMs)} including waiting). Image size: ${result.manifest.size} bytes.`,
        );
        this.svc.cue({ type: 'image-pull', node: this.svc.nodeName, image: ref.raw, phase: 'done', durationMs: result.totalMs });
        this.createContainer(slot);
      } else {
        slot.busy = false;
        slot.pullBackoff = nextBackoff(slot.pullBackoff, this.svc.clock.now());
        slot.waitingMessage = `Failed to pull image "${ref.raw}": ${result.message}`;
        this.svc.event(this, slot, 'Warning', 'Failed', slot.waitingMessage);
        this.svc.event(this, slot, 'Warning', 'Failed', 'Error: ErrImagePull');
        this.svc.cue({ type: 'image-pull', node: this.svc.nodeName, image: ref.raw, phase: 'failed' });
        slot.send({ type: 'PULL_FAILED' });
        this.svc.markDirty(this);
      }
    });
  }

  reportPullBackOff(slot: ContainerSlot): void {
    const raw = slot.ref?.raw ?? slot.spec.image ?? '';
    slot.waitingMessage = `Back-off pulling image "${raw}"`;
    this.svc.event(this, slot, 'Normal', 'BackOff', slot.waitingMessage);
    this.svc.event(this, slot, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    this.svc.markDirty(this);
  }

  /** The machine's CPU architecture: the kubelet's `kubernetes.io/arch` label on its Node. */
  private nodeArch(): string {
    return nodeArchitecture(this.svc.api.peek<{ metadata: { labels?: Record<string, string> } }>('Node', undefined, this.svc.nodeName)?.metadata.labels);
  }

  private createContainer(slot: ContainerSlot): void {
    const t = this.svc.clock.setTimeout(() => {
      if (this.terminating || this.removed) return;
      const env = resolveEnv(this.svc.api, this.pod, slot.spec, this.podIP ?? '', this.svc.hostIP);
      if (!env.ok) {
        slot.busy = false;
        slot.waitingMessage = env.message;
        this.svc.event(this, slot, 'Warning', 'Failed', `Error: ${env.message}`);
        slot.send({ type: 'CONFIG_ERROR' });
        this.svc.markDirty(this);
        return;
      }
      slot.waitingMessage = undefined;
      const manifest = slot.image!.manifest;
      const now = this.svc.clock.now();
      const salt = hashText(`${this.key}/${slot.name}#${slot.restartCount}`);
      const rawPlan = planProcess({
        system: this.systemFor(slot, manifest.config, new Set(), true, salt),
        ...(this.svc.network ? { quietNet: this.netView(false, salt) } : {}),
        image: manifest.config,
        ...(slot.spec.command ? { command: slot.spec.command.map((a) => expandVars(a, env.env)) } : {}),
        ...(slot.spec.args ? { args: slot.spec.args.map((a) => expandVars(a, env.env)) } : {}),
        env: env.env,
        podName: this.pod.metadata.name,
        namespace: this.namespace,
        podIP: this.podIP ?? '',
        startMs: now + START_MS,
      });
      const plan = planForNode(rawPlan, manifest, this.nodeArch());
      if (slot.current) {
        slot.previous = slot.current;
        slot.restartCount++;
      }
      slot.current = { id: `containerd://${this.svc.newContainerId()}`, startedMs: now + START_MS, plan, log: new ContainerLog(), files: [], timers: [], env: env.env };
      if (plan.loadTarget) this.svc.loadClientStarted?.();
      this.svc.event(this, slot, 'Normal', 'Created', `Created container: ${slot.name}`);
      this.svc.cue({ type: 'container', node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: 'created' });
      const t2 = this.svc.clock.setTimeout(() => this.runContainer(slot), START_MS);
      slot.current.timers.push(t2);
    }, CREATE_MS);
    slot.cancelPull = () => this.svc.clock.clearTimeout(t);
  }

  private runContainer(slot: ContainerSlot): void {
    const inst = slot.current;
    if (!inst || this.terminating || this.removed) return;
    slot.busy = false;
    slot.cancelPull = undefined;
    const plan = inst.plan;
    const now = this.svc.clock.now();
    if (plan.startError) {
      this.svc.event(this, slot, 'Warning', 'Failed', `Error: ${plan.startError}`);
      slot.terminated = { exitCode: 128, reason: 'StartError', message: plan.startError, startedAt: '1970-01-01T00:00:00Z', finishedAt: rfc3339(now), containerID: inst.id };
      inst.finishedMs = now;
      slot.send({ type: 'START_FAILED' });
      this.afterExit(slot, 128);
      return;
    }
    slot.send({ type: 'STARTED' });
    this.svc.event(this, slot, 'Normal', 'Started', `Started container ${slot.name}`);
    this.svc.cue({ type: 'container', node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: 'started' });
    slot.startupDone = !slot.spec.startupProbe;
    slot.ready = false;
    this.playSegment(slot, inst, { output: plan.output, files: plan.files, end: plan.end, ...(plan.loop ? { loop: plan.loop } : {}) }, now, true);
    const limit = memoryBytes(slot.spec.resources?.limits?.memory as string | undefined);
    if (limit > 0 && plan.usage.memoryBytes > limit) {
      inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, 137, 'OOMKilled'), OOM_AFTER_MS));
    }
    const crash = slot.overrides.crash;
    if (crash) inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, crash.exitCode), crash.afterMs));
    this.startProbes(slot);
    this.svc.markDirty(this);
    this.advance();
  }

  /** Plays a stretch of the process (its output, files, loop and end) from `baseMs`. */
  private playSegment(slot: ContainerSlot, inst: ContainerInstance, seg: Pick<ScriptResult, 'output' | 'files' | 'end' | 'loop'>, baseMs: number, first = false): void {
    if (first) inst.log.setPrelude(baseMs, seg.output);
    else for (const o of seg.output) inst.log.append(baseMs + o.offsetMs, o.text);
    for (const f of seg.files) inst.files.push({ atMs: baseMs + f.offsetMs, path: f.path, exists: f.exists });
    if (seg.loop) inst.log.setLoop({ startMs: baseMs + seg.loop.offsetMs, periodMs: seg.loop.periodMs, render: seg.loop.render });
    const end = seg.end;
    if (end.kind === 'exit') {
      inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, end.code), end.afterMs));
    } else if (end.kind === 'gate') {
      const gate = end.gate;
      const poll = () => {
        if (slot.current !== inst || inst.finishedMs !== undefined) return;
        const now = this.svc.clock.now();
        if (this.svc.resolvesHost(gate.host, this.namespace)) {
          this.playSegment(slot, inst, gate.resume(now), now);
          return;
        }
        for (const line of gate.pollOutput) inst.log.append(now, line);
        inst.timers.push(this.svc.clock.setTimeout(poll, gate.periodMs));
      };
      inst.timers.push(this.svc.clock.setTimeout(poll, end.afterMs));
    }
  }

  // ---------------------------------------------------------------- probes

  private startProbes(slot: ContainerSlot): void {
    for (const p of slot.probes) p.stop();
    slot.probes = [];
    const make = (kind: ProbeKind, probe: Probe | undefined) => {
      if (!probe) return;
      const w = new ProbeWorker(kind, probe, this.svc.clock, {
        run: (k, pr) => this.runProbe(slot, k, pr),
        failed: (k, message) => this.probeFailed(slot, k, message),
        changed: (k, healthy) => this.probeChanged(slot, k, healthy),
      });
      slot.probes.push(w);
    };
    if (slot.spec.startupProbe) make('startup', slot.spec.startupProbe);
    make('liveness', slot.spec.livenessProbe);
    make('readiness', slot.spec.readinessProbe);
    for (const w of slot.probes) if (w.kind === 'startup' || slot.startupDone) w.start();
    // No readiness probe: ready as soon as started (sidecars and app containers; init containers never are).
    if (!slot.spec.readinessProbe && slot.startupDone && slot.kind !== 'init') slot.ready = true;
  }

  private runProbe(slot: ContainerSlot, kind: ProbeKind, probe: Probe): ProbeOutcome {
    const inst = slot.current;
    const forced = slot.overrides.probe[kind];
    const ip = this.podIP ?? '';
    if (forced === false) {
      if (probe.httpGet) return { ok: false, message: `Get "${probeTarget(probe, ip)}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
      if (probe.tcpSocket) return { ok: false, message: `dial tcp ${probeTarget(probe, ip)}: connect: connection refused` };
      if (probe.grpc) return { ok: false, message: `timeout: failed to connect service "${probeTarget(probe, ip)}" within 1s` };
      return { ok: false, message: 'command timed out' };
    }
    if (forced === true || !inst) return { ok: true };
    return runContainerProbe(probe, {
      podIP: ip,
      namedPort: (name) => slot.spec.ports?.find((p) => p.name === name)?.containerPort,
      listensOn: (port) => this.listensOn(port),
      answer: (port, path) => this.answerHttp(port, path, { clientIP: gatewayOf(ip), userAgent: `kube-probe/${KUBELET_MINOR}`, record: true }),
      exec: (argv) => this.execIn(slot, argv, false),
    });
  }

  // ---------------------------------------------------------------- the container as a machine on the network

  private netView(record: boolean, salt: number): NetView | undefined {
    return this.svc.network?.view({ namespace: this.namespace, podName: this.pod.metadata.name, podIP: this.podIP ?? '' }, { record, salt });
  }

  /** The container's filesystem, hostname and network (the shell model's view). */
  systemFor(slot: ContainerSlot, image: ImageConfig, existing: ReadonlySet<string>, record: boolean, salt: number): ContainerSystem {
    const net = this.netView(record, salt);
    return containerSystem({ api: this.svc.api, pod: this.pod, container: slot.spec, image, podIP: this.podIP ?? '', existingFiles: existing, ...(net ? { net } : {}) });
  }

  /** The files the container's processes have created and not removed, as of now. */
  private filesNow(inst: ContainerInstance): Set<string> {
    const now = this.svc.clock.now();
    const exists = new Map<string, boolean>();
    for (const f of inst.files) if (f.atMs <= now) exists.set(f.path, f.exists);
    return new Set([...exists].filter(([, e]) => e).map(([p]) => p));
  }

  private servingPlan(slot: ContainerSlot, inst: ContainerInstance): ServingPlan {
    const config = slot.image?.manifest.config;
    return {
      program: inst.plan.program,
      argv: inst.plan.argv,
      ...(config && config.program === inst.plan.program && config.ports ? { imagePorts: config.ports } : {}),
      env: inst.env,
      ...(config?.version ? { version: config.version } : {}),
    };
  }

  /** The running container of this pod that listens on `port` (containers share the pod's network namespace). */
  private listener(port: number): { slot: ContainerSlot; inst: ContainerInstance } | undefined {
    for (const slot of this.slots) {
      const inst = slot.current;
      if (slot.kind === 'init' || !inst || !slot.running) continue;
      if (listensOn(this.servingPlan(slot, inst), port)) return { slot, inst };
    }
    return undefined;
  }

  listensOn(port: number): boolean {
    return this.listener(port) !== undefined;
  }

  /** What the pod answers to `GET path` on `port`; undefined: nothing listens (connection refused). */
  answerHttp(port: number, path: string, req: { clientIP: string; userAgent: string; record: boolean }): HttpAnswer | undefined {
    const found = this.listener(port);
    if (!found) return undefined;
    const { slot, inst } = found;
    const now = this.svc.clock.now();
    const answer = httpAnswer(this.servingPlan(slot, inst), path, {
      podName: this.pod.metadata.name,
      sinceStartMs: now - inst.startedMs,
      ...(inst.plan.httpFailsAfterMs !== undefined ? { httpFailsAfterMs: inst.plan.httpFailsAfterMs } : {}),
    });
    if (req.record && !answer.protocolError) {
      const line = accessLogLine(inst.plan.program, req.clientIP, 'GET', path, req.userAgent, answer.status, now, answer.body.length);
      if (line) inst.log.append(now, line);
    }
    return answer;
  }

  /**
   * Runs a command in a running container (kubectl exec, exec probes). Files it creates or removes
   * stay in the container. Undefined when the container is not running.
   */
  execIn(slot: ContainerSlot, argv: string[], record: boolean): ExecOutcome | undefined {
    const inst = slot.current;
    const image = slot.image?.manifest.config;
    if (!inst || !slot.running || !image) return undefined;
    const now = this.svc.clock.now();
    const salt = hashText(`${inst.id}#${now}#${this.execCount++}`);
    const system = this.systemFor(slot, image, this.filesNow(inst), record, salt);
    const quietNet = this.netView(false, salt);
    const outcome = execInContainer(system, argv, { vars: inst.env, podName: this.pod.metadata.name, namespace: this.namespace, ...(quietNet ? { quietNet } : {}) }, now);
    if (outcome.kind === 'ran') for (const f of outcome.files) inst.files.push({ atMs: now, path: f.path, exists: f.exists });
    return outcome;
  }

  private probeFailed(slot: ContainerSlot, kind: ProbeKind, message: string): void {
    const label = kind === 'liveness' ? 'Liveness' : kind === 'readiness' ? 'Readiness' : 'Startup';
    this.svc.event(this, slot, 'Warning', 'Unhealthy', `${label} probe failed: ${message}`);
    this.svc.cue({ type: 'probe', node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, probe: kind, ok: false });
  }

  private probeChanged(slot: ContainerSlot, kind: ProbeKind, healthy: boolean): void {
    if (!slot.running || slot.stateName === 'stopping') return;
    if (healthy) this.svc.cue({ type: 'probe', node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, probe: kind, ok: true });
    if (kind === 'readiness') {
      if (slot.ready !== healthy) {
        slot.ready = healthy;
        this.svc.markDirty(this);
      }
      return;
    }
    if (kind === 'startup' && healthy) {
      slot.startupDone = true;
      for (const w of slot.probes) if (w.kind !== 'startup') w.start();
      for (const w of slot.probes) if (w.kind === 'startup') w.stop();
      if (!slot.spec.readinessProbe && slot.kind !== 'init') slot.ready = true;
      this.svc.markDirty(this);
      this.advance();
      return;
    }
    if (!healthy) {
      // Liveness (or startup) failed failureThreshold times: kill, then restart per restartPolicy.
      const grace = (kind === 'liveness' ? slot.spec.livenessProbe : slot.spec.startupProbe)?.terminationGracePeriodSeconds ?? this.gracePeriodSeconds;
      this.svc.event(this, slot, 'Normal', 'Killing', `Container ${slot.name} failed ${kind} probe, will be restarted`);
      this.stopContainer(slot, grace * 1000);
    }
  }

  // ---------------------------------------------------------------- stopping and exits

  /** SIGTERM now; SIGKILL when the grace period runs out unless the process exits before. */
  stopContainer(slot: ContainerSlot, graceMs: number): void {
    const inst = slot.current;
    for (const p of slot.probes) p.stop();
    slot.ready = false;
    if (!slot.running || !inst) {
      slot.cancelPull?.();
      slot.cancelPull = undefined;
      slot.busy = false;
      slot.send({ type: 'STOP' });
      return;
    }
    if (slot.stateName === 'stopping') return;
    slot.stopGraceMs = graceMs;
    slot.send({ type: 'STOP' });
    const sig = inst.plan.sigterm;
    if (sig.kind === 'exits' && sig.afterMs < graceMs) {
      inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, sig.code), sig.afterMs));
    }
    this.svc.markDirty(this);
  }

  /** The container's process ended (on its own, by SIGTERM, SIGKILL or the OOM killer). */
  processExited(slot: ContainerSlot, code: number, reason?: string, killed = false): void {
    const inst = slot.current;
    if (!inst || inst.finishedMs !== undefined) return;
    const now = this.svc.clock.now();
    inst.finishedMs = now;
    for (const t of inst.timers) this.svc.clock.clearTimeout(t);
    inst.timers = [];
    inst.log.stopLoop(now);
    for (const p of slot.probes) p.stop();
    slot.ready = false;
    slot.terminated = {
      exitCode: code,
      reason: reason ?? (code === 0 ? 'Completed' : 'Error'),
      startedAt: rfc3339(inst.startedMs),
      finishedAt: rfc3339(now),
      containerID: inst.id,
      ...(inst.plan.terminationMessage !== undefined && !killed ? { message: inst.plan.terminationMessage } : {}),
    };
    if (slot.stateName !== 'terminated') slot.send({ type: 'EXITED' });
    this.svc.cue({ type: 'container', node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: killed ? 'killed' : 'exited', exitCode: code });
    this.afterExit(slot, code);
  }

  /** What the kubelet does once a container has terminated: next init container, restart, or pod done. */
  private afterExit(slot: ContainerSlot, code: number): void {
    this.svc.markDirty(this);
    if (this.terminating) {
      this.finishTerminationIfDone();
      return;
    }
    if (slot.kind === 'init' && code === 0) {
      slot.succeeded = true;
      this.advance();
      return;
    }
    const policy = this.restartPolicy;
    const restart = slot.kind === 'sidecar' ? !this.appContainersDone() : slot.kind === 'init' ? policy !== 'Never' : policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    if (restart) {
      this.scheduleRestart(slot);
      return;
    }
    this.checkPodDone();
  }

  private appContainersDone(): boolean {
    return this.slots.every((s) => s.kind !== 'regular' || (s.stateName === 'terminated' && !this.willRestart(s)));
  }

  private willRestart(s: ContainerSlot): boolean {
    const code = s.terminated?.exitCode ?? 0;
    const policy = this.restartPolicy;
    return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
  }

  /** Every app container is done for good (or an init container failed under Never): the pod is finished. */
  private checkPodDone(): void {
    const initFailed = this.slots.some((s) => s.kind === 'init' && s.stateName === 'terminated' && !s.succeeded);
    if (!initFailed && !this.appContainersDone()) return;
    for (const s of this.slots) if (s.kind === 'sidecar' && s.running) this.stopContainer(s, this.gracePeriodSeconds * 1000);
    this.finished = true;
    this.svc.releaseIP(this.key);
    this.sandboxReady = false;
    this.svc.markDirty(this);
  }

  /** kubelet doBackOff: restart at once unless the container is inside its back-off window. */
  private scheduleRestart(slot: ContainerSlot): void {
    const now = this.svc.clock.now();
    const finished = slot.current?.finishedMs ?? now;
    const remaining = backoffRemaining(slot.restartBackoff, finished, now);
    slot.lastTermination = slot.terminated;
    if (remaining > 0) {
      slot.setRestartDelay(remaining);
      slot.waitingMessage = `back-off ${goDuration(slot.restartBackoff!.durationMs)} restarting failed container=${slot.name} pod=${this.pod.metadata.name}_${this.namespace}(${this.uid})`;
      slot.send({ type: 'BACK_OFF' });
      slot.terminated = undefined;
      this.svc.event(this, slot, 'Warning', 'BackOff', `Back-off restarting failed container ${slot.name} in pod ${this.pod.metadata.name}_${this.namespace}(${this.uid})`);
      this.svc.cue({ type: 'container', node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: 'restarting' });
      return;
    }
    slot.send({ type: 'RESTART' });
    this.restartNow(slot);
  }

  restartNow(slot: ContainerSlot): void {
    if (this.terminating || this.finished) return;
    slot.restartBackoff = nextBackoff(slot.restartBackoff, this.svc.clock.now());
    if (slot.terminated) slot.lastTermination = slot.terminated;
    slot.terminated = undefined;
    slot.waitingMessage = undefined;
    if (slot.kind === 'init') slot.succeeded = false;
    this.svc.markDirty(this);
    this.startContainer(slot);
  }

  // ---------------------------------------------------------------- deletion

  /** The pod has a deletionTimestamp: stop every container within the grace period, then remove the pod. */
  terminate(graceSeconds: number): void {
    if (this.terminating) return;
    this.terminating = true;
    if (this.sandboxTimer !== undefined) this.svc.clock.clearTimeout(this.sandboxTimer);
    const graceMs = graceSeconds * 1000;
    for (const slot of this.slots) {
      if (slot.running && slot.stateName !== 'stopping') {
        this.svc.event(this, slot, 'Normal', 'Killing', `Stopping container ${slot.name}`);
        this.stopContainer(slot, graceMs);
      } else if (!slot.running) {
        slot.cancelPull?.();
        slot.busy = false;
      }
    }
    this.svc.markDirty(this);
    this.finishTerminationIfDone();
  }

  private finishTerminationIfDone(): void {
    if (this.removed || this.slots.some((s) => s.running)) return;
    this.removed = true;
    this.svc.podTerminated(this);
  }

  /** The machine lost power or the pod was force-deleted: everything stops at once, silently. */
  dispose(): void {
    this.removed = true;
    if (this.sandboxTimer !== undefined) this.svc.clock.clearTimeout(this.sandboxTimer);
    for (const s of this.slots) {
      if (s.current && s.current.finishedMs === undefined) {
        s.current.finishedMs = this.svc.clock.now();
        s.current.log.stopLoop(s.current.finishedMs);
      }
      s.dispose();
    }
    this.svc.releaseIP(this.key);
  }

  // ---------------------------------------------------------------- usage

  usage(slot: ContainerSlot): { cpuMilli: number; memoryBytes: number } | undefined {
    const inst = slot.current;
    if (!inst || !slot.running) return undefined;
    return containerUsage({
      key: inst.id,
      demand: inst.plan.usage,
      startedMs: inst.startedMs,
      nowMs: this.svc.clock.now(),
      cpuLimitMilli: cpuMillis(slot.spec.resources?.limits?.cpu as string | undefined),
      extraCpuMilli: slot.overrides.extraCpuMilli,
      ...(slot.overrides.cpuMilli !== undefined ? { cpuOverrideMilli: slot.overrides.cpuMilli } : {}),
      ...(slot.overrides.memoryBytes !== undefined ? { memoryOverrideBytes: slot.overrides.memoryBytes } : {}),
    });
  }
}

