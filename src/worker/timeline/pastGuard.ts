/**
 * While the screen shows the past, the cluster on it is a replay: what would change it is refused, with
 * a message that says how to go on ("back to now", or "continue from here", which forks the history).
 * Reading it (get, describe, logs, the inspector) is what the past is there for.
 */
import { isReadOnlyKubectl } from '../../engine/kubectl/readOnly';
import { toRfc3339 } from '../../engine/clock/virtualClock';
import type { ToWorker } from '../protocol';

export class ViewingPastError extends Error {
  constructor(readonly at: number) {
    super(`the cluster on screen is the past (${toRfc3339(at).slice(11, 19)}), paused: go back to now, or continue from here, to change it`);
    this.name = 'ViewingPastError';
  }
}

/** Whether the request would change the cluster on screen or move its time. */
export function changesTheCluster(msg: ToWorker): boolean {
  switch (msg.type) {
    case 'apply':
      return msg.dryRun === undefined;
    case 'deleteManifests':
      return msg.dryRun === undefined;
    case 'delete':
    case 'kubectlInput':
    case 'inject':
    case 'journeyStart':
      return true;
    case 'kubectl':
      return !isReadOnlyKubectl(msg.line);
    case 'chaos':
      return msg.action !== 'status';
    case 'clock':
      return msg.command.action === 'play' || msg.command.action === 'step';
    default:
      return false;
  }
}
