import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

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

describe('traffic hooks', () => {
  it('a request to nginx writes a combined-format access log line', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] }, 'web');
    c.clock.advance(10_000);
    expect(c.agents.logs({ namespace: 'default', pod: 'web' })).toEqual([]);
    expect(c.agents.kubelet('node-1')!.serveRequest('default', 'web', { clientIP: '10.244.0.1', userAgent: 'curl/8.5.0' })).toBe(200);
    expect(c.agents.logs({ namespace: 'default', pod: 'web' })).toEqual(['10.244.0.1 - - [01/Jan/2026:00:00:10 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"']);
  });

  it('the HPA load generator is listed with its target URL and the period of its loop', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'load-generator', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'while sleep 0.01; do wget -q -O- http://php-apache; done'] }] }, 'load-generator');
    c.clock.advance(10_000);
    // One loop iteration is one request: `sleep 0.01` and a wget (10 ms here, with no cluster network to ask).
    expect(c.agents.kubelet('node-1')!.loadGenerators()).toEqual([{ namespace: 'default', pod: 'load-generator', container: 'load-generator', url: 'http://php-apache', periodMs: 20 }]);
  });
});
