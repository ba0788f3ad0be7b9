import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import { narrationEn, narrationKo } from './narration';
import { busiestWorker, DEMO_IDS, DEMOS, demoDeployment, resolveStep } from './demos';

function mirror(list: KubeObject[]): ObjectsByKind {
  const out: Record<string, Record<string, KubeObject>> = {};
  for (const o of list) (out[o.kind] ??= {})[o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!] = o;
  return out as ObjectsByKind;
}

const node = (name: string, cp = false): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: cp ? { 'node-role.kubernetes.io/control-plane': '' } : {} } });
const pod = (name: string, nodeName: string, rs = 'web-abc'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: 'r', controller: true }] }, spec: { nodeName, containers: [] }, status: { phase: 'Running' } }) as KubeObject;

const cluster = mirror([
  node('control-plane', true),
  node('worker-1'),
  node('worker-2'),
  node('worker-3'),
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns', namespace: 'kube-system' } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd', controller: true }] } },
  pod('web-abc-1', 'worker-2'),
  pod('web-abc-2', 'worker-2'),
  pod('web-abc-3', 'worker-1'),
  pod('other-1', 'worker-3', 'other-rs'),
]);

describe('demo targets', () => {
  it('the demo Deployment is the starter app, never kube-system’s', () => {
    expect(demoDeployment(cluster)).toBe('default/web');
    expect(demoDeployment(mirror([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns', namespace: 'kube-system' } }]))).toBeUndefined();
  });

  it('the node to power off is the worker running most of its pods', () => {
    expect(busiestWorker(cluster, 'default/web')).toBe('worker-2');
  });

  it('node-failure powers on the very node it powered off, even after the pods moved', () => {
    const off = resolveStep(DEMOS['node-failure'].steps[1]!, cluster, {});
    expect(off).toMatchObject({ ok: true, actions: [{ kind: 'fault', fault: 'node-down', target: 'worker-2' }, { kind: 'speed', speed: 10 }] });
    const moved = mirror([node('worker-1'), node('worker-2'), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } }, pod('web-abc-9', 'worker-1')]);
    const on = resolveStep(DEMOS['node-failure'].steps[4]!, moved, off.ok ? off.bindings : {});
    expect(on).toMatchObject({ ok: true, actions: [{ kind: 'fault', fault: 'node-up', target: 'worker-2' }, { kind: 'speed', speed: 1 }] });
  });

  it('kubectl lines name the Deployment (and its namespace outside default)', () => {
    expect(resolveStep(DEMOS['scheduler-stopped'].steps[2]!, cluster, {})).toMatchObject({ ok: true, actions: [{ kind: 'kubectl', line: 'kubectl scale deployment/web --replicas=5' }] });
    const elsewhere = mirror([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' } }]);
    expect(resolveStep(DEMOS['bad-rollout'].steps[3]!, elsewhere, {})).toMatchObject({ ok: true, actions: [{ kind: 'kubectl', line: 'kubectl rollout undo deployment/api -n shop' }] });
  });

  it('HPA load targets the whole Deployment', () => {
    expect(resolveStep(DEMOS.hpa.steps[1]!, cluster, {})).toMatchObject({ ok: true, actions: [{ kind: 'fault', fault: 'cpu-load', target: 'deployment/default/web', options: { percent: 250 } }, { kind: 'speed', speed: 5 }] });
  });

  it('a step whose target is missing says what is missing', () => {
    expect(resolveStep(DEMOS['self-healing'].steps[1]!, mirror([node('worker-1')]), {})).toEqual({ ok: false, missing: 'pod' });
  });

  it('every step of every demo has its narration in both languages', () => {
    for (const id of DEMO_IDS) {
      for (const step of DEMOS[id].steps) {
        expect((narrationEn[id] as Record<string, string>)[step.key], `${id}.${step.key}`).toBeTruthy();
        expect((narrationKo[id] as Record<string, string>)[step.key], `${id}.${step.key}`).toBeTruthy();
      }
    }
  });
});
