import { describe, expect, it } from 'vitest';
import type { ConceptView } from '../../engine/concepts/types';
import type { KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import { evaluateCheck, type CheckSpec, type LessonWorld } from './checks';
import { evaluateTarget } from './actionTargets';

type Obj = Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string } & Record<string, unknown> };

function world(objs: Obj[], extra: Partial<LessonWorld> = {}): LessonWorld {
  const objects: Record<string, Record<string, KubeObject>> = {};
  for (const o of objs) {
    const ns = o.metadata.namespace ?? (o.kind === 'Node' ? undefined : 'default');
    (objects[o.kind] ??= {})[ns ? `${ns}/${o.metadata.name}` : o.metadata.name] = { apiVersion: 'v1', ...o, metadata: { ...o.metadata, ...(ns ? { namespace: ns } : {}) } } as unknown as KubeObject;
  }
  return { objects: objects as ObjectsByKind, faults: { active: [], components: [] }, concept: undefined, ...extra };
}

interface PodOpts {
  app?: string;
  node?: string;
  ready?: boolean;
  terminating?: boolean;
  restarts?: number;
  waiting?: string;
  unschedulable?: string;
  env?: Record<string, unknown>;
}

function pod(name: string, o: PodOpts = {}): Obj {
  const ready = o.ready ?? true;
  return {
    kind: 'Pod',
    metadata: { name, labels: { app: o.app ?? 'web' }, ...(o.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: { ...(o.node === '' ? {} : { nodeName: o.node ?? 'worker-1' }), containers: [{ name: 'c', image: 'nginx:1.27', ...(o.env ?? {}) }] },
    status: {
      phase: o.node === '' ? 'Pending' : 'Running',
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False' },
        ...(o.unschedulable ? [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: o.unschedulable }] : []),
      ],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0, ready, state: o.waiting ? { waiting: { reason: o.waiting } } : { running: {} } }],
    },
  };
}

const node = (name: string, ready = true): Obj => ({ kind: 'Node', metadata: { name }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] } });

function deployment(name: string, o: { image?: string; replicas?: number; ready?: number; updated?: number; restartedAt?: boolean; generation?: number; observed?: number } = {}): Obj {
  const replicas = o.replicas ?? 3;
  return {
    kind: 'Deployment',
    metadata: { name, generation: o.generation ?? 2, annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: o.restartedAt ? { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } } : {}, spec: { containers: [{ name: 'nginx', image: o.image ?? 'nginx:1.27' }] } },
    },
    status: { observedGeneration: o.observed ?? o.generation ?? 2, replicas, updatedReplicas: o.updated ?? replicas, readyReplicas: o.ready ?? replicas, availableReplicas: o.ready ?? replicas },
  };
}

const slice = (service: string, ready: boolean[]): Obj => ({
  kind: 'EndpointSlice',
  metadata: { name: `${service}-abc`, labels: { 'kubernetes.io/service-name': service } },
  endpoints: ready.map((r, i) => ({ addresses: [`10.0.0.${i}`], conditions: { ready: r } })),
});

const components = (running: Record<string, boolean>) => ({ active: [], components: Object.entries(running).map(([name, r]) => ({ name, running: r })) });

const view = (id: ConceptView['id'], knobs: ConceptView['knobs'], log: string[] = []): ConceptView => ({
  id,
  nowMs: 0,
  knobs,
  nodes: [],
  edges: [],
  metrics: [],
  log: log.map((code, i) => ({ atMs: i * 1000, code })),
});

const webPods = (n: number, nodes = ['worker-1', 'worker-2', 'worker-3']) => Array.from({ length: n }, (_, i) => pod(`web-${i}`, { node: nodes[i % nodes.length]! }));

