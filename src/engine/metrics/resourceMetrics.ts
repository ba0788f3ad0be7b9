/**
 * The resource metrics API (metrics.k8s.io, served by metrics-server from the kubelets' figures): what
 * `kubectl top` prints and what the HPA controller reads.
 */

export interface ContainerUsage {
  name: string;
  /** millicores */
  cpuMilli: number;
  memoryBytes: number;
}

export interface PodMetrics {
  namespace: string;
  name: string;
  containers: ContainerUsage[];
}

export interface NodeMetrics {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
}

/** A pod's per-container usage as metrics-server reports it; undefined while the pod has no metrics yet. */
export interface ResourceMetricsSource {
  podMetrics(namespace: string, name: string): { containers: Array<{ name: string; cpuMilli: number; memoryBytes: number }> } | undefined;
}
