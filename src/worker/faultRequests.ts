/**
 * The worker's side of failure injection: an `inject` request becomes `cluster.inject` (recorded, so
 * snapshots replay it), and the faults in effect plus the control plane's process states are posted to
 * the page whenever they may have changed. The page renders them; it never decides what a fault does.
 */
import type { Cluster } from '../engine/cluster';
import type { Cue } from '../engine/cues';
import type { Fault, FaultResult } from '../engine/faults';
import type { FaultStatus, ToWorker } from './protocol';

type InjectRequest = Extract<ToWorker, { type: 'inject' }>;

/** Never throws for a bad request: the engine checks it and answers `{ ok: false, error }`. */
export function injectFault(cluster: Cluster, msg: InjectRequest): FaultResult {
  const request = { ...(msg.options ?? {}), fault: msg.fault, target: msg.target } as unknown as Fault;
  return cluster.inject(request);
}

export function faultStatus(cluster: Cluster): FaultStatus {
  const cp = cluster.faults.controlPlane;
  return {
    active: cluster.faults.activeFaults(),
    components: cp.componentNames().map((name) => ({ name, running: cp.isRunning(name) !== false })),
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

  markChanged(): void {
    this.changed = true;
  }

  reset(): void {
    this.changed = true;
    this.last = '';
  }

  /** The status to post, or undefined when nothing changed since the last post. */
  poll(cluster: Cluster): FaultStatus | undefined {
    if (!this.changed) return undefined;
    this.changed = false;
    const status = faultStatus(cluster);
    const key = JSON.stringify(status);
    if (key === this.last) return undefined;
    this.last = key;
    return status;
  }
}