const cases: { name: string; spec: CheckSpec; world: LessonWorld; want: boolean }[] = [
  { name: 'appReady: 3 Ready on 3 nodes meets 3 on 2', spec: { check: 'appReady', app: 'web', replicas: 3, minNodes: 2 }, world: world(webPods(3)), want: true },
  { name: 'appReady: 3 Ready all on one node fails the 2-node rule', spec: { check: 'appReady', app: 'web', replicas: 3, minNodes: 2 }, world: world(webPods(3, ['worker-1'])), want: false },
  {
    name: 'appReady: a NotReady pod does not count',
    spec: { check: 'appReady', app: 'web', replicas: 3 },
    world: world([...webPods(2), pod('web-x', { ready: false })]),
    want: false,
  },
  {
    name: 'appReady: a terminating pod does not count',
    spec: { check: 'appReady', app: 'web', replicas: 3 },
    world: world([...webPods(2), pod('web-x', { terminating: true })]),
    want: false,
  },
  { name: 'appReady: another app’s pods do not count', spec: { check: 'appReady', app: 'hello', replicas: 1 }, world: world(webPods(3)), want: false },
  {
    name: 'appReady: pods in another namespace do not count',
    spec: { check: 'appReady', app: 'web', replicas: 1 },
    world: world([{ ...pod('web-0'), metadata: { name: 'web-0', namespace: 'kube-system', labels: { app: 'web' } } }]),
    want: false,
  },
  { name: 'containerRestarted: a Ready pod with a restart', spec: { check: 'containerRestarted', app: 'web' }, world: world([pod('web-0', { restarts: 1 })]), want: true },
  { name: 'containerRestarted: restarted but not Ready yet', spec: { check: 'containerRestarted', app: 'web' }, world: world([pod('web-0', { restarts: 1, ready: false })]), want: false },
  { name: 'containerRestarted: no restarts', spec: { check: 'containerRestarted', app: 'web' }, world: world(webPods(3)), want: false },
  {
    name: 'replacedAfterNodeLoss: evicted from the dead node, 3 Ready elsewhere',
    spec: { check: 'replacedAfterNodeLoss', app: 'web', replicas: 3 },
    world: world([node('worker-1', false), node('worker-2'), node('worker-3'), pod('web-old', { node: 'worker-1', terminating: true, ready: false }), ...webPods(3, ['worker-2', 'worker-3'])]),
    want: true,
  },
  {
    name: 'replacedAfterNodeLoss: node NotReady but its pod not yet evicted',
    spec: { check: 'replacedAfterNodeLoss', app: 'web', replicas: 3 },
    world: world([node('worker-1', false), node('worker-2'), pod('web-old', { node: 'worker-1', ready: false }), ...webPods(2, ['worker-2'])]),
    want: false,
  },
  {
    name: 'replacedAfterNodeLoss: every node Ready',
    spec: { check: 'replacedAfterNodeLoss', app: 'web', replicas: 3 },
    world: world([node('worker-1'), ...webPods(3)]),
    want: false,
  },
  { name: 'allNodesReady: every node Ready', spec: { check: 'allNodesReady' }, world: world([node('worker-1'), node('worker-2')]), want: true },
  { name: 'allNodesReady: one still down', spec: { check: 'allNodesReady' }, world: world([node('worker-1', false), node('worker-2')]), want: false },
  { name: 'allNodesReady: no nodes at all', spec: { check: 'allNodesReady' }, world: world([]), want: false },
  { name: 'serviceEndpoints: 3 ready', spec: { check: 'serviceEndpoints', service: 'web', ready: 3 }, world: world([slice('web', [true, true, true])]), want: true },
  { name: 'serviceEndpoints: one not ready', spec: { check: 'serviceEndpoints', service: 'web', ready: 3 }, world: world([slice('web', [true, true, false])]), want: false },
  { name: 'serviceEndpoints: another Service’s slice', spec: { check: 'serviceEndpoints', service: 'web', ready: 1 }, world: world([slice('api', [true])]), want: false },
  { name: 'endpointOutOfRotation: one out, two serving', spec: { check: 'endpointOutOfRotation', service: 'web' }, world: world([slice('web', [true, false, true])]), want: true },
  { name: 'endpointOutOfRotation: all serving', spec: { check: 'endpointOutOfRotation', service: 'web' }, world: world([slice('web', [true, true])]), want: false },
  { name: 'endpointOutOfRotation: none serving', spec: { check: 'endpointOutOfRotation', service: 'web' }, world: world([slice('web', [false, false])]), want: false },
  {
    name: 'rolledOut: new image, rollout complete',
    spec: { check: 'rolledOut', deployment: 'web', image: 'nginx:1.28', replicas: 3 },
    world: world([deployment('web', { image: 'nginx:1.28' })]),
    want: true,
  },
  {
    name: 'rolledOut: new image, one replica still old',
    spec: { check: 'rolledOut', deployment: 'web', image: 'nginx:1.28', replicas: 3 },
    world: world([deployment('web', { image: 'nginx:1.28', updated: 2 })]),
    want: false,
  },
  {
    name: 'rolledOut: the controller has not seen the change yet',
    spec: { check: 'rolledOut', deployment: 'web', image: 'nginx:1.28', replicas: 3 },
    world: world([deployment('web', { image: 'nginx:1.28', generation: 3, observed: 2 })]),
    want: false,
  },
  { name: 'rolledOut: old image', spec: { check: 'rolledOut', deployment: 'web', image: 'nginx:1.28', replicas: 3 }, world: world([deployment('web')]), want: false },
  { name: 'imagePullFailing: ImagePullBackOff', spec: { check: 'imagePullFailing', app: 'web' }, world: world([pod('web-9', { waiting: 'ImagePullBackOff', ready: false })]), want: true },
  { name: 'imagePullFailing: ErrImagePull', spec: { check: 'imagePullFailing', app: 'web' }, world: world([pod('web-9', { waiting: 'ErrImagePull', ready: false })]), want: true },
  { name: 'imagePullFailing: CrashLoopBackOff is not a pull failure', spec: { check: 'imagePullFailing', app: 'web' }, world: world([pod('web-9', { waiting: 'CrashLoopBackOff' })]), want: false },
  { name: 'recovered: off the bad image, complete', spec: { check: 'recovered', deployment: 'web', badImage: 'nginx:1.99', replicas: 3 }, world: world([deployment('web')]), want: true },
  {
    name: 'recovered: still on the bad image',
    spec: { check: 'recovered', deployment: 'web', badImage: 'nginx:1.99', replicas: 3 },
    world: world([deployment('web', { image: 'nginx:1.99', updated: 1 })]),
    want: false,
  },
  {
    name: 'hpaTargets: an HPA on web',
    spec: { check: 'hpaTargets', deployment: 'web' },
    world: world([{ kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 6 } }]),
    want: true,
  },
  {
    name: 'hpaTargets: an HPA on another Deployment',
    spec: { check: 'hpaTargets', deployment: 'web' },
    world: world([{ kind: 'HorizontalPodAutoscaler', metadata: { name: 'api' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'api' }, maxReplicas: 6 } }]),
    want: false,
  },
  {
    name: 'hpaScaledAbove: HPA and 6 replicas',
    spec: { check: 'hpaScaledAbove', deployment: 'web', above: 3 },
    world: world([deployment('web', { replicas: 6 }), { kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 6 } }]),
    want: true,
  },
  { name: 'hpaScaledAbove: 6 replicas but no HPA (scaled by hand)', spec: { check: 'hpaScaledAbove', deployment: 'web', above: 3 }, world: world([deployment('web', { replicas: 6 })]), want: false },
  { name: 'exists: ConfigMap present', spec: { check: 'exists', kind: 'ConfigMap', name: 'shop-config' }, world: world([{ kind: 'ConfigMap', metadata: { name: 'shop-config' } }]), want: true },
  { name: 'absent: no such Deployment', spec: { check: 'absent', kind: 'Deployment', name: 'big' }, world: world([deployment('web')]), want: true },
  { name: 'absent: still there', spec: { check: 'absent', kind: 'Deployment', name: 'big' }, world: world([deployment('big')]), want: false },
  {
    name: 'podUsesConfig: envFrom both',
    spec: { check: 'podUsesConfig', app: 'shop', configMap: 'shop-config', secret: 'shop-secret' },
    world: world([pod('shop-1', { app: 'shop', env: { envFrom: [{ configMapRef: { name: 'shop-config' } }, { secretRef: { name: 'shop-secret' } }] } })]),
    want: true,
  },
  {
    name: 'podUsesConfig: single keys through env valueFrom',
    spec: { check: 'podUsesConfig', app: 'shop', configMap: 'shop-config', secret: 'shop-secret' },
    world: world([
      pod('shop-1', {
        app: 'shop',
        env: { env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'shop-config', key: 'A' } } }, { name: 'B', valueFrom: { secretKeyRef: { name: 'shop-secret', key: 'B' } } }] },
      }),
    ]),
    want: true,
  },
  {
    name: 'podUsesConfig: the Secret is missing from the pod',
    spec: { check: 'podUsesConfig', app: 'shop', configMap: 'shop-config', secret: 'shop-secret' },
    world: world([pod('shop-1', { app: 'shop', env: { envFrom: [{ configMapRef: { name: 'shop-config' } }] } })]),
    want: false,
  },
  {
    name: 'unschedulable: Pending with Insufficient cpu',
    spec: { check: 'unschedulable', app: 'big', reason: 'Insufficient cpu' },
    world: world([pod('big-4', { app: 'big', node: '', ready: false, unschedulable: '0/4 nodes are available: 3 Insufficient cpu.' })]),
    want: true,
  },
  {
    name: 'unschedulable: Pending for another reason',
    spec: { check: 'unschedulable', app: 'big', reason: 'Insufficient cpu' },
    world: world([pod('big-4', { app: 'big', node: '', ready: false, unschedulable: '0/4 nodes are available: 4 node(s) had untolerated taint.' })]),
    want: false,
  },
  { name: 'componentStopped: scheduler stopped', spec: { check: 'componentStopped', component: 'kube-scheduler' }, world: world([], { faults: components({ 'kube-scheduler': false }) }), want: true },
  { name: 'componentStopped: scheduler running', spec: { check: 'componentStopped', component: 'kube-scheduler' }, world: world([], { faults: components({ 'kube-scheduler': true }) }), want: false },
  { name: 'componentStopped: unknown component', spec: { check: 'componentStopped', component: 'kube-scheduler' }, world: world([]), want: false },
  {
    name: 'pendingWhileStopped: hello has no node and the scheduler is stopped',
    spec: { check: 'pendingWhileStopped', component: 'kube-scheduler', pod: 'hello' },
    world: world([pod('hello', { app: 'x', node: '', ready: false })], { faults: components({ 'kube-scheduler': false }) }),
    want: true,
  },
  {
    name: 'pendingWhileStopped: hello was scheduled before the stop',
    spec: { check: 'pendingWhileStopped', component: 'kube-scheduler', pod: 'hello' },
    world: world([pod('hello', { app: 'x' })], { faults: components({ 'kube-scheduler': false }) }),
    want: false,
  },
  {
    name: 'podReadyWhileRunning: scheduler back, hello Ready',
    spec: { check: 'podReadyWhileRunning', component: 'kube-scheduler', pod: 'hello' },
    world: world([pod('hello', { app: 'x' })], { faults: components({ 'kube-scheduler': true }) }),
    want: true,
  },
  {
    name: 'belowDesiredWhileStopped: 2 of 3 pods, controller-manager stopped',
    spec: { check: 'belowDesiredWhileStopped', component: 'kube-controller-manager', deployment: 'web' },
    world: world([deployment('web'), ...webPods(2)], { faults: components({ 'kube-controller-manager': false }) }),
    want: true,
  },
  {
    name: 'belowDesiredWhileStopped: all 3 pods there',
    spec: { check: 'belowDesiredWhileStopped', component: 'kube-controller-manager', deployment: 'web' },
    world: world([deployment('web'), ...webPods(3)], { faults: components({ 'kube-controller-manager': false }) }),
    want: false,
  },
  {
    name: 'belowDesiredWhileStopped: a pod missing but the controllers run (it is being replaced)',
    spec: { check: 'belowDesiredWhileStopped', component: 'kube-controller-manager', deployment: 'web' },
    world: world([deployment('web'), ...webPods(2)], { faults: components({ 'kube-controller-manager': true }) }),
    want: false,
  },
  {
    name: 'appReadyWhileRunning: controllers back and 3 Ready',
    spec: { check: 'appReadyWhileRunning', component: 'kube-controller-manager', app: 'web', replicas: 3 },
    world: world(webPods(3), { faults: components({ 'kube-controller-manager': true }) }),
    want: true,
  },
  { name: 'replicasExactly: 3 asked, 3 Ready', spec: { check: 'replicasExactly', deployment: 'web', replicas: 3 }, world: world([deployment('web')]), want: true },
  { name: 'replicasExactly: 5 asked', spec: { check: 'replicasExactly', deployment: 'web', replicas: 3 }, world: world([deployment('web', { replicas: 5 })]), want: false },
  {
    name: 'replicasExactly: 3 asked, 2 Ready yet',
    spec: { check: 'replicasExactly', deployment: 'web', replicas: 3 },
    world: world([deployment('web', { ready: 2 })]),
    want: false,
  },
  {
    name: 'imageAlreadyPresent: the kubelet’s Pulled event says so',
    spec: { check: 'imageAlreadyPresent', pod: 'cached' },
    world: world([
      { kind: 'Event', metadata: { name: 'cached.1' }, reason: 'Pulled', involvedObject: { kind: 'Pod', name: 'cached' }, message: 'Container image "nginx:1.27" already present on machine' },
    ]),
    want: true,
  },
  {
    name: 'imageAlreadyPresent: the image was pulled',
    spec: { check: 'imageAlreadyPresent', pod: 'cached' },
    world: world([{ kind: 'Event', metadata: { name: 'cached.1' }, reason: 'Pulled', involvedObject: { kind: 'Pod', name: 'cached' }, message: 'Successfully pulled image "nginx:1.27" in 2.1s' }]),
    want: false,
  },
  {
    name: 'restartedRollout: restartedAt stamped, rollout complete',
    spec: { check: 'restartedRollout', deployment: 'shop', replicas: 2 },
    world: world([deployment('shop', { replicas: 2, restartedAt: true })]),
    want: true,
  },
  { name: 'restartedRollout: never restarted', spec: { check: 'restartedRollout', deployment: 'shop', replicas: 2 }, world: world([deployment('shop', { replicas: 2 })]), want: false },
  { name: 'conceptOpen: the scenario is open', spec: { check: 'conceptOpen', scenario: 'eras' }, world: world([], { concept: view('eras', {}) }), want: true },
  { name: 'conceptOpen: another scenario is open', spec: { check: 'conceptOpen', scenario: 'eras' }, world: world([], { concept: view('image-layers', {}) }), want: false },
  { name: 'conceptOpen: none is open', spec: { check: 'conceptOpen', scenario: 'eras' }, world: world([]), want: false },
  {
    name: 'conceptKnob: limits turned on',
    spec: { check: 'conceptKnob', scenario: 'vm-vs-container', knob: 'limits', value: true },
    world: world([], { concept: view('vm-vs-container', { limits: true }) }),
    want: true,
  },
  {
    name: 'conceptKnob: limits still off',
    spec: { check: 'conceptKnob', scenario: 'vm-vs-container', knob: 'limits', value: true },
    world: world([], { concept: view('vm-vs-container', { limits: false }) }),
    want: false,
  },
  {
    name: 'conceptKnob: moved away from its default',
    spec: { check: 'conceptKnob', scenario: 'monolith-vs-microservices', knob: 'load', not: 1 },
    world: world([], { concept: view('monolith-vs-microservices', { load: 3 }) }),
    want: true,
  },
  {
    name: 'conceptKnob: still at its default',
    spec: { check: 'conceptKnob', scenario: 'monolith-vs-microservices', knob: 'load', not: 1 },
    world: world([], { concept: view('monolith-vs-microservices', { load: 1 }) }),
    want: false,
  },
  {
    name: 'conceptKnob: the knob does not exist in this view',
    spec: { check: 'conceptKnob', scenario: 'vm-vs-container', knob: 'limits', not: false },
    world: world([], { concept: view('vm-vs-container', {}) }),
    want: false,
  },
  {
    name: 'conceptKnob: right knob value but another scenario',
    spec: { check: 'conceptKnob', scenario: 'vm-vs-container', knob: 'limits', value: true },
    world: world([], { concept: view('eras', { limits: true }) }),
    want: false,
  },
  { name: 'conceptKnob: apps raised to 30', spec: { check: 'conceptKnob', scenario: 'eras', knob: 'apps', atLeast: 30 }, world: world([], { concept: view('eras', { apps: 30 }) }), want: true },
  { name: 'conceptKnob: apps still 12', spec: { check: 'conceptKnob', scenario: 'eras', knob: 'apps', atLeast: 30 }, world: world([], { concept: view('eras', { apps: 12 }) }), want: false },
  {
    name: 'conceptKnob: atLeast on a knob that is not a number',
    spec: { check: 'conceptKnob', scenario: 'eras', knob: 'apps', atLeast: 30 },
    world: world([], { concept: view('eras', { apps: '40' }) }),
    want: false,
  },
  {
    name: 'conceptLogged: a spike was sent',
    spec: { check: 'conceptLogged', scenario: 'monolith-vs-microservices', code: 'shop.spike' },
    world: world([], { concept: view('monolith-vs-microservices', {}, ['shop.replicasChanged', 'shop.spike']) }),
    want: true,
  },
  {
    name: 'conceptLogged: nothing sent yet',
    spec: { check: 'conceptLogged', scenario: 'monolith-vs-microservices', code: 'shop.spike' },
    world: world([], { concept: view('monolith-vs-microservices', {}, ['shop.replicasChanged']) }),
    want: false,
  },
  {
    name: 'conceptLogged: the code in another scenario’s log',
    spec: { check: 'conceptLogged', scenario: 'monolith-vs-microservices', code: 'shop.spike' },
    world: world([], { concept: view('eras', {}, ['shop.spike']) }),
    want: false,
  },
];

describe('lesson checks', () => {
  it.each(cases)('$name', ({ spec, world: w, want }) => {
    expect(evaluateCheck(spec, w)).toBe(want);
  });
});

describe('failure targets a lesson names by purpose', () => {
  const w = world([pod('web-b', { node: 'worker-2' }), pod('web-a', { node: 'worker-3', ready: false }), pod('hello', { app: 'hello', node: 'worker-1' })]);
  it('a pod of the app: the first Ready one, in the panel’s namespace/name form', () => {
    expect(evaluateTarget({ podOf: 'web' }, w.objects)).toBe('default/web-b');
  });
  it('a node that runs the app', () => {
    expect(evaluateTarget({ nodeOf: 'web' }, w.objects)).toBe('worker-2');
  });
  it('no pod of the app: the panel’s own first choice', () => {
    expect(evaluateTarget({ podOf: 'shop' }, w.objects)).toBe('');
  });
  it('a plain name passes through', () => {
    expect(evaluateTarget('deployment/default/web', w.objects)).toBe('deployment/default/web');
  });
});
