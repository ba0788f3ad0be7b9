/**
 * The worker's side of failure injection: an `inject` request becomes `cluster.inject` (recorded, so
 * snapshots replay it), and the faults in effect plus the control plane's process states are posted to
 * the page whenever they may have changed. The page renders them; it never decides what a fault does.
 */
import type { Cluster } from '../engine/cluster';
import type { Cue } from '../engine/cues';
import { describeChaos, type ChaosResult, type Fault, type FaultResult } from '../engine/faults';
import type { FaultStatus, ToWorker } from './protocol';

type InjectRequest = Extract<ToWorker, { type: 'inject' }>;
type ChaosRequestMessage = Extract<ToWorker, { type: 'chaos' }>;

/** Never throws for a bad request: the engine checks it and answers `{ ok: false, error }`. */
export function injectFault(cluster: Cluster, msg: InjectRequest): FaultResult {
  const request = { ...(msg.options ?? {}), fault: msg.fault, target: msg.target } as unknown as Fault;
  return cluster.inject(request);
}

/** Chaos on (recorded in the cluster's inputs), off, or how it stands; never throws for bad settings. */
export function chaosRequest(cluster: Cluster, msg: ChaosRequestMessage): ChaosResult {
  switch (msg.action) {
    case 'start':
      return cluster.chaos.start({
        ...(msg.rate !== undefined ? { rate: msg.rate } : {}),
        ...(msg.seed !== undefined ? { seed: msg.seed } : {}),
        ...(msg.kinds !== undefined ? { kinds: msg.kinds } : {}),
      });
    case 'stop':
      return cluster.chaos.stop();
    case 'status': {
      const status = cluster.chaos.status();
      return { ok: true, message: describeChaos(status), status };
    }
  }
}

export function faultStatus(cluster: Cluster): FaultStatus {
  const cp = cluster.faults.controlPlane;
  return {
    active: cluster.faults.activeFaults(),
    components: cp.componentNames().map((name) => ({ name, running: cp.isRunning(name) !== false })),
    etcd: cp.etcd.health(),
    chaos: cluster.chaos.status(),
  };
}

/** Cues after which the active faults or component states may differ. */
export function cueMayChangeFaults(cue: Cue): boolean {
  return cue.type === 'fault' || cue.type === 'component' || (cue.type === 'api-write' && cue.verb === 'delete' && cue.kind === 'Pod');
}

/** Posts the status only when it differs from the last one posted. */
export class FaultStatusTracker {
  private changed = true;
  private last = '';
  private chaosVersion = -1;

  markChanged(): void {
    this.changed = true;
  }

  reset(): void {
    this.changed = true;
    this.last = '';
    this.chaosVersion = -1;
  }

  /** The status to post, or undefined when nothing changed since the last post. */
  poll(cluster: Cluster): FaultStatus | undefined {
    // Chaos moves on its own (a skip, the next fault's time): its counter says when.
    if (cluster.chaosVersion !== this.chaosVersion) this.changed = true;
    if (!this.changed) return undefined;
    this.chaosVersion = cluster.chaosVersion;
    this.changed = false;
    const status = faultStatus(cluster);
    const key = JSON.stringify(status);
    if (key === this.last) return undefined;
    this.last = key;
    return status;
  }
}
