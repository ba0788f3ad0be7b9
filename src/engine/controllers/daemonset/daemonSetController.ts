/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go syncDaemonSet): one pod on every
 * node that should run it. manage() creates the missing pods (each pinned to its node by node
 * affinity, bound by the default scheduler), deletes pods on nodes that should no longer run them,
 * duplicates (keeping the oldest) and failed pods (with a per-node backoff); rollingUpdate() then
 * replaces pods of an older template at most maxUnavailable at a time; the status counts the nodes.
 */
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../apiserver/errors';
import { fromLabelSelector } from '../../apiserver/labels';
import { keyOf, ownerReferenceTo, splitKey, type Stored } from '../../objects';
import type { ControllerContext, SyncResult } from '../controllerRuntime';
import { claimObjects } from '../controllerutils/claim';
import { ControllerExpectations } from '../controllerutils/expectations';
import type { OrphanIndex } from '../controllerutils/orphanIndex';
import type { OwnerIndex } from '../controllerutils/ownerIndex';
import { createPodIndexes, type PodIndexes } from '../controllerutils/podIndexes';
import { isPodAvailable, isPodReady, parseTime, type StoredPod } from '../controllerutils/podStatus';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../controllerutils/slowStart';
import { computeHash } from '../deployment/hash';
import { CONTROLLER_REVISION_HASH_LABEL, daemonNodePredicate, newDaemonPod, targetNodeName, type NodeVerdict, type StoredDaemonSet } from './daemonPod';
import { oldPodsToReplace } from './rollingUpdate';

export const DAEMONSET_CONTROLLER_NAME = 'daemonset-controller';

/** BurstReplicas: the most pods one sync creates. */
export const DAEMONSET_BURST_REPLICAS = 250;

/** Backoff before replacing a failed daemon pod on the same node: 1 s doubling up to 15 minutes. */
const FAILED_POD_BACKOFF_INITIAL_MS = 1_000;
const FAILED_POD_BACKOFF_MAX_MS = 15 * 60_000;

const SOURCE = { component: DAEMONSET_CONTROLLER_NAME };

interface Backoff {
  delayMs: number;
  lastUpdate: number;
}

function creationOrder(a: StoredPod, b: StoredPod): number {
  const d = (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0);
  return d !== 0 ? d : a.metadata.uid < b.metadata.uid ? -1 : 1;
}

