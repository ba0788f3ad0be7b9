import { describe, expect, it } from 'vitest';
import type { DaemonSet, DaemonSetSpec } from 'kubernetes-types/apps/v1';
import type { Node, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { registerAdmission } from '../../apiserver/admission';
import { NAME_SUFFIX_ALPHABET } from '../../clock/random';
import { createCluster } from '../../cluster';
import type { Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
import { eventMessages, finishTerminatingPods, markPodRunningReady, newControllerContext, podsOf, setPodPhase } from '../../testing/controllerHarness';
import { createNode } from '../../testing/fakeNodes';
import { targetNodeName } from './daemonPod';
import { createDaemonSetController } from './index';

function daemonSet(name: string, podSpec: Partial<PodSpec> = {}, spec: Partial<DaemonSetSpec> = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: {
      ...spec,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'fluentd:v1' }], ...podSpec } },
    },
  };
}

function start(nodes = ['node-1', 'node-2', 'node-3']): ControllerContext {
  const ctx = newControllerContext();
  registerAdmission(ctx.api);
  for (const n of nodes) createNode(ctx, n);
  createDaemonSetController(ctx).boot();
  ctx.clock.flush();
  return ctx;
}

function editNode(ctx: ControllerContext, name: string, edit: (n: Stored<Node>) => Stored<Node>): void {
  ctx.api.update<Node>(edit(ctx.api.peek<Node>('Node', undefined, name)!));
  ctx.clock.flush();
}

function live(ctx: ControllerContext): Stored<Pod>[] {
  return podsOf(ctx).filter((p) => !p.metadata.deletionTimestamp);
}

function nodesWithPods(ctx: ControllerContext): string[] {
  return live(ctx).map((p) => targetNodeName(p)!).sort();
}

function dsStatus(ctx: ControllerContext, name = 'agent') {
  return ctx.api.peek<DaemonSet>('DaemonSet', 'default', name)!.status!;
}

/** The scheduler's part: bind each pod to the node its affinity names; then the kubelet's: Running + Ready. */
function runAll(ctx: ControllerContext): void {
  for (const p of live(ctx)) if (p.status?.phase !== 'Running') markPodRunningReady(ctx, p, targetNodeName(p));
  ctx.clock.flush();
}

