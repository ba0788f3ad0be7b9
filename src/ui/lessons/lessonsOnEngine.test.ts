/**
 * Every cluster lesson walked on the real engine, headless: for each task, the check is checked before
 * (it must not be green already, except where the lesson says the starter app satisfies it), then the
 * student's action is done the way the lesson tells them (a kubectl line, a fault from the failure
 * panel, a manifest applied), and virtual time runs until the check turns green (or the test fails).
 * This keeps the checks honest about the shapes the engine really writes: eviction, EndpointSlices,
 * the kubelet's Pulled event, the scheduler's Insufficient cpu, the HPA's scale.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../engine/cluster';
import type { Fault } from '../../engine/faults/types';
import { objectKey, type KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import { faultStatus } from '../../worker/faultRequests';
import { STARTER_APP_YAML } from '../../worker/starterApp';
import { BIG_YAML, HELLO_YAML, LESSONS, SHOP_CONFIG_YAML } from './catalog';
import { evaluateCheck, type LessonWorld } from './checks';
import { evaluateTarget } from './actionTargets';

function worldOf(c: Cluster): LessonWorld {
  const objects: Record<string, Record<string, KubeObject>> = {};
  for (const kind of c.api.kinds()) {
    const map: Record<string, KubeObject> = {};
    for (const o of c.api.peekList(kind) as KubeObject[]) map[objectKey(o.metadata.namespace, o.metadata.name ?? '')] = o;
    objects[kind] = map;
  }
  return { objects: objects as ObjectsByKind, faults: faultStatus(c), concept: undefined };
}

function kubectl(c: Cluster, line: string): void {
  const r = c.kubectl(line);
  expect(r.exitCode, `${line}: ${r.stderr}`).toBe(0);
}

function inject(c: Cluster, fault: Fault): void {
  const r = c.inject(fault);
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

function apply(c: Cluster, yaml: string): void {
  for (const r of c.apply(yaml)) expect(r.action, JSON.stringify(r)).not.toBe('error');
}

const podOf = (c: Cluster, app: string) => evaluateTarget({ podOf: app }, worldOf(c).objects);
const nodeOf = (c: Cluster, app: string) => evaluateTarget({ nodeOf: app }, worldOf(c).objects);

/** What the student does at each task, by lesson and step key; `ready` marks a task the starter app already meets. */
type StudentStep = ((c: Cluster) => void) | 'ready';

const STUDENT: Record<string, Record<string, StudentStep>> = {
  'images-and-registries': { webReady: 'ready', runCached: (c) => kubectl(c, 'run cached --image=nginx:1.27') },
  'cluster-architecture': {
    stopScheduler: (c) => inject(c, { fault: 'stop', target: 'kube-scheduler' }),
    runPod: (c) => kubectl(c, 'run hello --image=nginx:1.27'),
    startScheduler: (c) => inject(c, { fault: 'start', target: 'kube-scheduler' }),
  },
  'first-app': { applyHello: (c) => apply(c, HELLO_YAML) },
  'self-healing': { webReady: 'ready', killContainer: (c) => inject(c, { fault: 'kill-container', target: podOf(c, 'web') }) },
  'node-failure': {
    webReady: 'ready',
    powerOff: (c) => inject(c, { fault: 'node-down', target: nodeOf(c, 'web') }),
    powerOn: (c) => {
      for (const f of c.faults.activeFaults()) if (f.fault === 'node-down') inject(c, { fault: 'node-up', target: f.target });
    },
  },
  scaling: {
    webReady: 'ready',
    scaleUp: (c) => kubectl(c, 'scale deployment web --replicas=5'),
    scaleDown: (c) => kubectl(c, 'scale deployment web --replicas=3'),
  },
  autoscaling: {
    webReady: 'ready',
    autoscale: (c) => kubectl(c, 'autoscale deployment web --cpu-percent=50 --min=3 --max=6'),
    load: (c) => inject(c, { fault: 'cpu-load', target: 'deployment/default/web', percent: 90 }),
    cleanup: (c) => kubectl(c, 'delete hpa web'),
  },
  services: {
    webReady: 'ready',
    endpoints: 'ready',
    failReadiness: (c) => inject(c, { fault: 'readiness-fail', target: podOf(c, 'web') }),
  },
  'rolling-update': { webReady: 'ready', setImage: (c) => kubectl(c, 'set image deployment/web nginx=nginx:1.28') },
  rollback: {
    webReady: 'ready',
    badImage: (c) => kubectl(c, 'set image deployment/web nginx=nginx:1.99'),
    undo: (c) => kubectl(c, 'rollout undo deployment/web'),
  },
  configuration: {
    applyShop: (c) => apply(c, SHOP_CONFIG_YAML),
    restart: (c) => kubectl(c, 'rollout restart deployment/shop'),
  },
  resources: { applyBig: (c) => apply(c, BIG_YAML), cleanup: (c) => kubectl(c, 'delete deployment big') },
  declarative: {
    webReady: 'ready',
    stopControllers: (c) => inject(c, { fault: 'stop', target: 'kube-controller-manager' }),
    deletePod: (c) => inject(c, { fault: 'delete-pod', target: podOf(c, 'web') }),
    startControllers: (c) => inject(c, { fault: 'start', target: 'kube-controller-manager' }),
  },
};

