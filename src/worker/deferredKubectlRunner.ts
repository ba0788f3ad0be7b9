/**
 * Stands in for engine/kubectl/runner.ts in the worker's build (vite.config.ts): the cluster's kubectl
 * calls go to the kubectl module loaded later (deferredModules.ts). SimulationHost makes every request
 * that may run kubectl (a kubectl line, delete, a snapshot to replay) wait until it is loaded, so these
 * never run before it.
 */
import type { KubectlHost, KubectlResult } from '../engine/kubectl/host';
import type { StreamingResult } from '../engine/kubectl';
import { kubectlModule, loaded } from './deferredModules';

export function runKubectl(host: KubectlHost, line: string): KubectlResult {
  return loaded(kubectlModule).runKubectl(host, line);
}

export function runKubectlStreaming(host: KubectlHost, line: string): StreamingResult {
  return loaded(kubectlModule).runKubectlStreaming(host, line);
}
