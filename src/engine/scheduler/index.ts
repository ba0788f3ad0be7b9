/**
 * kube-scheduler: watches unbound pods, picks a node for each through the framework's filter and score
 * plugins, and binds it. Its life is an XState actor with states `running` and `stopped`: a stopped
 * scheduler binds nothing (new pods stay Pending, silently); when it starts it picks up every unbound
 * pod, as a restarted kube-scheduler does after listing.
 *
 * Work runs on the virtual clock: a pod that becomes ready to schedule arms one zero-delay timer that
 * drains the active queue, so pods are bound within the same virtual instant they were created, as a
 * real scheduler binds within milliseconds.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { createActor, setup, type Actor } from 'xstate';
import type { ControllerContext } from '../context';
import type { WatchEvent } from '../apiserver/apiserver';
import type { Stored } from '../objects';
import type { TimerId } from '../clock/virtualClock';
import { SchedulerCache, type NodeChange } from './cache';
import { SchedulingQueue, UNSCHEDULABLE_FLUSH_INTERVAL_MS, type ClusterEvent, type QueuedPod } from './queue';
import { newAttempt, resetAttempt, ScheduleAlgorithm } from './scheduleOne';
import { DEFAULT_SCHEDULER_NAME, defaultProfile, type Profile, type ProfileOptions } from './defaultPlugins';
import { fitErrorMessage, NO_NODES_AVAILABLE, reasonHistogram } from './framework/fitError';
import { preemptionMessage } from './plugins/defaultpreemption';
import { findPreemptionCandidate, notEligibleReason, type PreemptionCandidate } from './preemption';
import { DiagnosisLog, expandAttempt, type AttemptRecord, type SchedulingDiagnosis } from './diagnosis';

export type { SchedulingDiagnosis, NodeFilterResult, NodeScoreResult, PluginScore } from './diagnosis';
export type { ScoringStrategy } from './plugins/noderesources';

/** The component name on events and in `kubectl get events`' SOURCE. */
export const SCHEDULER_COMPONENT = DEFAULT_SCHEDULER_NAME;

export interface SchedulerOptions extends ProfileOptions {
  /** How many pods' last attempts `explain` remembers. Default 1,000. */
  diagnosisCapacity?: number;
}

const schedulerMachine = setup({
  types: {
    events: {} as { type: 'START' } | { type: 'STOP' },
  },
  actions: {
    pickUpUnboundPods: () => {},
    dropQueue: () => {},
    flushUnschedulableLeftover: () => {},
  },
  delays: {
    unschedulableFlushInterval: UNSCHEDULABLE_FLUSH_INTERVAL_MS,
  },
}).createMachine({
  id: 'kube-scheduler',
  initial: 'running',
  states: {
    running: {
      entry: 'pickUpUnboundPods',
      on: { STOP: 'stopped' },
      initial: 'waiting',
      states: {
        waiting: {
          after: { unschedulableFlushInterval: { target: 'waiting', reenter: true, actions: 'flushUnschedulableLeftover' } },
        },
      },
    },
    stopped: {
      entry: 'dropQueue',
      on: { START: 'running' },
    },
  },
});

type PodCondition = NonNullable<NonNullable<Pod['status']>['conditions']>[number];

export class Scheduler {
  readonly name = DEFAULT_SCHEDULER_NAME;
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly algorithm: ScheduleAlgorithm;
  private readonly profile: Profile;
  private readonly diagnoses: DiagnosisLog;
  private readonly actor: Actor<typeof schedulerMachine>;
  private readonly unwatch: Array<() => void> = [];
  private batchTimer: TimerId | undefined;
  private booted = false;
  private isRunning = false;