/** The longest wait a task may need: the node-failure eviction is about 50 s + 300 s. */
const MAX_WAIT_MS = 8 * 60_000;

function runUntil(c: Cluster, done: () => boolean): number {
  let waited = 0;
  while (!done() && waited < MAX_WAIT_MS) {
    c.advance(1000);
    waited += 1000;
  }
  return waited;
}

function startedCluster(): Cluster {
  const c = createCluster({ seed: 1, preset: 'default' });
  apply(c, STARTER_APP_YAML);
  c.advance(40_000);
  return c;
}

const clusterLessons = LESSONS.filter((l) => l.id in STUDENT);

describe('cluster lessons on the engine', () => {
  it('covers every lesson with a cluster task', () => {
    const withClusterTasks = LESSONS.filter((l) => l.steps.some((s) => s.kind === 'task' && !s.check.check.startsWith('concept')));
    expect(clusterLessons.map((l) => l.id)).toEqual(withClusterTasks.map((l) => l.id));
  });

  it.each(clusterLessons.map((l) => ({ id: l.id, lesson: l })))('$id: each task’s check turns green when the student does it', ({ lesson }) => {
    const c = startedCluster();
    const student = STUDENT[lesson.id]!;
    for (const step of lesson.steps) {
      // Concept scenarios and the journey replay are the page's (their checks read no cluster state).
      if (step.kind !== 'task' || step.check.check.startsWith('concept') || step.check.check === 'journeyWatched') continue;
      const act = student[step.key];
      expect(act, `${lesson.id}/${step.key} has no student action`).toBeDefined();
      const check = () => evaluateCheck(step.check, worldOf(c));
      if (act === 'ready') {
        expect(check(), `${lesson.id}/${step.key} is met by the starter app`).toBe(true);
        continue;
      }
      expect(check(), `${lesson.id}/${step.key} is not green before the student acts`).toBe(false);
      act!(c);
      const waited = runUntil(c, check);
      expect(check(), `${lesson.id}/${step.key} turned green (waited ${waited} ms)`).toBe(true);
    }
  });

  it('node-failure: the pod is replaced only after the eviction timeout, as the right prediction says', () => {
    const c = startedCluster();
    inject(c, { fault: 'node-down', target: nodeOf(c, 'web') });
    const spec = { check: 'replacedAfterNodeLoss', app: 'web', replicas: 3 } as const;
    const waited = runUntil(c, () => evaluateCheck(spec, worldOf(c)));
    // ~50 s node-monitor-grace-period + 300 s default toleration of the not-ready/unreachable taints.
    expect(waited).toBeGreaterThan(300_000);
    expect(waited).toBeLessThan(420_000);
    // Powered on again, the node's kubelet finishes the evicted pod's deletion (as the lesson says).
    const down = c.faults.activeFaults().find((f) => f.fault === 'node-down')!;
    inject(c, { fault: 'node-up', target: down.target });
    const evictedGone = () => !Object.values(worldOf(c).objects['Pod'] ?? {}).some((p) => p.metadata.deletionTimestamp && p.metadata.labels?.['app'] === 'web');
    runUntil(c, evictedGone);
    expect(evictedGone()).toBe(true);
  });
});
