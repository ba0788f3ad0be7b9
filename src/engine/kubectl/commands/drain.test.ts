import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { clusterStateHash } from '../../testing/stateHash';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 6
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: 'nginx:1.27'}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: web}}
`;

describe('kubectl drain on the virtual clock', () => {
  it('a replay retries the evictions at the same times and stops where Ctrl+C stopped them', () => {
    const c = createCluster({ seed: 5, preset: 'default' });
    c.apply(MANIFESTS);
    c.advance(30_000);
    const r = c.kubectlStreaming('drain worker-1 --ignore-daemonsets');
    expect(r.session).toBeDefined();
    c.advance(2_000);
    r.session!.cancel();
    c.advance(60_000);
    const replayed = createCluster({ restore: c.snapshot() });
    expect(clusterStateHash(replayed)).toBe(clusterStateHash(c));
  });

  it('in one shot (no session) the evictions still go on with time, as the recorded command replays them', () => {
    const a = createCluster({ seed: 5, preset: 'default' });
    a.apply(MANIFESTS);
    a.advance(30_000);
    const out = a.kubectl('drain worker-1 --ignore-daemonsets');
    expect(out.stdout).toContain('evicting pod default/');
    a.advance(60_000);
    const onWorker1 = a.api.list<{ metadata: { namespace: string } }>('Pod', { nodeName: 'worker-1' }).filter((p) => p.metadata.namespace === 'default');
    expect(onWorker1).toEqual([]);
  });
});
