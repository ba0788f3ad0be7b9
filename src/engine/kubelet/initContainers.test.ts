import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

const myappPod = {
  containers: [{ name: 'myapp-container', image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] }],
  initContainers: [
    { name: 'init-myservice', image: 'busybox:1.28', command: ['sh', '-c', 'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done'] },
    { name: 'init-mydb', image: 'busybox:1.28', command: ['sh', '-c', 'until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done'] },
  ],
};

const service = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 9376 }] } });

describe('init containers (the docs myapp-pod)', () => {
  it('run one at a time, each to success, before the app container', () => {
    const c = createKubeletTestCluster();
    c.createPod(myappPod, 'myapp-pod');
    c.clock.advance(10_000);
    let pod = c.pod('myapp-pod');
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.initContainerStatuses?.map((s) => Object.keys(s.state ?? {})[0])).toEqual(['running', 'waiting']);
    expect(pod.status?.initContainerStatuses?.[1]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(pod.status?.conditions?.find((x) => x.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init-myservice init-mydb]',
    });
    expect(c.agents.logs({ namespace: 'default', pod: 'myapp-pod', container: 'init-myservice' }).slice(-1)).toEqual(['waiting for myservice']);

    c.api.create(service('myservice'));
    c.clock.advance(5_000);
    pod = c.pod('myapp-pod');
    expect(pod.status?.initContainerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    expect(pod.status?.initContainerStatuses?.[1]?.state?.running).toBeDefined();

    c.api.create(service('mydb'));
    c.clock.advance(5_000);
    pod = c.pod('myapp-pod');
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.conditions?.find((x) => x.type === 'Initialized')?.status).toBe('True');
    expect(c.agents.logs({ namespace: 'default', pod: 'myapp-pod' })).toEqual(['The app is running!']);
  });

  it('a failing init container with restartPolicy Never fails the pod', () => {
    const c = createKubeletTestCluster();
    c.createPod({ restartPolicy: 'Never', initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'app', image: 'nginx:1.25' }] }, 'p');
    c.clock.advance(10_000);
    expect(c.pod('p').status?.phase).toBe('Failed');
    expect(c.pod('p').status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
  });

  it('a failing init container with restartPolicy Always is restarted with back-off (Init:CrashLoopBackOff)', () => {
    const c = createKubeletTestCluster();
    c.createPod({ initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'app', image: 'nginx:1.25' }] }, 'p');
    c.clock.advance(10_000);
    const init = c.pod('p').status!.initContainerStatuses![0]!;
    expect(init.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(init.restartCount).toBeGreaterThanOrEqual(1);
    expect(c.pod('p').status?.phase).toBe('Pending');
  });

  it('a sidecar (init container with restartPolicy Always) starts first and keeps running beside the app', () => {
    const c = createKubeletTestCluster();
    c.createPod(
      {
        initContainers: [{ name: 'logshipper', image: 'alpine:latest', restartPolicy: 'Always', command: ['sh', '-c', 'tail -F /opt/logs.txt'] }],
        containers: [{ name: 'myapp', image: 'alpine:latest', command: ['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done'] }],
      },
      'sidecar',
    );
    c.clock.advance(10_000);
    const pod = c.pod('sidecar');
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.initContainerStatuses?.[0]?.state?.running).toBeDefined();
    expect(pod.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
  });
});
