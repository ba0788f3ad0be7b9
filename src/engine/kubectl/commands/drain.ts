/**
 * `kubectl drain NODE` (k8s.io/kubectl/pkg/drain and pkg/cmd/drain). Drain cordons the node, then
 * evicts its pods through the pods/eviction subresource, refusing (unless told otherwise) pods no
 * controller would recreate (--force), DaemonSet pods (--ignore-daemonsets skips them) and pods with
 * emptyDir data (--delete-emptydir-data); mirror pods are skipped.
 *
 * Each pod is evicted on its own (kubectl runs a goroutine per pod): `evicting pod ns/name`, then the
 * eviction; a 429 (the pod's PodDisruptionBudget allows no disruption now) prints `error when evicting
 * pods/"x" -n "ns" (will retry after 5s): ...` and tries again 5 seconds later; once accepted, kubectl
 * polls every second until the pod is gone and prints `pod/x evicted`. The node is `drained` when every
 * pod is gone; `--timeout` (0: no limit) ends the waiting with `global timeout reached`.
 *
 * The retries and the polling run on the cluster's virtual clock (a DrainRun), not in the console's
 * session: the evictions are part of what the command did, so replaying the recorded command line
 * retries them at the same virtual times. The session only shows what the run prints; Ctrl+C stops
 * the run (the cluster records the interrupt).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { controllerOf, type Stored } from '../../objects';
import { ApiError } from '../../apiserver/errors';
import { evictPod } from '../../apiserver/eviction';
import { goDuration } from '../../runtime/goDuration';
import type { TimerId } from '../../clock/virtualClock';
import type { CommandContext } from '../context';
import type { KubectlHost } from '../host';
import { byNamespaceAndName } from '../fetch';
import { parseTimeoutFlag, type KubectlSession, type SessionOutput } from '../session';
import { nodeArg, setUnschedulable } from './nodes';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** drain.go: a refused eviction (429) is tried again after 5 seconds. */
export const EVICTION_RETRY_MS = 5_000;
/** waitForDelete polls every second. */
export const DELETE_POLL_MS = 1_000;

const podName = (p: Stored<Pod>) => `${p.metadata.namespace}/${p.metadata.name}`;

interface DrainFlags {
  ignoreDaemonSets: boolean;
  deleteEmptyDir: boolean;
  force: boolean;
  grace: number | undefined;
  /** 0: no limit. */
  timeoutMs: number;
  disableEviction: boolean;
  dryRun: 'none' | 'client' | 'server';
}

interface PodsForDeletion {
  pods: Stored<Pod>[];
  errors: string[];
  warnings: string[];
}

/** GetPodsForDeletion: the node's pods that drain deletes, the fatal reasons and the warnings. */
function podsForDeletion(host: KubectlHost, nodeName: string, flags: DrainFlags): PodsForDeletion {
  const pods = host.api.list<Pod>('Pod', { nodeName }).sort(byNamespaceAndName);
  const toEvict: Stored<Pod>[] = [];
  const fatal = { unmanaged: [] as string[], daemonSet: [] as string[], localStorage: [] as string[] };
  const warn = { unmanaged: [] as string[], daemonSet: [] as string[], localStorage: [] as string[] };
  for (const pod of pods) {
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) continue;
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const owner = controllerOf(pod);
    if (!finished && owner?.kind === 'DaemonSet') {
      (flags.ignoreDaemonSets ? warn : fatal).daemonSet.push(podName(pod));
      continue;
    }
    if (!finished && !owner) (flags.force ? warn : fatal).unmanaged.push(podName(pod));
    if (!finished && (pod.spec?.volumes ?? []).some((v) => v.emptyDir)) (flags.deleteEmptyDir ? warn : fatal).localStorage.push(podName(pod));
    toEvict.push(pod);
  }
  const errors: string[] = [];
  if (fatal.unmanaged.length > 0) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${fatal.unmanaged.join(', ')}`);
  if (fatal.daemonSet.length > 0) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${fatal.daemonSet.join(', ')}`);
  if (fatal.localStorage.length > 0) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${fatal.localStorage.join(', ')}`);
  const warnings: string[] = [];
  if (warn.unmanaged.length > 0) warnings.push(`deleting Pods that declare no controller: ${warn.unmanaged.join(', ')}`);
  if (warn.daemonSet.length > 0) warnings.push(`ignoring DaemonSet-managed Pods: ${warn.daemonSet.join(', ')}`);
  if (warn.localStorage.length > 0) warnings.push(`deleting Pods with local storage: ${warn.localStorage.join(', ')}`);
  return { pods: errors.length > 0 ? [] : toEvict, errors, warnings };
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several in brackets. */
const aggregate = (errs: string[]) => (errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`);