function isTerminal(pod: StoredPod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export class DaemonSetSyncer {
  readonly expectations: ControllerExpectations;
  readonly podsByOwner: OwnerIndex<Pod>;
  private readonly orphanPods: OrphanIndex;
  private readonly failedPodBackoff = new Map<string, Backoff>();

  constructor(
    private readonly ctx: ControllerContext,
    indexes: PodIndexes = createPodIndexes(ctx.api),
  ) {
    this.expectations = new ControllerExpectations(ctx.clock);
    this.podsByOwner = indexes.podsByOwner;
    this.orphanPods = indexes.orphanPods;
  }

  sync(key: string): SyncResult | void {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const ds = api.get<DaemonSet>('DaemonSet', namespace, name);
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const selector = fromLabelSelector(ds.spec?.selector);
    if (!selector || ds.metadata.deletionTimestamp) return;
    const hash = computeHash(ds.spec?.template, ds.status?.collisionCount ?? undefined);
    const nodes = api.list<Node>('Node');
    // Each node is judged once per sync and the pods grouped by node once per write: a sync costs
    // O(nodes + the DaemonSet's own pods), like the real controller's getNodesToDaemonPods.
    const shouldRun = daemonNodePredicate(ds);
    const verdicts = nodes.map((n) => shouldRun(n));
    let byNode: Map<string, StoredPod[]> | undefined;
    let requeueAfterMs: number | undefined;
    if (this.expectations.satisfied(key)) {
      const managed = this.manage(key, ds, nodes, verdicts, hash, selector);
      requeueAfterMs = managed.requeueAfterMs;
      if (!managed.wrote) byNode = managed.byNode;
      if (this.expectations.satisfied(key) && ds.spec?.updateStrategy?.type !== 'OnDelete') {
        byNode ??= this.nodeToDaemonPods(ds);
        const desired = verdicts.reduce((n, v) => (v.shouldRun ? n + 1 : n), 0);
        const victims = oldPodsToReplace(ds, desired, byNode, hash, clock.now());
        if (this.syncNodes(key, ds, [], victims, hash)) byNode = undefined;
      }
    }
    const latest = api.get<DaemonSet>('DaemonSet', namespace, name) ?? ds;
    // The verdicts stand for `latest` too: a status write does not change the template.
    const status = this.calculateStatus(latest, nodes, latest.spec === ds.spec ? verdicts : nodes.map(daemonNodePredicate(latest)), byNode ?? this.nodeToDaemonPods(latest), hash);
    if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(status)) api.updateStatus<DaemonSet>({ ...latest, status });
    const minReady = ds.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.numberAvailable ?? 0) < status.numberReady) requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, minReady * 1000);
    return requeueAfterMs === undefined ? undefined : { requeueAfterMs };
  }

  /**
   * The DaemonSet's pods by the node they are for (getNodesToDaemonPods), oldest first. Pods that are
   * both finished and being deleted no longer count.
   */
  private nodeToDaemonPods(ds: StoredDaemonSet): Map<string, StoredPod[]> {
    const byNode = new Map<string, StoredPod[]>();
    for (const pod of this.podsByOwner.owned(ds.metadata.uid)) {
      if (isTerminal(pod) && pod.metadata.deletionTimestamp) continue;
      const node = targetNodeName(pod);
      if (node === undefined) continue;
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push(pod);
    }
    for (const list of byNode.values()) list.sort(creationOrder);
    return byNode;
  }

  /** manage + podsShouldBeOnNode: the nodes that need a pod and the pods that must go. */
  private manage(
    key: string,
    ds: StoredDaemonSet,
    nodes: readonly Stored<Node>[],
    verdicts: readonly NodeVerdict[],
    hash: string,
    selector: NonNullable<ReturnType<typeof fromLabelSelector>>,
  ): { requeueAfterMs: number | undefined; byNode: Map<string, StoredPod[]>; wrote: boolean } {
    const { api, clock } = this.ctx;
    claimObjects<Pod>({
      api,
      owner: ds,
      selector,
      owned: [...this.podsByOwner.owned(ds.metadata.uid)],
      orphans: this.orphanPods.list<Pod>(ds.metadata.namespace ?? 'default'),
    });
    const byNode = this.nodeToDaemonPods(ds);
    const needing: string[] = [];
    const toDelete: StoredPod[] = [];
    let requeueAfterMs: number | undefined;
    const existing = new Set<string>();
    for (let i = 0; i < nodes.length; i++) {
      const nodeName = nodes[i]!.metadata.name;
      existing.add(nodeName);
      const { shouldRun, shouldContinueRunning } = verdicts[i]!;
      const pods = byNode.get(nodeName) ?? [];
      if (pods.length === 0) {
        if (shouldRun) needing.push(nodeName);
        continue;
      }
      if (!shouldContinueRunning) {
        // The node no longer fits (labels changed, an untolerated NoExecute taint): remove the pods.
        for (const p of pods) if (!p.metadata.deletionTimestamp) toDelete.push(p);
        continue;
      }
      const running: StoredPod[] = [];
      for (const p of pods) {
        if (p.metadata.deletionTimestamp) continue;
        if (p.status?.phase === 'Failed') {
          const backoffKey = `${ds.metadata.uid}/${nodeName}`;
          const wait = this.inBackoffMs(backoffKey, clock.now());
          if (wait > 0) {
            requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, wait);
            continue;
          }
          this.nextBackoff(backoffKey, clock.now());
          this.ctx.events.record(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName}, will try to kill it`, SOURCE);
          toDelete.push(p);
        } else if (p.status?.phase !== 'Succeeded') {
          running.push(p);
        }
      }
      // More than one daemon pod on a node: keep the oldest (sorted by creation time).
      toDelete.push(...running.slice(1));
    }
    // Unscheduled pods pinned to nodes that are gone would never be scheduled, nor collected by podgc.
    for (const [nodeName, pods] of byNode) {
      if (existing.has(nodeName)) continue;
      for (const p of pods) if (!p.spec?.nodeName && !p.metadata.deletionTimestamp) toDelete.push(p);
    }
    const wrote = this.syncNodes(key, ds, needing, toDelete, hash);
    return { requeueAfterMs, byNode, wrote };
  }

  /** Creates and deletes; true when it tried to write anything (the pod index may have changed). */
  private syncNodes(key: string, ds: StoredDaemonSet, nodesNeedingPods: readonly string[], podsToDelete: readonly StoredPod[], hash: string): boolean {
    if (nodesNeedingPods.length === 0 && podsToDelete.length === 0) return false;
    const { api, events } = this.ctx;
    const creating = nodesNeedingPods.slice(0, DAEMONSET_BURST_REPLICAS);
    this.expectations.expectCreations(key, creating.length);
    let firstError: unknown;
    if (creating.length > 0) {
      const controllerRef = ownerReferenceTo(ds as Stored, { controller: true });
      let next = 0;
      const { successes, error } = slowStartBatch(creating.length, SLOW_START_INITIAL_BATCH_SIZE, () => {
        const pod = newDaemonPod(ds, creating[next++]!, hash, controllerRef);
        try {
          const created = api.create<Pod>(pod);
          events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
        } catch (err) {
          events.record(ds, 'Warning', 'FailedCreate', `Error creating: ${err instanceof Error ? err.message : String(err)}`, SOURCE);
          throw err;
        }
      });
      for (let i = successes; i < creating.length; i++) this.expectations.creationObserved(key);
      firstError = error;
    }
    if (podsToDelete.length > 0) {
      // The creations above were observed synchronously by the watch, so the record can be replaced.
      this.expectations.expectDeletions(key, podsToDelete.map((p) => keyOf(p)));
      for (const pod of podsToDelete) {
        try {
          api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
          events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
        } catch (err) {
          this.expectations.deletionObserved(key, keyOf(pod));
          if (err instanceof ApiError && err.reason === 'NotFound') continue;
          events.record(ds, 'Warning', 'FailedDelete', `Error deleting: ${err instanceof Error ? err.message : String(err)}`, SOURCE);
          firstError ??= err;
        }
      }
    }
    if (firstError !== undefined) throw firstError;
    return true;
  }

  private inBackoffMs(backoffKey: string, now: number): number {
    const b = this.failedPodBackoff.get(backoffKey);
    if (!b) return 0;
    return Math.max(0, b.lastUpdate + b.delayMs - now);
  }

  private nextBackoff(backoffKey: string, now: number): void {
    const b = this.failedPodBackoff.get(backoffKey);
    const delayMs = b && now - b.lastUpdate < 2 * FAILED_POD_BACKOFF_MAX_MS ? Math.min(FAILED_POD_BACKOFF_MAX_MS, b.delayMs * 2) : FAILED_POD_BACKOFF_INITIAL_MS;
    this.failedPodBackoff.set(backoffKey, { delayMs, lastUpdate: now });
  }

  /** updateDaemonSetStatus: counts over the nodes, looking at the oldest pod on each. */
  private calculateStatus(ds: StoredDaemonSet, nodes: readonly Stored<Node>[], verdicts: readonly NodeVerdict[], byNode: Map<string, StoredPod[]>, hash: string): DaemonSetStatus {
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (let i = 0; i < nodes.length; i++) {
      const pods = byNode.get(nodes[i]!.metadata.name);
      const scheduled = pods !== undefined && pods.length > 0;
      if (!verdicts[i]!.shouldRun) {
        if (scheduled) misscheduled++;
        continue;
      }
      desired++;
      if (!scheduled) continue;
      current++;
      const pod = pods[0]!;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
      }
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) updated++;
    }
    const status: DaemonSetStatus = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: updated,
    };
    if (available > 0) status.numberAvailable = available;
    if (desired - available > 0) status.numberUnavailable = desired - available;
    if (ds.status?.collisionCount != null) status.collisionCount = ds.status.collisionCount;
    return status;
  }
}
