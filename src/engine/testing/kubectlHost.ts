/** A KubectlHost over a bare API server, for kubectl's own tests (objects are written directly). */
import { ApiServer } from '../apiserver/apiserver';
import { SeededRandom } from '../clock/random';
import { VirtualClock } from '../clock/virtualClock';
import type { KubeObject } from '../objects';
import type { ContainerLogRequest, KubectlHost, NodeMetrics, PodMetrics } from '../kubectl/host';
import { runKubectl } from '../kubectl/index';

export interface TestCluster {
  api: ApiServer;
  clock: VirtualClock;
  host: KubectlHost;
  files: Record<string, string>;
  logs: Map<string, string[]>;
  podMetrics: Map<string, PodMetrics>;
  nodeMetrics: Map<string, NodeMetrics>;
  kubectl(line: string): { stdout: string; stderr: string; exitCode: number };
  add(...objects: KubeObject[]): void;
}

export function testCluster(): TestCluster {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new SeededRandom(1));
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase: 'Active' } });
  }
  const files: Record<string, string> = {};
  const logs = new Map<string, string[]>();
  const podMetrics = new Map<string, PodMetrics>();
  const nodeMetrics = new Map<string, NodeMetrics>();
  const host: KubectlHost = {
    api,
    clock,
    logs(req: ContainerLogRequest) {
      const lines = logs.get(`${req.namespace}/${req.pod}/${req.container ?? ''}${req.previous ? '/previous' : ''}`);
      if (!lines) throw new Error(`Error from server (BadRequest): container "${req.container}" in pod "${req.pod}" is waiting to start: ContainerCreating`);
      return lines;
    },
    podMetrics: (ns, name) => podMetrics.get(`${ns}/${name}`),
    nodeMetrics: (name) => nodeMetrics.get(name),
    readFile(path) {
      if (path in files) return files[path]!;
      throw new Error(`error: the path "${path}" does not exist`);
    },
  };
  return {
    api,
    clock,
    host,
    files,
    logs,
    podMetrics,
    nodeMetrics,
    kubectl: (line) => runKubectl(host, line),
    add: (...objects) => {
      for (const o of objects) api.create(o);
    },
  };
}