/** A drain in progress on the virtual clock: nodes one after another, each node's pods side by side. */
export class DrainRun {
  private stdout = '';
  private stderr = '';
  private exit: number | undefined;
  private readonly timers = new Set<TimerId>();
  private readonly fatal: string[] = [];
  private readonly pendingNodes: string[] = [];
  private nodeIndex = -1;
  private nodeErrors: string[] = [];
  private inFlight = 0;
  private deadline = 0;

  constructor(
    private readonly host: KubectlHost,
    private readonly nodes: Stored<Node>[],
    private readonly flags: DrainFlags,
  ) {}

  get done(): boolean {
    return this.exit !== undefined;
  }

  /** Takes what was printed since the last call. */
  take(): SessionOutput {
    const out = { stdout: this.stdout, stderr: this.stderr, done: this.exit !== undefined, exitCode: this.exit ?? 0 };
    this.stdout = '';
    this.stderr = '';
    return out;
  }

  /** Ctrl+C: no more evictions, no more output. */
  cancel(): void {
    for (const t of this.timers) this.host.clock.clearTimeout(t);
    this.timers.clear();
    if (this.exit === undefined) this.exit = 130;
  }

  start(): void {
    this.nextNode();
  }

  private out(text: string): void {
    if (this.exit === undefined) this.stdout += text + '\n';
  }

  private err(text: string): void {
    if (this.exit === undefined) this.stderr += text + '\n';
  }

  private later(ms: number, fn: () => void): void {
    const id = this.host.clock.setTimeout(() => {
      this.timers.delete(id);
      if (this.exit === undefined) fn();
    }, ms);
    this.timers.add(id);
  }

  private nextNode(): void {
    this.nodeIndex++;
    const node = this.nodes[this.nodeIndex];
    if (!node) {
      if (this.pendingNodes.length > 0) {
        this.err('There are pending nodes to be drained:');
        for (const n of this.pendingNodes) this.err(` ${n}`);
      }
      if (this.fatal.length > 0) this.err(`error: ${aggregate(this.fatal)}`);
      this.exit = this.fatal.length > 0 ? 1 : 0;
      return;
    }
    const list = podsForDeletion(this.host, node.metadata.name, this.flags);
    if (list.errors.length > 0) {
      this.nodeFailed(aggregate(list.errors));
      return;
    }
    if (list.warnings.length > 0) this.err(`Warning: ${list.warnings.join('; ')}`);
    if (this.flags.dryRun === 'client') {
      for (const pod of list.pods) this.out(`evicting pod ${podName(pod)} (dry run)`);
      this.nodeDrained();
      return;
    }
    if (list.pods.length === 0) {
      this.nodeDrained();
      return;
    }
    this.nodeErrors = [];
    this.inFlight = list.pods.length;
    this.deadline = this.flags.timeoutMs > 0 ? this.host.clock.now() + this.flags.timeoutMs : Infinity;
    for (const pod of list.pods) this.evict(pod);
  }

  private nodeDrained(): void {
    const node = this.nodes[this.nodeIndex]!;
    this.out(`node/${node.metadata.name} drained${this.flags.dryRun === 'client' ? ' (dry run)' : this.flags.dryRun === 'server' ? ' (server dry run)' : ''}`);
    this.nextNode();
  }

  private nodeFailed(message: string): void {
    const name = this.nodes[this.nodeIndex]!.metadata.name;
    this.err(`error: unable to drain node "${name}" due to error: ${message}, continuing command...`);
    this.fatal.push(message);
    this.pendingNodes.push(name);
    this.nextNode();
  }

