import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

describe('ConfigMaps and Secrets the container needs', () => {
  it('a missing ConfigMap in env: CreateContainerConfigError, then it starts once the ConfigMap exists', () => {
    const c = createKubeletTestCluster();
    c.createPod(
      {
        containers: [
          {
            name: 'test-container',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'echo $(SPECIAL_LEVEL_KEY); sleep 3600'],
            env: [{ name: 'SPECIAL_LEVEL_KEY', valueFrom: { configMapKeyRef: { name: 'special-config', key: 'special.how' } } }],
          },
        ],
      },
      'dapi-test-pod',
    );
    c.clock.advance(5_000);
    const waiting = c.pod('dapi-test-pod').status!.containerStatuses![0]!.state!.waiting!;
    expect(waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "special-config" not found' });
    expect(c.eventsFor('dapi-test-pod').find((e) => e.reason === 'Failed')!.message).toBe('Error: configmap "special-config" not found');

    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'special-config', namespace: 'default' }, data: { 'special.how': 'very' } });
    c.clock.advance(12_000);
    expect(c.pod('dapi-test-pod').status?.phase).toBe('Running');
    // $(VAR) in command is expanded by the kubelet from the container's environment.
    expect(c.agents.logs({ namespace: 'default', pod: 'dapi-test-pod' })).toEqual(['very']);
  });

  it('a missing key is reported with the ConfigMap it was looked up in', () => {
    const c = createKubeletTestCluster();
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { a: '1' } });
    c.createPod({ containers: [{ name: 'x', image: 'busybox:1.36', command: ['sleep', '60'], env: [{ name: 'B', valueFrom: { configMapKeyRef: { name: 'cm', key: 'b' } } }] }] }, 'p');
    c.clock.advance(5_000);
    expect(c.pod('p').status!.containerStatuses![0]!.state!.waiting!.message).toBe("couldn't find key b in ConfigMap default/cm");
  });

  it('a missing Secret volume keeps the pod in ContainerCreating with FailedMount', () => {
    const c = createKubeletTestCluster();
    c.createPod({ volumes: [{ name: 'creds', secret: { secretName: 'db-pass' } }], containers: [{ name: 'x', image: 'nginx:1.25' }] }, 'p');
    c.clock.advance(5_000);
    expect(c.pod('p').status!.containerStatuses![0]!.state!.waiting!.reason).toBe('ContainerCreating');
    expect(c.eventsFor('p').find((e) => e.reason === 'FailedMount')!.message).toBe('MountVolume.SetUp failed for volume "creds" : secret "db-pass" not found');
  });

  it('env prints with printenv: values from Secrets are decoded', () => {
    const c = createKubeletTestCluster();
    c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: { user: 'YWRtaW4=' } });
    c.createPod({ restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36', command: ['printenv', 'USER_NAME'], env: [{ name: 'USER_NAME', valueFrom: { secretKeyRef: { name: 's', key: 'user' } } }] }] }, 'p');
    c.clock.advance(5_000);
    expect(c.agents.logs({ namespace: 'default', pod: 'p' })).toEqual(['admin']);
  });
});
