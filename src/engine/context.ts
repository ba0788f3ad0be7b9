/**
 * What every control-plane component and node agent is handed when the cluster starts: the API server,
 * the virtual clock, the seeded random stream, the event recorder and the animation cue bus (and, for
 * the HPA controller, the resource metrics API). The controllers, the scheduler and the kubelets share it.
 */
import type { ApiServer } from './apiserver/apiserver';
import type { EventRecorder } from './apiserver/events';
import type { SeededRandom } from './clock/random';
import type { VirtualClock } from './clock/virtualClock';
import type { CueBus } from './cues';
import type { ResourceMetricsSource } from './metrics/resourceMetrics';

export interface ControllerContext {
  api: ApiServer;
  clock: VirtualClock;
  random: SeededRandom;
  events: EventRecorder;
  cues: CueBus;
  /** The resource metrics API (metrics.k8s.io, served by metrics-server): what the HPA controller reads. */
  metrics?: ResourceMetricsSource;
}
