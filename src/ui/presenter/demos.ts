/**
 * The instructor's prepared demos, as data: each step names what to say (its i18n key) and what to do
 * (a kubectl line, a fault, a clock speed). Targets are found in the live mirror when the step runs (the
 * demo Deployment, one of its pods, the node that hosts most of them) and remembered for the rest of the
 * run, so "power the node back on" powers on the node that was powered off. Pure: presenterStore runs it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { FaultName } from '../../engine/faults/types';
import type { KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import { isControlPlaneNode, kindOf, type NodeObject } from '../../store/selectors';

export type DemoId = 'self-healing' | 'node-failure' | 'bad-rollout' | 'hpa' | 'scheduler-stopped';

export const DEMO_IDS: readonly DemoId[] = ['self-healing', 'node-failure', 'bad-rollout', 'hpa', 'scheduler-stopped'];

/** What a step's action aims at: found in the mirror once per run. */
export type TargetRef = 'deployment' | 'deploymentLoad' | 'pod' | 'node' | { literal: string };

export type DemoAction =
  /** `{deployment}` and `{namespace}` are filled in; `-n` is added outside `default`. */
  | { kind: 'kubectl'; line: string }
  | { kind: 'fault'; fault: FaultName; target: TargetRef; options?: Record<string, string | number> }
  | { kind: 'speed'; speed: number };

export interface DemoStep {
  /** i18n key under `presenter.demos.<demo>.steps`. */
  key: string;
  actions: readonly DemoAction[];
}

export interface Demo {
  id: DemoId;
  steps: readonly DemoStep[];
}

const scaleTo = (n: number): DemoAction => ({ kind: 'kubectl', line: `kubectl scale deployment/{deployment} --replicas=${n}` });

export const DEMOS: Record<DemoId, Demo> = {
  'self-healing': {
    id: 'self-healing',
    steps: [
      { key: 'intro', actions: [{ kind: 'speed', speed: 1 }, scaleTo(3)] },
      { key: 'deletePod', actions: [{ kind: 'fault', fault: 'delete-pod', target: 'pod' }] },
      { key: 'killContainer', actions: [{ kind: 'fault', fault: 'kill-container', target: 'pod' }] },
      { key: 'outro', actions: [] },
    ],
  },
  'node-failure': {
    id: 'node-failure',
    steps: [
      { key: 'intro', actions: [{ kind: 'speed', speed: 1 }, scaleTo(3)] },
      // Ten times faster: NotReady after ~40 s and eviction 300 s later take half a minute, not six.
      { key: 'powerOff', actions: [{ kind: 'fault', fault: 'node-down', target: 'node' }, { kind: 'speed', speed: 10 }] },
      { key: 'notReady', actions: [] },
      { key: 'evicted', actions: [] },
      { key: 'powerOn', actions: [{ kind: 'fault', fault: 'node-up', target: 'node' }, { kind: 'speed', speed: 1 }] },
    ],
  },
  'bad-rollout': {
    id: 'bad-rollout',
    steps: [
      { key: 'intro', actions: [{ kind: 'speed', speed: 1 }] },
      { key: 'badImage', actions: [{ kind: 'fault', fault: 'bad-image', target: 'deployment' }] },
      { key: 'stuck', actions: [] },
      { key: 'undo', actions: [{ kind: 'kubectl', line: 'kubectl rollout undo deployment/{deployment}' }] },
      { key: 'outro', actions: [] },
    ],
  },
  hpa: {
    id: 'hpa',
    steps: [
      { key: 'intro', actions: [{ kind: 'speed', speed: 1 }, { kind: 'kubectl', line: 'kubectl autoscale deployment {deployment} --cpu-percent=50 --min=1 --max=6' }] },
      { key: 'load', actions: [{ kind: 'fault', fault: 'cpu-load', target: 'deploymentLoad', options: { percent: 250 } }, { kind: 'speed', speed: 5 }] },
      { key: 'scaledUp', actions: [] },
      { key: 'stopLoad', actions: [{ kind: 'fault', fault: 'heal', target: 'deploymentLoad' }] },
      { key: 'cleanup', actions: [{ kind: 'kubectl', line: 'kubectl delete hpa {deployment}' }, { kind: 'speed', speed: 1 }, scaleTo(3)] },
    ],
  },
  'scheduler-stopped': {
    id: 'scheduler-stopped',
    steps: [
      { key: 'intro', actions: [{ kind: 'speed', speed: 1 }, scaleTo(3)] },
      { key: 'stop', actions: [{ kind: 'fault', fault: 'stop', target: { literal: 'kube-scheduler' } }] },
      { key: 'scale', actions: [scaleTo(5)] },
      { key: 'start', actions: [{ kind: 'fault', fault: 'start', target: { literal: 'kube-scheduler' } }] },
      { key: 'outro', actions: [scaleTo(3)] },
    ],
  },
};

