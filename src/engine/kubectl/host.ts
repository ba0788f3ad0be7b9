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
  /**
   * A command whose work goes on with virtual time after it returned (drain's eviction retries) hands
   * its run over here, so that an interrupt reaches it; `interruptClientRuns` is Ctrl+C on such a
   * command, recorded by the cluster so that a replay stops it at the same moment.
   */
  trackClientRun?(run: ClientRun): void;
  /** The kubeconfig's current context (its namespace, set by `config set-context --current --namespace`). */
  kubeconfig?: Kubeconfig;
  interruptClientRuns?(): void;
  /** Reads a file named by `-f` (relative to the script for the CLI; the editor's files in the browser). */
  readFile?(path: string): string;
}

export interface Kubeconfig {
  namespace?: string;
}

export interface ClientRun {
  readonly done: boolean;
  cancel(): void;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