  constructor(
    private readonly ctx: ControllerContext,
    opts: SchedulerOptions = {},
  ) {
    this.profile = defaultProfile(opts, { api: ctx.api, cache: this.cache });
    this.algorithm = new ScheduleAlgorithm(this.profile, ctx.random);
    this.diagnoses = new DiagnosisLog(opts.diagnosisCapacity ?? 1000);
    this.queue = new SchedulingQueue(ctx.clock, () => this.armBatch());
    const machine = schedulerMachine.provide({
      actions: {
        pickUpUnboundPods: () => this.pickUpUnboundPods(),
        dropQueue: () => this.queue.clear(),
        flushUnschedulableLeftover: () => this.queue.flushUnschedulableLeftover(),
      },
    });
    this.actor = createActor(machine, { clock: ctx.clock });

    // The cache follows the cluster even while stopped: equivalent to the fresh list a restarted
    // scheduler would make, at no cost on restart.
    for (const node of ctx.api.peekList('Node')) this.cache.onNodeEvent({ type: 'ADDED', object: node });
    for (const pod of ctx.api.peekList<Pod>('Pod')) this.cache.onPodEvent({ type: 'ADDED', object: pod });
    this.unwatch.push(ctx.api.watch('Node', (e) => this.onNodeEvent(e)));
    this.unwatch.push(ctx.api.watch<Pod>('Pod', (e) => this.onPodEvent(e)));
  }

  /**
   * What the scheduler counts as requested on a node (its cache: bound and assumed pods, not terminated
   * ones; the sums NodeResourcesFit compares with allocatable), or undefined for a node it does not know.
   */
  requestedOn(node: string): { milliCPU: number; memory: number } | undefined {
    const info = this.cache.nodeInfo(node);
    return info?.node ? { milliCPU: info.requested.milliCPU, memory: info.requested.memory } : undefined;
  }

  /** Starts the actor: it picks up every unbound pod. */
  boot(): void {
    if (this.booted) return;
    this.booted = true;
    this.actor.start();
    this.refreshRunning();
  }

  start(): void {
    if (!this.booted) return this.boot();
    if (this.running) return;
    this.actor.send({ type: 'START' });
    this.refreshRunning();
    this.emitComponentCue();
  }

  stop(): void {
    if (!this.running) return;
    this.actor.send({ type: 'STOP' });
    this.refreshRunning();
    this.emitComponentCue();
  }

  get running(): boolean {
    return this.isRunning;
  }

  // Cached: `running` is read on every pod event, and snapshot.matches() allocates; only START and STOP change it.
  private refreshRunning(): void {
    this.isRunning = this.booted && this.actor.getSnapshot().matches('running');
  }

  /** NodeResourcesFit's scoring strategy (LeastAllocated spreads pods, MostAllocated packs them). */
  get scoringStrategy(): string {
    const fit = this.profile.filters.find((f) => f.name === 'NodeResourcesFit') as { strategy?: string } | undefined;
    return fit?.strategy ?? 'LeastAllocated';
  }

  /** The last scheduling attempt of a pod: per-node filter verdicts and per-plugin scores. */
  explain(namespace: string, podName: string): SchedulingDiagnosis | undefined {
    const record = this.diagnoses.get(`${namespace}/${podName}`);
    return record ? expandAttempt(record) : undefined;
  }

  /** Pods waiting in the scheduling queue (active, backing off, unschedulable or gated). */
  get pendingPods(): number {
    return this.queue.size;
  }

  dispose(): void {
    for (const u of this.unwatch) u();
    if (this.batchTimer !== undefined) this.ctx.clock.clearTimeout(this.batchTimer);
    this.actor.stop();
  }

  // ---- watches ----

  private onNodeEvent(event: WatchEvent): void {
    const change = this.cache.onNodeEvent(event as WatchEvent<never>);
    if (!change || !this.running) return;
    for (const e of clusterEventsOf(change)) this.queue.moveAllToActiveOrBackoff(e);
  }

