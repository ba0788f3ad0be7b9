import { describe, expect, it } from 'vitest';
import { FLASH_MS, litAfterCues, pruneLit } from './cueStore';
import { cpTarget, flashesForCue, nodePartTarget, podTarget } from './cueFlashes';

describe('cue → canvas highlight', () => {
  const cases = [
    { name: 'an API write lights kube-apiserver and etcd', cue: { type: 'api-write', verb: 'create', kind: 'Pod', namespace: 'default', name: 'web-1', actor: 'replicaset-controller' } as const, want: [cpTarget('kube-apiserver'), cpTarget('etcd'), cpTarget('kube-controller-manager')] },
    { name: 'a bind lights the scheduler and the pod', cue: { type: 'scheduled', pod: 'web-1', namespace: 'default', node: 'worker-2' } as const, want: [cpTarget('kube-scheduler'), podTarget('default', 'web-1')] },
    { name: 'an image pull lights the node’s container runtime', cue: { type: 'image-pull', node: 'worker-1', image: 'nginx:1.27', phase: 'start' } as const, want: [nodePartTarget('worker-1', 'runtime')] },
    { name: 'a container start lights the kubelet and the pod', cue: { type: 'container', node: 'worker-1', namespace: 'default', pod: 'web-1', container: 'nginx', phase: 'started' } as const, want: [nodePartTarget('worker-1', 'kubelet'), podTarget('default', 'web-1')] },
    { name: 'a passing probe lights nothing (too frequent to be news)', cue: { type: 'probe', node: 'worker-1', namespace: 'default', pod: 'web-1', container: 'nginx', probe: 'readiness', ok: true } as const, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const targets = flashesForCue(c.cue).map((f) => f.target);
      for (const w of c.want) expect(targets).toContain(w);
      if (c.want.length === 0) expect(targets).toEqual([]);
    });
  }

  it('a lit target expires after FLASH_MS of real time', () => {
    const lit = litAfterCues({}, [{ at: 0, cue: { type: 'heartbeat', node: 'worker-1' } }], 1000);
    const target = nodePartTarget('worker-1', 'kubelet');
    expect(lit[target]?.caption).toBe('heartbeat');
    expect(pruneLit(lit, 1000 + FLASH_MS - 1)).toBe(lit);
    expect(pruneLit(lit, 1000 + FLASH_MS)[target]).toBeUndefined();
  });
});
