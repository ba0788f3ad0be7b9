import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from './testHarness';

describe('pod lifecycle on a node', () => {
  it('a bound nginx pod pulls, creates and starts its container and becomes Ready', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'nginx', image: 'nginx:1.25' }] }, 'web');
    expect(c.pod('web').status?.phase).toBe('Pending');
    expect(c.pod('web').status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    c.clock.advance(10_000);
    const pod = c.pod('web');
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.podIP).toMatch(/^10\.244\.0\.\d+$/);
    expect(pod.status?.hostIP).toBe('172.18.0.2');
    const cs = pod.status!.containerStatuses![0]!;
    expect(cs.ready).toBe(true);
    expect(cs.started).toBe(true);
    expect(cs.image).toBe('docker.io/library/nginx:1.25');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(pod.status?.conditions?.map((x) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
    ]);
    const reasons = c.eventsFor('web').map((e) => e.reason);
    expect(reasons).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(c.eventsFor('web')[1]!.message).toMatch(/^Successfully pulled image "nginx:1.25" in [\d.]+s \([\d.]+s including waiting\)\. Image size: 187694648 bytes\.$/);
    expect(c.agents.logs({ namespace: 'default', pod: 'web' })).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
  });
});
