import { describe, expect, it } from 'vitest';
import { useClusterStore } from '../../store/clusterStore';
import { opensOnDefaultCluster, paintFirstScreen } from './paintFirstScreen';

describe('the first screen painted from the build snapshot', () => {
  it.each([
    { hash: '', want: true },
    { hash: '#/', want: true },
    { hash: '#/presets/big-cluster', want: false },
    { hash: '#/share/abc', want: false },
    { hash: '#/lessons/pods', want: false },
  ])('opens on the default cluster for "$hash": $want', ({ hash, want }) => {
    expect(opensOnDefaultCluster(hash)).toBe(want);
  });

  it('fills the mirror, the controllers and the clock, and leaves the simulation "starting"', () => {
    paintFirstScreen({
      seed: 1,
      now: 1_767_225_604_000,
      changes: [{ type: 'added', kind: 'Node', name: 'worker-1', resourceVersion: '7', object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' } } }],
      components: [{ name: 'replicaset', parent: 'kube-controller-manager', state: 'running' }],
    });
    const s = useClusterStore.getState();
    expect(Object.keys(s.objects.Node ?? {})).toEqual(['worker-1']);
    expect(s.components.map((c) => c.name)).toEqual(['replicaset']);
    expect(s.clock.now).toBe(1_767_225_604_000);
    expect(s.status).toBe('starting');
  });
});
