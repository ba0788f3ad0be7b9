import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

describe('restarts with back-off (restartPolicy Always)', () => {
  it('a container that exits at once restarts at 0, then 10 s, 20 s, 40 s ... capped at 300 s', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'crash', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }, 'crash');
    // The moments the restart count goes up (sampled every 100 ms).
    const restarts: number[] = [];
    let last = 0;
    for (let i = 0; i < 12_000; i++) {
      c.clock.advance(100);
      const count = c.pod('crash').status?.containerStatuses?.[0]?.restartCount ?? 0;
      if (count !== last) {
        last = count;
        restarts.push(c.t());
      }
    }
    // The first crash restarts at once (within create + start); then 10 s, 20 s, 40 s ... 300 s,
    // each plus the 0.2 s it takes to create and start the container again.
    expect(restarts[0]).toBeLessThan(2);
    const gaps = restarts.slice(1).map((t, i) => Math.round(t - restarts[i]!));
    expect(gaps.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 300, 300]);
  });

  it('CrashLoopBackOff shows the last termination, the restart count and the kubelet message', () => {
    const c = createKubeletTestCluster();
    const pod = c.createPod({ containers: [{ name: 'crash', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 3'] }] }, 'crash');
    c.clock.advance(5_000);
    const cs = c.pod('crash').status!.containerStatuses![0]!;
    expect(cs.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs.state?.waiting?.message).toBe(`back-off 10s restarting failed container=crash pod=crash_default(${pod.metadata.uid})`);
    expect(cs.lastState?.terminated?.exitCode).toBe(3);
    expect(cs.lastState?.terminated?.reason).toBe('Error');
    expect(cs.restartCount).toBe(1);
    expect(c.pod('crash').status?.phase).toBe('Running');
    const backoff = c.eventsFor('crash').find((e) => e.reason === 'BackOff')!;
    expect(backoff.message).toBe(`Back-off restarting failed container crash in pod crash_default(${pod.metadata.uid})`);
    expect(c.agents.logs({ namespace: 'default', pod: 'crash' })).toEqual(['boom']);
    expect(c.agents.logs({ namespace: 'default', pod: 'crash', previous: true })).toEqual(['boom']);
  });

  it('busybox with no command exits 0 at once (no terminal): Completed, then CrashLoopBackOff', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'bb', image: 'busybox' }] }, 'bb');
    c.clock.advance(15_000);
    const cs = c.pod('bb').status!.containerStatuses![0]!;
    expect(cs.lastState?.terminated?.reason).toBe('Completed');
    expect(cs.state?.waiting?.reason).toBe('CrashLoopBackOff');
  });

  it('a container that ran 10 minutes before crashing restarts at once (back-off reset)', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'x', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 700; exit 1'] }] }, 'x');
    c.clock.advance(702_000);
    expect(c.pod('x').status!.containerStatuses![0]!.restartCount).toBe(1);
    c.clock.advance(701_000);
    // The second crash comes 700 s after the previous restart: more than 2 × 300 s, so no back-off.
    expect(c.pod('x').status!.containerStatuses![0]!.restartCount).toBe(2);
  });

  it('a shell that is not in the image cannot start: StartError, exit code 128', () => {
    const c = createKubeletTestCluster();
    c.createPod({ restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36', command: ['bash', '-c', 'echo hi'] }] }, 'x');
    c.clock.advance(5_000);
    const t = c.pod('x').status!.containerStatuses![0]!.state!.terminated!;
    expect(t.reason).toBe('StartError');
    expect(t.exitCode).toBe(128);
    expect(t.message).toContain('exec: "bash": executable file not found in $PATH');
    expect(c.pod('x').status?.phase).toBe('Failed');
  });

  it('a container over its memory limit is OOMKilled (exit 137)', () => {
    const c = createKubeletTestCluster();
    c.createPod(
      { containers: [{ name: 'memory-demo-2-ctr', image: 'polinux/stress', resources: { limits: { memory: '100Mi' }, requests: { memory: '50Mi' } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] }] },
      'memory-demo-2',
    );
    c.clock.advance(20_000);
    const cs = c.pod('memory-demo-2').status!.containerStatuses![0]!;
    expect(cs.lastState?.terminated?.reason).toBe('OOMKilled');
    expect(cs.lastState?.terminated?.exitCode).toBe(137);
  });
});
