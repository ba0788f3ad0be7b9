/**
 * The lessons, in the course's order: why Kubernetes, containers, images, the cluster's parts, then
 * running, healing, scaling, exposing, updating and configuring an app, resources, and what Kubernetes
 * is not. Most lessons work on `web`, the three-replica nginx Deployment the playground starts with.
 */
import { STARTER_APP_YAML } from '../../worker/starterApp';
import type { Lesson, LessonAction } from './lessonTypes';

const openWeb: LessonAction = { action: 'editor', file: 'web.yaml', yaml: STARTER_APP_YAML };
const webReady = { kind: 'task', key: 'webReady', actions: [openWeb], check: { check: 'appReady', app: 'web', replicas: 3, minNodes: 2 } } as const;

export const HELLO_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  labels:
    app: hello
spec:
  replicas: 3
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
      - name: hello
        image: gcr.io/google-samples/hello-app:2.0
        ports:
        - containerPort: 8080
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`;

export const SHOP_CONFIG_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-config
data:
  GREETING: "Hello from the ConfigMap"
  CURRENCY: KRW
---
apiVersion: v1
kind: Secret
metadata:
  name: shop-secret
type: Opaque
stringData:
  DB_PASSWORD: change-me
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    app: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: shop
        image: nginx:1.27
        envFrom:
        - configMapRef:
            name: shop-config
        - secretRef:
            name: shop-secret
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`;

/** Four replicas asking for 3 CPUs each: a 4-CPU worker holds one, so the fourth has nowhere to go. */
export const BIG_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
  labels:
    app: big
spec:
  replicas: 4
  selector:
    matchLabels:
      app: big
  template:
    metadata:
      labels:
        app: big
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "sleep 3600"]
        resources:
          requests:
            cpu: "3"
            memory: 256Mi
