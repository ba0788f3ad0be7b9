/**
 * A bare control plane for admission and apply tests: the API server with the admission chain and the
 * bootstrap objects, nothing running (no controllers, scheduler or kubelets).
 */
import { ApiServer } from '../apiserver/apiserver';
import { SeededRandom } from '../clock/random';
import { VirtualClock } from '../clock/virtualClock';
import type { KubectlHost } from '../kubectl/host';
import { bootstrapCluster } from '../scenarios/bootstrap';
import { registerAdmission } from '../apiserver/admission';

export interface TestControlPlane {
  api: ApiServer;
  clock: VirtualClock;
  host: KubectlHost;
}

export function createTestControlPlane(seed = 1): TestControlPlane {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new SeededRandom(seed));
  registerAdmission(api);
  bootstrapCluster(api);
  const host: KubectlHost = { api, clock, logs: () => [], podMetrics: () => undefined, nodeMetrics: () => undefined };
  return { api, clock, host };
}
