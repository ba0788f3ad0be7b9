import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

describe('graceful termination', () => {
  it('nginx stops on SIGTERM at once: the kubelet removes the pod within a second', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'nginx', image: 'nginx:1.25' }] }, 'web');
    c.clock.advance(10_000);
    c.api.delete('Pod', 'default', 'web');
    c.clock.flush();
    expect(c.pod('web').metadata.deletionTimestamp).toBeDefined();
    c.clock.advance(1_000);
    expect(c.api.peek('Pod', 'default', 'web')).toBeUndefined();
    expect(c.eventsFor('web').find((e) => e.reason === 'Killing')!.message).toBe('Stopping container nginx');
  });

  it('sleep as PID 1 ignores SIGTERM: SIGKILL at the end of the 30 s grace period', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'bb', image: 'busybox:1.36', command: ['sleep', '3600'] }] }, 'sleeper');
    c.clock.advance(10_000);
    c.api.delete('Pod', 'default', 'sleeper');
    c.clock.advance(29_000);
    expect(c.api.peek('Pod', 'default', 'sleeper')).toBeDefined();
    expect(c.pod('sleeper').status!.containerStatuses![0]!.state?.running).toBeDefined();
    c.clock.advance(2_000);
    expect(c.api.peek('Pod', 'default', 'sleeper')).toBeUndefined();
  });

  it('the grace period comes from the delete (kubectl delete --grace-period=5)', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'bb', image: 'busybox:1.36', command: ['sleep', '3600'] }] }, 'sleeper');
    c.clock.advance(10_000);
    c.api.delete('Pod', 'default', 'sleeper', { gracePeriodSeconds: 5 });
    c.clock.advance(4_000);
    expect(c.api.peek('Pod', 'default', 'sleeper')).toBeDefined();
    c.clock.advance(2_000);
    expect(c.api.peek('Pod', 'default', 'sleeper')).toBeUndefined();
  });

  it('a script that traps TERM exits at once', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'bb', image: 'busybox:1.36', command: ['sh', '-c', "trap 'exit 0' TERM; sleep 9999 & wait"] }] }, 'trapper');
    c.clock.advance(10_000);
    c.api.delete('Pod', 'default', 'trapper');
    c.clock.advance(1_000);
    expect(c.api.peek('Pod', 'default', 'trapper')).toBeUndefined();
  });

  it('a force-deleted pod (grace period 0) is gone from the API and its containers stop', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'nginx', image: 'nginx:1.25' }] }, 'web');
    c.clock.advance(10_000);
    c.api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 });
    c.clock.flush();
    expect(c.agents.kubelet('node-1')!.worker('default', 'web')).toBeUndefined();
  });
});
