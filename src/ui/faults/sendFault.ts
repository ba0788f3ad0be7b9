/** Sends a fault to the worker and records the outcome for the panel (errors shown, never thrown). */
import type { FaultResult } from '../../engine/faults/types';
import { faultFailure } from '../../engine/faults/resultText';
import { useClusterStore } from '../../store/clusterStore';
import { useFaultStore } from '../../store/faultStore';
import { simClient } from '../../client/simClient';
import type { FaultAction } from './catalogue';

export async function sendFault(action: FaultAction): Promise<FaultResult> {
  let result: FaultResult;
  try {
    result = await simClient.request({ type: 'inject', fault: action.fault, target: action.target, ...(action.options ? { options: action.options } : {}) });
  } catch (e) {
    // The worker is gone or refused the message: the engine never saw the request.
    result = faultFailure('internal-error', { error: e instanceof Error ? e.message : String(e) });
  }
  useFaultStore.getState().setOutcome({ ...result, atMs: useClusterStore.getState().clock.now });
  return result;
}
