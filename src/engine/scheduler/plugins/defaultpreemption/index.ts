/**
 * DefaultPreemption (pkg/scheduler/framework/plugins/defaultpreemption), the PostFilter that runs
 * when no node fits: the message when it found nothing to evict (nodes rejected as
 * UnschedulableAndUnresolvable are "not helpful", on the others no eviction of lower-priority pods
 * would make room). It is appended to the FailedScheduling event after `preemption: `. The search for
 * victims and the eviction are in ../../preemption.ts.
 */
import type { FilterFailure } from '../../framework/types';
import type { PodInfo } from '../../framework/podInfo';
import { fitErrorMessage } from '../../framework/fitError';

export const NAME = 'DefaultPreemption';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export function preemptionMessage(pod: PodInfo, numAllNodes: number, failures: Iterable<FilterFailure>): string {
  if (pod.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  let notHelpful = 0;
  let noVictims = 0;
  for (const f of failures) {
    if (f.code === 'UnschedulableAndUnresolvable') notHelpful++;
    else noVictims++;
  }
  const reasons = new Map<string, number>();
  if (notHelpful > 0) reasons.set(NOT_HELPFUL, notHelpful);
  if (noVictims > 0) reasons.set(NO_VICTIMS, noVictims);
  return `preemption: ${fitErrorMessage(numAllNodes, reasons)}`;
}