  private onPodEvent(event: WatchEvent<Pod>): void {
    const freed = this.cache.onPodEvent(event);
    if (!this.running) return;
    const pod = event.object;
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    if (event.type === 'DELETED' || !this.isResponsibleFor(pod)) this.queue.delete(key);
    else if (event.type === 'ADDED') this.queue.add(pod);
    else this.queue.update(pod, event.old);
    if (freed) this.queue.moveAllToActiveOrBackoff('AssignedPodDelete');
    else if (event.type !== 'DELETED' && pod.spec?.nodeName && (event.old?.spec?.nodeName !== pod.spec.nodeName || event.old.metadata.labels !== pod.metadata.labels)) {
      // AssignedPodAdd (a binding, or a bound pod created or relabelled): what InterPodAffinity waits for.
      this.queue.moveAllToActiveOrBackoff('AssignedPodAdd');
    }
  }

  /** Unbound, not being deleted, not finished, and addressed to this scheduler. */
  private isResponsibleFor(pod: Stored<Pod>): boolean {
    if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) return false;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return false;
    return (pod.spec?.schedulerName || DEFAULT_SCHEDULER_NAME) === this.profile.schedulerName;
  }

  private pickUpUnboundPods(): void {
    for (const pod of this.ctx.api.peekList<Pod>('Pod')) if (this.isResponsibleFor(pod)) this.queue.add(pod);
  }

  // ---- scheduling ----

  private armBatch(): void {
    if (this.batchTimer !== undefined) return;
    this.batchTimer = this.ctx.clock.setTimeout(() => {
      this.batchTimer = undefined;
      this.runBatch();
    }, 0);
  }

  private runBatch(): void {
    for (;;) {
      if (!this.running) return;
      const qp = this.queue.pop();
      if (!qp) return;
      this.scheduleOne(qp);
    }
  }

  private scheduleOne(qp: QueuedPod): void {
    const pod = qp.info;
    const record = this.diagnoses.acquire(qp.key) ?? newRecord();
    record.namespace = pod.namespace;
    record.pod = pod.name;
    record.uid = pod.uid;
    record.atMs = this.ctx.clock.now();
    record.attempts = qp.attempts;
    record.result = 'Unschedulable';
    record.node = undefined;
    record.message = undefined;
    resetAttempt(record.attempt, 0);

    if (this.cache.nodeCount === 0) {
      record.message = NO_NODES_AVAILABLE;
      this.queue.addUnschedulable(qp, new Set());
      this.reportUnschedulable(qp, NO_NODES_AVAILABLE);
      return;
    }
    const attempt = this.algorithm.schedulePod(pod, this.cache.nodes(), this.cache, record.attempt);
    const chosen = attempt.chosen;
    if (!chosen) {
      const n = attempt.numAllNodes;
      // PostFilter (DefaultPreemption): a successful preemption leaves no PostFilter message.
      const notEligible = notEligibleReason(pod, this.ctx.api);
      const candidate = notEligible ? undefined : findPreemptionCandidate(pod, attempt.failedNodes, attempt.failures, this.ctx.api, this.profile.filters);
      const postFilter = candidate ? undefined : (notEligible ?? preemptionMessage(pod, n, attempt.failures));
      const message = fitErrorMessage(n, reasonHistogram(attempt.failures), postFilter);
      record.message = message;
      if (candidate) this.preempt(qp, candidate);
      this.queue.addUnschedulable(qp, new Set(attempt.failures.map((f) => f.plugin)));
      this.reportUnschedulable(qp, message, candidate?.node.name);
      return;
    }

    // Assume, then bind: the node's resources count this pod before the API server answers.
    this.cache.assume(pod, chosen.name);
    let bound: Stored;
    try {
      bound = this.ctx.api.actingAs(SCHEDULER_COMPONENT, () => this.ctx.api.bind(pod.namespace, pod.name, chosen.name));
    } catch (err) {
      this.cache.forget(qp.key);
      record.result = 'Error';
      record.message = `Binding rejected: ${err instanceof Error ? err.message : String(err)}`;
      this.queue.addBackoff(qp);
      this.ctx.events.record(pod.pod, 'Warning', 'FailedScheduling', record.message, { component: SCHEDULER_COMPONENT });
      return;
    }
    this.queue.done(qp.key);
    record.result = 'Scheduled';
    record.node = chosen.name;
    this.ctx.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${chosen.name}`, {
      component: SCHEDULER_COMPONENT,
    });
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'scheduled', pod: pod.name, namespace: pod.namespace, node: chosen.name });
  }

  /**
   * handleSchedulingFailure: a Warning FailedScheduling event on every attempt (the event recorder
   * folds repeats into a count), and condition PodScheduled=False reason Unschedulable, written only
   * when it changes.
   */
  /**
   * prepareCandidate: each victim gets the DisruptionTarget condition (PreemptionByScheduler), is
   * deleted with its own grace period, and gets a `Preempted` event naming the preemptor's uid.
   */
  private preempt(qp: QueuedPod, candidate: PreemptionCandidate): void {
    const { api, clock, events } = this.ctx;
    for (const victim of candidate.victims) {
      try {
        const conditions = (victim.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
        conditions.push({ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${this.profile.schedulerName}: preempting to accommodate a higher priority pod`, lastTransitionTime: clock.nowRfc3339() } as PodCondition);
        const current = api.updateStatus<Pod>({ ...victim, status: { ...victim.status, conditions } });
        api.delete('Pod', victim.metadata.namespace, victim.metadata.name);
        events.record(current, 'Normal', 'Preempted', `Preempted by pod ${qp.info.uid} on node ${candidate.node.name}`, { component: SCHEDULER_COMPONENT });
      } catch {
        // Gone already, or the API server is down: the next attempt looks again.
      }
    }
  }

  private reportUnschedulable(qp: QueuedPod, message: string, nominatedNodeName?: string): void {
    const current = this.ctx.api.peek<Pod>('Pod', qp.info.namespace, qp.info.name);
    if (!current || current.metadata.uid !== qp.info.uid) return;
    this.ctx.events.record(current, 'Warning', 'FailedScheduling', message, { component: SCHEDULER_COMPONENT });
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'unschedulable', pod: qp.info.name, namespace: qp.info.namespace, message });
    const conditions = current.status?.conditions ?? [];
    const prev = conditions.find((c) => c.type === 'PodScheduled');
    const nominated = nominatedNodeName ?? current.status?.nominatedNodeName;
    if (prev && prev.status === 'False' && prev.reason === 'Unschedulable' && prev.message === message && nominated === current.status?.nominatedNodeName) return;
    const condition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: prev?.status === 'False' && prev.lastTransitionTime ? prev.lastTransitionTime : this.ctx.clock.nowRfc3339(),
      reason: 'Unschedulable',
      message,
    } as unknown as PodCondition;
    const next = [...conditions.filter((c) => c.type !== 'PodScheduled'), condition];
    try {
      this.ctx.api.updateStatus<Pod>({ ...current, status: { phase: 'Pending', ...current.status, conditions: next, ...(nominated ? { nominatedNodeName: nominated } : {}) } });
    } catch {
      // The API server is down or the pod changed under us: the next attempt writes it again.
    }
  }

  private emitComponentCue(): void {
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'component', component: 'kube-scheduler', state: this.running ? 'running' : 'stopped' });
  }
}

function newRecord(): AttemptRecord {
  return { namespace: '', pod: '', uid: '', atMs: 0, attempts: 0, result: 'Unschedulable', attempt: newAttempt() };
}

function clusterEventsOf(change: NodeChange): ClusterEvent[] {
  if (change.added) return ['NodeAdd'];
  const events: ClusterEvent[] = [];
  if (change.allocatable) events.push('NodeAllocatable');
  if (change.labels) events.push('NodeLabel');
  if (change.taints) events.push('NodeTaint');
  return events;
}