  private podDone(error?: string): void {
    if (error) this.nodeErrors.push(error);
    if (--this.inFlight > 0) return;
    if (this.nodeErrors.length === 0) {
      this.nodeDrained();
      return;
    }
    const nodeName = this.nodes[this.nodeIndex]!.metadata.name;
    const message = aggregate(this.nodeErrors);
    const pending = podsForDeletion(this.host, nodeName, this.flags).pods;
    if (pending.length > 0) {
      this.err(`There are pending pods in node "${nodeName}" when an error occurred: ${message}`);
      for (const p of pending) this.err(`pod/${p.metadata.name}`);
    }
    this.nodeFailed(message);
  }

  private timeoutText(): string {
    return `global timeout reached: ${goDuration(this.flags.timeoutMs)}`;
  }

  private evict(pod: Stored<Pod>): void {
    const { namespace = 'default', name } = pod.metadata;
    const server = this.flags.dryRun === 'server';
    this.out(`evicting pod ${namespace}/${name}${server ? ' (server dry run)' : ''}`);
    if (this.host.clock.now() >= this.deadline) {
      this.podDone(`error when evicting pods/"${name}" -n "${namespace}": ${this.timeoutText()}`);
      return;
    }
    try {
      const opts = { ...(this.flags.grace !== undefined && this.flags.grace >= 0 ? { gracePeriodSeconds: this.flags.grace } : {}), ...(server ? { dryRun: true } : {}) };
      if (this.flags.disableEviction) this.host.api.delete('Pod', namespace, name, opts);
      else evictPod(this.host.api, namespace, name, this.host.clock.nowRfc3339(), opts);
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'NotFound') {
        this.podDone();
        return;
      }
      if (e instanceof ApiError && e.reason === 'TooManyRequests') {
        this.err(`error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${e.message}`);
        this.later(EVICTION_RETRY_MS, () => this.evict(pod));
        return;
      }
      this.podDone(`error when evicting pods/"${name}" -n "${namespace}": ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (server) {
      this.podDone();
      return;
    }
    this.waitForDelete(pod);
  }

  /** waitForDelete: PollImmediate every second until the pod is gone (or replaced by one of the same name). */
  private waitForDelete(pod: Stored<Pod>): void {
    const current = this.host.api.peek<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!current || current.metadata.uid !== pod.metadata.uid) {
      this.out(`pod/${pod.metadata.name} evicted`);
      this.podDone();
      return;
    }
    if (this.host.clock.now() >= this.deadline) {
      this.podDone(`error when waiting for pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace}" to terminate: ${this.timeoutText()}`);
      return;
    }
    this.later(DELETE_POLL_MS, () => this.waitForDelete(pod));
  }
}

class DrainSession implements KubectlSession {
  readonly deadline = undefined;
  constructor(
    private readonly run: DrainRun,
    private readonly host: KubectlHost,
  ) {}

  poll(): SessionOutput {
    return this.run.take();
  }

  cancel(): void {
    if (this.run.done) return;
    if (this.host.interruptClientRuns) this.host.interruptClientRuns();
    else this.run.cancel();
  }
}

export function runDrain(ctx: CommandContext): number {
  const timeoutText = ctx.flags.string('timeout');
  const flags: DrainFlags = {
    ignoreDaemonSets: ctx.flags.bool('ignore-daemonsets'),
    deleteEmptyDir: ctx.flags.bool('delete-emptydir-data') || ctx.flags.bool('delete-local-data'),
    force: ctx.flags.bool('force'),
    grace: ctx.flags.int('grace-period'),
    timeoutMs: timeoutText === undefined ? 0 : Math.max(0, parseTimeoutFlag(timeoutText)),
    disableEviction: ctx.flags.bool('disable-eviction'),
    dryRun: ctx.dryRun,
  };
  const nodes = nodeArg(ctx, 'drain');
  for (const node of nodes) setUnschedulable(ctx, node, true);
  const run = new DrainRun(ctx.host, nodes, flags);
  run.start();
  const first = run.take();
  ctx.write(first.stdout);
  if (first.stderr) ctx.err(first.stderr);
  if (first.done) return first.exitCode;
  // Still evicting or waiting: the run goes on with virtual time; the console watches it.
  ctx.host.trackClientRun?.(run);
  if (ctx.streaming) ctx.session = new DrainSession(run, ctx.host);
  return 0;
}
