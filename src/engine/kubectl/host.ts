/**
 * What kubectl needs from the cluster it talks to. kubectl itself is a client: it reads and writes
 * API objects; the only non-API things it reaches are logs and metrics (which a real kubectl gets from
 * the kubelet and metrics-server through the API server's proxy).
 */
import type { ApiServer } from '../apiserver/apiserver';
import type { VirtualClock } from '../clock/virtualClock';
import type { NodeMetrics, PodMetrics } from '../metrics/resourceMetrics';
import type { ContainerExecRequest, ContainerExecResult, ContainerLogRequest } from '../podSubresources';

export type { ContainerExecRequest, ContainerExecResult, ContainerLogRequest } from '../podSubresources';
export type { ContainerUsage, NodeMetrics, PodMetrics } from '../metrics/resourceMetrics';

export interface KubectlHost {
  api: ApiServer;
  clock: VirtualClock;
  /** Log lines of one container, or throws an Error whose message kubectl prints. */
  logs(req: ContainerLogRequest): string[];
  /** Runs a command in a container, or throws an Error whose message kubectl prints. */
  exec?(req: ContainerExecRequest): ContainerExecResult;
  /** metrics-server's view (kubectl top). Undefined when the object has no metrics yet. */
  podMetrics(namespace: string, name: string): PodMetrics | undefined;
  nodeMetrics(name: string): NodeMetrics | undefined;
  /** Reads a file named by `-f` (relative to the script for the CLI; the editor's files in the browser). */
  readFile?(path: string): string;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
