/**
 * A cluster with only the API server (admission included) and kubelets: no scheduler, no controllers.
 * Tests bind pods by creating them with spec.nodeName set.
 */
import type { Event as KubeEvent, Pod } from 'kubernetes-types/core/v1';
import { ApiServer } from '../apiserver/apiserver';
import { registerAdmission } from '../apiserver/admission';
import { EventRecorder } from '../apiserver/events';
import { SeededRandom } from '../clock/random';
import { VirtualClock } from '../clock/virtualClock';
import { CueBus } from '../cues';
import type { ControllerContext } from '../context';
import type { Stored } from '../objects';
import { bootstrapCluster } from '../scenarios/bootstrap';
import { NodeAgents } from '../kubelet';

export interface KubeletTestCluster extends ControllerContext {
  agents: NodeAgents;
  addNode(name: string): void;
  createPod(spec: Record<string, unknown>, name?: string, node?: string): Stored<Pod>;
  pod(name: string): Stored<Pod>;
  eventsFor(pod: string): Array<{ reason: string; message: string; type: string; count: number; first: number; last: number }>;
  /** Seconds since the start of the test (virtual). */
  t(): number;
}

export function createKubeletTestCluster(opts: { nodes?: string[] } = {}): KubeletTestCluster {
  const clock = new VirtualClock();
  const start = clock.now();
  const random = new SeededRandom(7);
  const api = new ApiServer(clock, random);
  registerAdmission(api);
  bootstrapCluster(api);
  for (const ns of ['default', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  }
  const events = new EventRecorder(api, clock);
  const cues = new CueBus();
  const ctx: ControllerContext = { api, clock, random, events, cues };
  const agents = new NodeAgents(ctx);
  agents.boot();
  const addNode = (name: string) => {
    api.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } },
      status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '4', memory: '8092Mi', pods: '110' } },
    });
    clock.flush();
  };
  for (const n of opts.nodes ?? ['node-1']) addNode(n);
  const sec = (ts: string | undefined) => (ts ? (Date.parse(ts) - start) / 1000 : NaN);
  return {
    ...ctx,
    agents,
    addNode,
    createPod(spec, name = 'p', node = 'node-1') {
      const pod = api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node, ...spec } });
      clock.flush();
      return pod;
    },
    pod(name) {
      const p = api.peek<Pod>('Pod', 'default', name);
      if (!p) throw new Error(`pod ${name} not found`);
      return p;
    },
    eventsFor(pod) {
      return api
        .peekList<KubeEvent>('Event', { namespace: 'default' })
        .filter((e) => e.involvedObject.name === pod)
        .map((e) => ({ reason: e.reason ?? '', message: e.message ?? '', type: e.type ?? '', count: e.count ?? 1, first: sec(e.firstTimestamp), last: sec(e.lastTimestamp) }));
    },
    t: () => (clock.now() - start) / 1000,
  };
}
