/**
 * DefaultPreemption (pkg/scheduler/framework/plugins/defaultpreemption), the PostFilter that runs
 * when no node fits. Here it only explains itself: nodes rejected as UnschedulableAndUnresolvable are
 * "not helpful", and on the others no pod of lower priority exists to evict (we do not evict yet).
 * Its message is appended to the FailedScheduling event after `preemption: `.
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
