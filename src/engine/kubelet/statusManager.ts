/**
 * The kubelet's status manager (pkg/kubelet/status/status_manager.go): pod workers mark their pod
 * dirty; once per instant each changed pod's status is written (a static pod's to its mirror pod, the
 * UID translated), and pods whose containers have all stopped are then deleted with grace period 0.
 * While the API server cannot be reached the work waits for the next heartbeat.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { isApiFailure } from '../apiserver/errors';
import type { VirtualClock } from '../clock/virtualClock';
import type { Stored } from '../objects';
import { buildPodStatus } from './podStatus';
import type { PodWorker } from './podWorker';
import { mirrorHash } from './staticPods';
import { rfc3339 } from './timestamps';

export interface StatusManagerHost {
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  readonly hostIP: string;
  readonly nodeName: string;
  /** Whether the kubelet can talk to the API server now. */
  readonly reachable: boolean;
  /** Whether the worker runs a static pod (its status goes to the mirror pod). */
  isStatic(worker: PodWorker): boolean;
}

export class StatusManager {
  private readonly dirty = new Set<PodWorker>();
  private readonly deletions = new Set<PodWorker>();
  private flushTimer: number | undefined;

  constructor(private readonly host: StatusManagerHost) {}

  /** Statuses or deletions still to write. */
  get hasWork(): boolean {
    return this.dirty.size > 0 || this.deletions.size > 0;
  }

  /** The pod's status changed: write it soon (coalesced per instant). */
  markDirty(worker: PodWorker): void {
    this.dirty.add(worker);
    this.scheduleFlush();
  }

  /** Every container of a deleted pod has stopped: final status first, then the deletion. */
  podTerminated(worker: PodWorker): void {
    this.deletions.add(worker);
    this.markDirty(worker);
  }

  /** The worker is gone: nothing of it is written any more. */
  forget(worker: PodWorker): void {
    this.dirty.delete(worker);
    this.deletions.delete(worker);
  }

  clear(): void {
    this.dirty.clear();
    this.deletions.clear();
  }

  scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = this.host.clock.setTimeout(() => {
      this.flushTimer = undefined;
      this.flushStatuses();
    }, 0);
  }

  /** Deletes the pod (grace period 0) if it is still the one `pod` names; retried later when that fails. */
  tryDelete(pod: Stored<Pod>, worker?: PodWorker): void {
    if (!this.host.reachable) {
      if (worker) this.deletions.add(worker);
      return;
    }
    const { api } = this.host;
    try {
      const current = api.peek<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
      if (current && current.metadata.uid === pod.metadata.uid) api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    } catch (err) {
      if (!isApiFailure(err)) throw err;
      if (worker) this.deletions.add(worker);
    }
  }

  dispose(): void {
    if (this.flushTimer !== undefined) this.host.clock.clearTimeout(this.flushTimer);
  }

  /** Writes each changed pod's status once per instant. */
  private flushStatuses(): void {
    if (!this.host.reachable) return;
    const { api } = this.host;
    const now = rfc3339(this.host.clock.now());
    for (const w of this.dirty) {
      const current = api.peek<Pod>('Pod', w.namespace, w.pod.metadata.name);
      const isStatic = this.host.isStatic(w);
      // A static pod's status goes to its mirror pod (the status manager translates the UID).
      const target = isStatic ? current && mirrorHash(current) === w.uid && !current.metadata.deletionTimestamp : current?.metadata.uid === w.uid;
      if (!current || !target) {
        this.dirty.delete(w);
        continue;
      }
      const status = buildPodStatus(w, current, this.host.hostIP, now);
      try {
        // The kubelet's status manager writes as `kubelet` from its node (the journey replay reads the name).
        const stored = api.actingAs(`kubelet/${this.host.nodeName}`, () =>
          api.updateStatus<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: current.metadata.name, namespace: w.namespace }, status }),
        );
        if (!isStatic) w.pod = stored;
        this.dirty.delete(w);
      } catch (err) {
        if (!isApiFailure(err)) throw err;
        return; // API server unreachable: retried at the next heartbeat
      }
    }
    for (const w of [...this.deletions]) {
      if (this.dirty.has(w)) continue;
      this.deletions.delete(w);
      this.tryDelete(w.pod, w);
    }
  }
}