describe('DaemonSet controller', () => {
  it('creates one pod per node, named <ds>-<5 chars>, pinned with matchFields metadata.name and labelled controller-revision-hash', () => {
    const ctx = start();
    ctx.api.create(daemonSet('agent'));
    ctx.clock.flush();
    const pods = podsOf(ctx);
    expect(pods).toHaveLength(3);
    expect(nodesWithPods(ctx)).toEqual(['node-1', 'node-2', 'node-3']);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^agent-[${NAME_SUFFIX_ALPHABET}]{5}$`));
      expect(p.spec?.nodeName).toBeUndefined();
      expect(p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: [targetNodeName(p)] }] },
      ]);
      expect(p.metadata.labels?.['controller-revision-hash']).toMatch(/^[a-z0-9]+$/);
    }
    expect(eventMessages(ctx, 'SuccessfulCreate')).toHaveLength(3);
  });

  const tolerationCases = [
    { name: 'daemon pods tolerate not-ready and unreachable NoExecute forever, pressure and unschedulable NoSchedule', hostNetwork: false, network: false },
    { name: 'hostNetwork daemon pods also tolerate network-unavailable', hostNetwork: true, network: true },
  ];
  for (const c of tolerationCases) {
    it(c.name, () => {
      const ctx = start(['node-1']);
      ctx.api.create(daemonSet('agent', c.hostNetwork ? { hostNetwork: true } : {}));
      ctx.clock.flush();
      const tolerations = podsOf(ctx)[0]!.spec!.tolerations!;
      expect(tolerations).toContainEqual({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
      expect(tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' });
      for (const k of ['disk-pressure', 'memory-pressure', 'pid-pressure', 'unschedulable']) {
        expect(tolerations).toContainEqual({ key: `node.kubernetes.io/${k}`, operator: 'Exists', effect: 'NoSchedule' });
      }
      expect(tolerations.some((t) => t.key === 'node.kubernetes.io/network-unavailable')).toBe(c.network);
    });
  }

  const placementCases: { name: string; node: (n: Stored<Node>) => Stored<Node>; podSpec?: Partial<PodSpec>; want: boolean }[] = [
    { name: 'nodeSelector that the node does not match: no pod', node: (n) => n, podSpec: { nodeSelector: { disk: 'ssd' } }, want: false },
    { name: 'nodeSelector the node matches: a pod', node: (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disk: 'ssd' } } }), podSpec: { nodeSelector: { disk: 'ssd' } }, want: true },
    {
      name: 'required node affinity is honoured',
      node: (n) => n,
      podSpec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }] } } } },
      want: false,
    },
    { name: 'an untolerated NoSchedule taint (control-plane) keeps the pod off', node: (n) => ({ ...n, spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } }), want: false },
    {
      name: 'a tolerated NoSchedule taint lets the pod on',
      node: (n) => ({ ...n, spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } }),
      podSpec: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] },
      want: true,
    },
    { name: 'a PreferNoSchedule taint does not matter', node: (n) => ({ ...n, spec: { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] } }), want: true },
    { name: 'a cordoned node still runs the daemon pod (unschedulable is tolerated)', node: (n) => ({ ...n, spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } }), want: true },
    { name: 'a not-ready node still runs the daemon pod', node: (n) => ({ ...n, spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] } }), want: true },
  ];
  for (const c of placementCases) {
    it(`placement: ${c.name}`, () => {
      const ctx = start(['node-1']);
      editNode(ctx, 'node-1', c.node);
      ctx.api.create(daemonSet('agent', c.podSpec ?? {}));
      ctx.clock.flush();
      expect(podsOf(ctx)).toHaveLength(c.want ? 1 : 0);
      expect(dsStatus(ctx).desiredNumberScheduled).toBe(c.want ? 1 : 0);
    });
  }

  it('a node added gets a pod; a node relabelled out of the selector loses it', () => {
    const ctx = start(['node-1']);
    editNode(ctx, 'node-1', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, logging: 'on' } } }));
    ctx.api.create(daemonSet('agent', { nodeSelector: { logging: 'on' } }));
    ctx.clock.flush();
    createNode(ctx, 'node-2');
    ctx.clock.flush();
    expect(nodesWithPods(ctx)).toEqual(['node-1']);
    editNode(ctx, 'node-2', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, logging: 'on' } } }));
    expect(nodesWithPods(ctx)).toEqual(['node-1', 'node-2']);
    editNode(ctx, 'node-1', (n) => ({ ...n, metadata: { ...n.metadata, labels: { 'kubernetes.io/hostname': 'node-1' } } }));
    expect(nodesWithPods(ctx)).toEqual(['node-2']);
    expect(eventMessages(ctx, 'SuccessfulDelete')).toHaveLength(1);
  });

  it('an untolerated NoExecute taint removes the daemon pod from the node', () => {
    const ctx = start(['node-1', 'node-2']);
    ctx.api.create(daemonSet('agent'));
    ctx.clock.flush();
    editNode(ctx, 'node-1', (n) => ({ ...n, spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } }));
    expect(nodesWithPods(ctx)).toEqual(['node-2']);
  });

  it('an unscheduled pod pinned to a node that was deleted is removed', () => {
    const ctx = start(['node-1', 'node-2']);
    ctx.api.create(daemonSet('agent'));
    ctx.clock.flush();
    ctx.api.delete('Node', undefined, 'node-2');
    ctx.clock.flush();
    expect(nodesWithPods(ctx)).toEqual(['node-1']);
  });

  it('status counts desired, current, ready, available, updated and misscheduled nodes, with observedGeneration', () => {
    const ctx = start();
    ctx.api.create(daemonSet('agent'));
    ctx.clock.flush();
    expect(dsStatus(ctx)).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 0, updatedNumberScheduled: 3, numberMisscheduled: 0, numberUnavailable: 3, observedGeneration: 1 });
    runAll(ctx);
    expect(dsStatus(ctx)).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3, updatedNumberScheduled: 3 });
    expect(dsStatus(ctx).numberUnavailable).toBeUndefined();
  });

  it('a pod bound to a node that no longer should run it (before it is removed) is counted misscheduled', () => {
    const ctx = start(['node-1']);
    ctx.api.create(daemonSet('agent', { nodeSelector: { logging: 'on' } }));
    ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'agent' } }, spec: { nodeName: 'node-1', containers: [{ name: 'agent', image: 'fluentd:v1' }] } });
    ctx.clock.flush();
    // The stray pod is adopted, then deleted (graceful: it is bound), and counted while it terminates.
    expect(ctx.api.peek<Pod>('Pod', 'default', 'stray')?.metadata.deletionTimestamp).toBeDefined();
    expect(dsStatus(ctx)).toMatchObject({ desiredNumberScheduled: 0, numberMisscheduled: 1 });
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(dsStatus(ctx).numberMisscheduled).toBe(0);
  });

  it('RollingUpdate with maxUnavailable 1 replaces one node at a time, waiting for the new pod to be ready', () => {
    const ctx = start();
    ctx.api.create(daemonSet('agent'));
    ctx.clock.flush();
    runAll(ctx);
    const ds = ctx.api.peek<DaemonSet>('DaemonSet', 'default', 'agent')!;
    const oldHash = podsOf(ctx)[0]!.metadata.labels!['controller-revision-hash'];
    ctx.api.update<DaemonSet>({ ...ds, spec: { ...ds.spec!, template: { ...ds.spec!.template, spec: { containers: [{ name: 'agent', image: 'fluentd:v2' }] } } } });
    ctx.clock.flush();
    const terminating = () => podsOf(ctx).filter((p) => p.metadata.deletionTimestamp).length;
    expect(terminating()).toBe(1);
    for (let step = 0; step < 3; step++) {
      finishTerminatingPods(ctx);
      ctx.clock.flush();
      // The freed node gets the new pod; no other old pod goes until it is ready.
      expect(terminating()).toBe(0);
      expect(live(ctx)).toHaveLength(3);
      runAll(ctx);
    }
    expect(live(ctx).every((p) => p.metadata.labels?.['controller-revision-hash'] !== oldHash)).toBe(true);
    expect(dsStatus(ctx)).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });

  it('RollingUpdate maxUnavailable 2 replaces two nodes at once', () => {
    const ctx = start();
    ctx.api.create(daemonSet('agent', {}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } }));
    ctx.clock.flush();
    runAll(ctx);
    const ds = ctx.api.peek<DaemonSet>('DaemonSet', 'default', 'agent')!;
    ctx.api.update<DaemonSet>({ ...ds, spec: { ...ds.spec!, template: { ...ds.spec!.template, spec: { containers: [{ name: 'agent', image: 'fluentd:v2' }] } } } });
    ctx.clock.flush();
    expect(podsOf(ctx).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(2);
  });

  it('OnDelete: a template change replaces nothing until a pod is deleted by hand', () => {
    const ctx = start(['node-1']);
    ctx.api.create(daemonSet('agent', {}, { updateStrategy: { type: 'OnDelete' } }));
    ctx.clock.flush();
    runAll(ctx);
    const ds = ctx.api.peek<DaemonSet>('DaemonSet', 'default', 'agent')!;
    ctx.api.update<DaemonSet>({ ...ds, spec: { ...ds.spec!, template: { ...ds.spec!.template, spec: { containers: [{ name: 'agent', image: 'fluentd:v2' }] } } } });
    ctx.clock.flush();
    expect(live(ctx)).toHaveLength(1);
    expect(dsStatus(ctx).updatedNumberScheduled).toBe(0);
  });

  it('a failed daemon pod is deleted with a FailedDaemonPod warning and replaced', () => {
    const ctx = start(['node-1']);
    ctx.api.create(daemonSet('agent'));
    ctx.clock.flush();
    const pod = podsOf(ctx)[0]!;
    setPodPhase(ctx, markPodRunningReady(ctx, pod, 'node-1'), 'Failed');
    ctx.clock.flush();
    expect(eventMessages(ctx, 'FailedDaemonPod')).toEqual([`Found failed daemon pod default/${pod.metadata.name} on node node-1, will try to kill it`]);
    ctx.clock.advance(1_000);
    expect(live(ctx).filter((p) => p.status?.phase !== 'Failed')).toHaveLength(1);
    expect(ctx.api.peek('Pod', 'default', pod.metadata.name)).toBeUndefined();
  });

  it('on a real cluster the default scheduler binds each daemon pod to its own node', () => {
    const c = createCluster({ preset: 'default' });
    c.apply(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: fluentd-elasticsearch
        image: nginx:1.27
`);
    c.advance(60_000);
    const pods = c.api.peekList<Pod>('Pod', { namespace: 'kube-system' }).filter((p) => p.metadata.name.startsWith('fluentd-elasticsearch-'));
    expect(pods.map((p) => p.spec?.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    expect(c.api.peek<DaemonSet>('DaemonSet', 'kube-system', 'fluentd-elasticsearch')?.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4 });
  });
});
