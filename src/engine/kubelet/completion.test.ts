import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

describe('pods that finish (restartPolicy Never / OnFailure)', () => {
  it.each([
    { name: 'Never + exit 0 → Succeeded', policy: 'Never', script: 'echo done', phase: 'Succeeded', restarts: 0, reason: 'Completed' },
    { name: 'Never + exit 1 → Failed', policy: 'Never', script: 'exit 1', phase: 'Failed', restarts: 0, reason: 'Error' },
    { name: 'OnFailure + exit 0 → Succeeded', policy: 'OnFailure', script: 'echo done', phase: 'Succeeded', restarts: 0, reason: 'Completed' },
    { name: 'OnFailure + exit 2 → restarted, still Running', policy: 'OnFailure', script: 'exit 2', phase: 'Running', restarts: 1, reason: undefined },
  ])('$name', ({ policy, script, phase, restarts, reason }) => {
    const c = createKubeletTestCluster();
    c.createPod({ restartPolicy: policy, containers: [{ name: 'job', image: 'busybox:1.36', command: ['sh', '-c', script] }] }, 'job');
    c.clock.advance(5_000);
    const pod = c.pod('job');
    expect(pod.status?.phase).toBe(phase);
    const cs = pod.status!.containerStatuses![0]!;
    expect(cs.restartCount).toBe(restarts);
    if (reason) expect(cs.state?.terminated?.reason).toBe(reason);
  });

  it('a Succeeded pod says PodCompleted and keeps its IP', () => {
    const c = createKubeletTestCluster();
    c.createPod({ restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'echo hi'] }] }, 'job');
    c.clock.advance(5_000);
    const pod = c.pod('job');
    expect(pod.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(pod.status?.podIP).toMatch(/^10\.244\./);
  });

  it('the docs pi Job: perl runs a few seconds and logs 2000 digits of pi', () => {
    const c = createKubeletTestCluster();
    c.createPod({ restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] }, 'pi');
    c.clock.advance(60_000);
    expect(c.pod('pi').status?.phase).toBe('Succeeded');
    const t = c.pod('pi').status!.containerStatuses![0]!.state!.terminated!;
    expect(t.reason).toBe('Completed');
    // bpi(2000) computes for a few seconds (the image pull of ~860 MB comes before).
    expect(Date.parse(t.finishedAt!) - Date.parse(t.startedAt!)).toBeGreaterThanOrEqual(5000);
    const [line] = c.agents.logs({ namespace: 'default', pod: 'pi' });
    expect(line?.slice(0, 12)).toBe('3.1415926535');
  });
});
