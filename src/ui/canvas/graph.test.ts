import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/cluster';
import { objectKey, type KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import { selectLayoutInput, selectServiceEdges } from './graph';

function mirrorOf(kinds: string[]): ObjectsByKind {
  const c = createCluster({ seed: 3, preset: 'default' });
  c.apply('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx:1.27}]}\n');
  c.advance(30_000);
  const out: Record<string, Record<string, KubeObject>> = {};
  for (const kind of kinds) {
    out[kind] = {};
    for (const o of c.api.peekList(kind)) out[kind][objectKey(o.metadata.namespace, o.metadata.name)] = o as KubeObject;
  }
  return out;
}

describe('the canvas and the cluster’s own pods', () => {
  const objects = mirrorOf(['Pod', 'Node', 'Deployment', 'Service', 'EndpointSlice']);
  const state = { objects, components: [] };

  it('hides kube-system by default: only the student’s pods, Deployments and Services', () => {
    const input = selectLayoutInput(state);
    expect(input.controlPlane.pods).toBe(0);
    expect(input.workers.reduce((n, w) => n + w.pods, 0)).toBe(2);
    expect(input.deployments).toEqual(['default/web']);
    expect(input.services).toEqual([]);
    expect(selectServiceEdges(state)).toEqual([]);
  });

  it('shows them when asked: static pods and kube-proxy on the control plane, CoreDNS behind kube-dns', () => {
    const input = selectLayoutInput(state, true);
    expect(input.controlPlane.pods).toBe(5);
    expect(input.workers.reduce((n, w) => n + w.pods, 0)).toBe(2 + 3 + 2);
    expect(input.deployments).toEqual(['default/web', 'kube-system/coredns']);
    expect(input.services).toEqual(['kube-system/kube-dns']);
    expect(selectServiceEdges(state, true).map((e) => e.pod.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, ''))).toEqual(['kube-system/coredns', 'kube-system/coredns']);
  });
});