`;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'why-kubernetes',
    topic: 'why',
    steps: [
      { kind: 'read', key: 'monolith' },
      { kind: 'read', key: 'scale' },
      { kind: 'predict', key: 'predictScale', choices: ['up', 'out', 'rewrite'], answer: 'out' },
      { kind: 'task', key: 'openEras', actions: [{ action: 'scenario', scenario: 'eras' }], check: { check: 'conceptOpen', scenario: 'eras' } },
      { kind: 'task', key: 'moreApps', actions: [{ action: 'scenario', scenario: 'eras' }], check: { check: 'conceptKnob', scenario: 'eras', knob: 'apps', atLeast: 30 } },
      { kind: 'read', key: 'automation' },
    ],
  },
  {
    id: 'microservices',
    topic: 'why',
    steps: [
      { kind: 'read', key: 'split' },
      { kind: 'predict', key: 'predictSpike', choices: ['whole', 'one', 'none'], answer: 'one' },
      {
        kind: 'task',
        key: 'openScenario',
        actions: [{ action: 'scenario', scenario: 'monolith-vs-microservices' }],
        check: { check: 'conceptOpen', scenario: 'monolith-vs-microservices' },
      },
      {
        kind: 'task',
        key: 'spike',
        actions: [{ action: 'scenario', scenario: 'monolith-vs-microservices' }],
        check: { check: 'conceptLogged', scenario: 'monolith-vs-microservices', code: 'shop.spike' },
      },
      { kind: 'read', key: 'environments' },
      { kind: 'read', key: 'devops' },
    ],
  },
  {
    id: 'containers-vs-vms',
    topic: 'containers',
    steps: [
      { kind: 'read', key: 'isolation' },
      { kind: 'predict', key: 'predictDensity', choices: ['vms', 'containers', 'same'], answer: 'containers' },
      {
        kind: 'task',
        key: 'openScenario',
        actions: [{ action: 'scenario', scenario: 'vm-vs-container' }],
        check: { check: 'conceptOpen', scenario: 'vm-vs-container' },
      },
      { kind: 'read', key: 'mechanisms' },
      { kind: 'predict', key: 'predictLimits', choices: ['same', 'starved', 'crash'], answer: 'starved' },
      { kind: 'task', key: 'limitsOff', actions: [{ action: 'scenario', scenario: 'eras' }], check: { check: 'conceptKnob', scenario: 'eras', knob: 'limits', value: false } },
    ],
  },
  {
    id: 'images-and-registries',
    topic: 'containers',
    steps: [
      { kind: 'read', key: 'layers' },
      {
        kind: 'task',
        key: 'openScenario',
        actions: [{ action: 'scenario', scenario: 'image-layers' }],
        check: { check: 'conceptOpen', scenario: 'image-layers' },
      },
      {
        kind: 'task',
        key: 'push',
        actions: [{ action: 'scenario', scenario: 'image-layers' }],
        check: { check: 'conceptLogged', scenario: 'image-layers', code: 'imageLayers.pushed' },
      },
      webReady,
      { kind: 'predict', key: 'predictPull', choices: ['full', 'layers', 'none'], answer: 'none' },
      { kind: 'task', key: 'runCached', actions: [{ action: 'console' }], check: { check: 'imageAlreadyPresent', pod: 'cached' } },
      { kind: 'read', key: 'portability' },
    ],
  },
  {
    id: 'cluster-architecture',
    topic: 'architecture',
    steps: [
      { kind: 'read', key: 'controlPlane' },
      { kind: 'read', key: 'nodes' },
      { kind: 'task', key: 'followJourney', actions: [{ action: 'journey' }], check: { check: 'journeyWatched' } },
      {
        kind: 'task',
        key: 'stopScheduler',
        actions: [{ action: 'failures', fault: 'stop', target: 'kube-scheduler' }],
        check: { check: 'componentStopped', component: 'kube-scheduler' },
      },
      { kind: 'predict', key: 'predictPending', choices: ['runs', 'pending', 'refused'], answer: 'pending' },
      { kind: 'task', key: 'runPod', actions: [{ action: 'console' }], check: { check: 'pendingWhileStopped', component: 'kube-scheduler', pod: 'hello' } },
      {
        kind: 'task',
        key: 'startScheduler',
        actions: [{ action: 'failures', fault: 'start', target: 'kube-scheduler' }],
        check: { check: 'podReadyWhileRunning', component: 'kube-scheduler', pod: 'hello' },
      },
    ],
  },
  {
    id: 'first-app',
    topic: 'apps',
    steps: [
      { kind: 'read', key: 'manifest' },
      { kind: 'predict', key: 'predictPods', choices: ['one', 'three', 'none'], answer: 'three' },
      {
        kind: 'task',
        key: 'applyHello',
        actions: [{ action: 'editor', file: 'hello.yaml', yaml: HELLO_YAML }],
        check: { check: 'appReady', app: 'hello', replicas: 3, minNodes: 2 },
      },
      { kind: 'read', key: 'journey' },
    ],
  },
  {
    id: 'self-healing',
    topic: 'operations',
    steps: [
      { kind: 'read', key: 'desired' },
      webReady,
      { kind: 'predict', key: 'predictKill', choices: ['restart', 'newPod', 'nothing'], answer: 'restart' },
      {
        kind: 'task',
        key: 'killContainer',
        actions: [{ action: 'failures', fault: 'kill-container', target: { podOf: 'web' } }],
        check: { check: 'containerRestarted', app: 'web' },
      },
      { kind: 'read', key: 'deletePod' },
    ],
  },
  {
    id: 'node-failure',
    topic: 'operations',
    steps: [
      { kind: 'read', key: 'heartbeats' },
      webReady,
      { kind: 'predict', key: 'predictWhen', choices: ['now', 'notReady', 'eviction'], answer: 'eviction' },
      {
        kind: 'task',
        key: 'powerOff',
        actions: [
          { action: 'speed', speed: 20 },
          { action: 'failures', fault: 'node-down', target: { nodeOf: 'web' } },
        ],
        check: { check: 'replacedAfterNodeLoss', app: 'web', replicas: 3 },
      },
      { kind: 'task', key: 'powerOn', actions: [{ action: 'failures' }], check: { check: 'allNodesReady' } },
    ],
  },
  {
    id: 'scaling',
    topic: 'operations',
    steps: [
      { kind: 'read', key: 'replicas' },
      webReady,
      { kind: 'predict', key: 'predictPlacement', choices: ['same', 'spread', 'controlPlane'], answer: 'spread' },
      { kind: 'task', key: 'scaleUp', actions: [{ action: 'console' }], check: { check: 'appReady', app: 'web', replicas: 5, minNodes: 3 } },
      { kind: 'task', key: 'scaleDown', actions: [{ action: 'console' }], check: { check: 'replicasExactly', deployment: 'web', replicas: 3 } },
    ],
  },
  {
    id: 'autoscaling',
    topic: 'operations',
    steps: [
      { kind: 'read', key: 'hpa' },
      webReady,
      { kind: 'task', key: 'autoscale', actions: [{ action: 'console' }], check: { check: 'hpaTargets', deployment: 'web' } },
      { kind: 'predict', key: 'predictDesired', choices: ['four', 'six', 'ten'], answer: 'six' },
      {
        kind: 'task',
        key: 'load',
        actions: [
          { action: 'speed', speed: 10 },
          { action: 'failures', fault: 'cpu-load', target: 'deployment/default/web', percent: 90 },
        ],
        check: { check: 'hpaScaledAbove', deployment: 'web', above: 3 },
      },
      { kind: 'task', key: 'cleanup', actions: [{ action: 'console' }], check: { check: 'absent', kind: 'HorizontalPodAutoscaler', name: 'web' } },
    ],
  },
  {
    id: 'services',
    topic: 'apps',
    steps: [
      { kind: 'read', key: 'movingTargets' },
      webReady,
      { kind: 'task', key: 'endpoints', actions: [{ action: 'console' }], check: { check: 'serviceEndpoints', service: 'web', ready: 3 } },
      { kind: 'predict', key: 'predictReadiness', choices: ['restart', 'outOfRotation', 'replaced'], answer: 'outOfRotation' },
      {
        kind: 'task',
        key: 'failReadiness',
        actions: [{ action: 'failures', fault: 'readiness-fail', target: { podOf: 'web' } }],
        check: { check: 'endpointOutOfRotation', service: 'web' },
      },
      { kind: 'read', key: 'dns' },
    ],
  },
  {
    id: 'rolling-update',
    topic: 'operations',
    steps: [
      { kind: 'read', key: 'strategy' },
      webReady,
      { kind: 'predict', key: 'predictAvailable', choices: ['three', 'two', 'zero'], answer: 'three' },
      { kind: 'task', key: 'setImage', actions: [{ action: 'console' }], check: { check: 'rolledOut', deployment: 'web', image: 'nginx:1.28', replicas: 3 } },
      { kind: 'read', key: 'history' },
    ],
  },
  {
    id: 'rollback',
    topic: 'operations',
    steps: [
      { kind: 'read', key: 'mistakes' },
      webReady,
      { kind: 'predict', key: 'predictBadImage', choices: ['allDown', 'oldKeep', 'autoUndo'], answer: 'oldKeep' },
      { kind: 'task', key: 'badImage', actions: [{ action: 'console' }], check: { check: 'imagePullFailing', app: 'web' } },
      { kind: 'task', key: 'undo', actions: [{ action: 'console' }], check: { check: 'recovered', deployment: 'web', badImage: 'nginx:1.99', replicas: 3 } },
    ],
  },
  {
    id: 'configuration',
    topic: 'apps',
    steps: [
      { kind: 'read', key: 'separate' },
      {
        kind: 'task',
        key: 'applyShop',
        actions: [{ action: 'editor', file: 'shop.yaml', yaml: SHOP_CONFIG_YAML }],
        check: { check: 'podUsesConfig', app: 'shop', configMap: 'shop-config', secret: 'shop-secret' },
      },
      { kind: 'predict', key: 'predictChange', choices: ['instant', 'onRestart', 'autoRestart'], answer: 'onRestart' },
      { kind: 'task', key: 'restart', actions: [{ action: 'console' }], check: { check: 'restartedRollout', deployment: 'shop', replicas: 2 } },
      { kind: 'read', key: 'secrets' },
    ],
  },
  {
    id: 'resources',
    topic: 'operations',
    steps: [
      { kind: 'read', key: 'requests' },
      { kind: 'predict', key: 'predictFit', choices: ['four', 'three', 'zero'], answer: 'three' },
      {
        kind: 'task',
        key: 'applyBig',
        actions: [{ action: 'editor', file: 'big.yaml', yaml: BIG_YAML }],
        check: { check: 'unschedulable', app: 'big', reason: 'Insufficient cpu' },
      },
      { kind: 'read', key: 'binPacking' },
      { kind: 'task', key: 'cleanup', actions: [{ action: 'console' }], check: { check: 'absent', kind: 'Deployment', name: 'big' } },
    ],
  },
  {
    id: 'declarative',
    topic: 'architecture',
    steps: [
      { kind: 'read', key: 'notOrchestrator' },
      {
        kind: 'task',
        key: 'openScenario',
        actions: [{ action: 'scenario', scenario: 'declarative-vs-script' }],
        check: { check: 'conceptOpen', scenario: 'declarative-vs-script' },
      },
      {
        kind: 'task',
        key: 'crashMidway',
        actions: [{ action: 'scenario', scenario: 'declarative-vs-script' }],
        check: { check: 'conceptLogged', scenario: 'declarative-vs-script', code: 'declarative.faultCrashWeb' },
      },
      webReady,
      {
        kind: 'task',
        key: 'stopControllers',
        actions: [{ action: 'failures', fault: 'stop', target: 'kube-controller-manager' }],
        check: { check: 'componentStopped', component: 'kube-controller-manager' },
      },
      { kind: 'predict', key: 'predictDelete', choices: ['replaced', 'stays', 'apiRefuses'], answer: 'stays' },
      {
        kind: 'task',
        key: 'deletePod',
        actions: [{ action: 'failures', fault: 'delete-pod', target: { podOf: 'web' } }],
        check: { check: 'belowDesiredWhileStopped', component: 'kube-controller-manager', deployment: 'web' },
      },
      {
        kind: 'task',
        key: 'startControllers',
        actions: [{ action: 'failures', fault: 'start', target: 'kube-controller-manager' }],
        check: { check: 'appReadyWhileRunning', component: 'kube-controller-manager', app: 'web', replicas: 3 },
      },
      { kind: 'read', key: 'loops' },
    ],
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