export type ResolvedAction =
  | { kind: 'kubectl'; line: string }
  | { kind: 'fault'; fault: FaultName; target: string; options?: Record<string, string | number> }
  | { kind: 'speed'; speed: number };

/** Targets chosen so far in this run (`deployment` → `default/web`, `node` → `worker-2`). */
export type Bindings = Readonly<Record<string, string>>;

export type Resolution = { ok: true; actions: ResolvedAction[]; bindings: Bindings } | { ok: false; missing: string };

type Obj<T> = T & KubeObject;

/** The Deployment demos work on: `default/web` (the starter app) when it exists, else the first of the student's. */
export function demoDeployment(objects: ObjectsByKind): string | undefined {
  const keys = Object.keys(kindOf(objects, 'Deployment')).filter((k) => !k.startsWith('kube-system/')).sort();
  return keys.includes('default/web') ? 'default/web' : keys[0];
}

/** The Deployment's pods: the ones its ReplicaSets own (ownerReferences Deployment → ReplicaSet → Pod). */
export function podsOfDeployment(objects: ObjectsByKind, deployment: string): Obj<Pod>[] {
  const [ns, name] = deployment.split('/') as [string, string];
  const sets = new Set(
    Object.values(kindOf(objects, 'ReplicaSet'))
      .filter((rs) => rs.metadata.namespace === ns && rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === name))
      .map((rs) => rs.metadata.name),
  );
  return (Object.values(kindOf(objects, 'Pod')) as Obj<Pod>[])
    .filter((p) => p.metadata.namespace === ns && !p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && sets.has(o.name)))
    .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/** The worker node running most of the Deployment's pods (ties: by name). */
export function busiestWorker(objects: ObjectsByKind, deployment: string): string | undefined {
  const workers = new Set((Object.values(kindOf(objects, 'Node')) as NodeObject[]).filter((n) => !isControlPlaneNode(n)).map((n) => n.metadata.name ?? ''));
  const counts = new Map<string, number>();
  for (const p of podsOfDeployment(objects, deployment)) {
    const node = p.spec?.nodeName;
    if (node && workers.has(node)) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? [...workers].sort()[0];
}

function resolveTarget(ref: TargetRef, objects: ObjectsByKind, bindings: Record<string, string>): string | undefined {
  if (typeof ref === 'object') return ref.literal;
  if (bindings[ref]) return bindings[ref];
  const deployment = bindings['deployment'] ?? demoDeployment(objects);
  if (!deployment) return undefined;
  bindings['deployment'] = deployment;
  let found: string | undefined;
  switch (ref) {
    case 'deployment':
      found = deployment;
      break;
    case 'deploymentLoad':
      found = `deployment/${deployment}`;
      break;
    case 'pod': {
      const pods = podsOfDeployment(objects, deployment);
      const running = pods.find((p) => p.status?.phase === 'Running') ?? pods[0];
      // A pod is chosen afresh each step (the one before may be gone): not remembered.
      return running ? `${running.metadata.namespace}/${running.metadata.name}` : undefined;
    }
    case 'node':
      found = busiestWorker(objects, deployment);
      break;
  }
  if (found) bindings[ref] = found;
  return found;
}

function fillLine(line: string, deployment: string): string {
  const [ns, name] = deployment.split('/') as [string, string];
  const filled = line.replaceAll('{deployment}', name).replaceAll('{namespace}', ns);
  return ns === 'default' ? filled : `${filled} -n ${ns}`;
}

/** The concrete requests of a step, with the targets they found added to `bindings`. */
export function resolveStep(step: DemoStep, objects: ObjectsByKind, bindings: Bindings): Resolution {
  const next: Record<string, string> = { ...bindings };
  const actions: ResolvedAction[] = [];
  for (const a of step.actions) {
    switch (a.kind) {
      case 'speed':
        actions.push(a);
        break;
      case 'kubectl': {
        const deployment = next['deployment'] ?? demoDeployment(objects);
        if (!deployment) return { ok: false, missing: 'deployment' };
        next['deployment'] = deployment;
        actions.push({ kind: 'kubectl', line: fillLine(a.line, deployment) });
        break;
      }
      case 'fault': {
        const target = resolveTarget(a.target, objects, next);
        if (!target) return { ok: false, missing: typeof a.target === 'object' ? a.target.literal : a.target };
        actions.push({ kind: 'fault', fault: a.fault, target, ...(a.options ? { options: a.options } : {}) });
        break;
      }
    }
  }
  return { ok: true, actions, bindings: next };
}
