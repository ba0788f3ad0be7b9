/* eslint-disable @typescript-eslint/no-explicit-any -- tests read loosely typed JSON */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../objects';
import { createTestControlPlane } from '../../testing/bareControlPlane';

function pod(spec: Record<string, unknown>, name = 'p'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

function created(obj: KubeObject): any {
  return createTestControlPlane().api.create(obj);
}

describe('Pod defaulting (SetDefaults_PodSpec, SetDefaults_Container)', () => {
  const p = created(pod({ containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], livenessProbe: { httpGet: { port: 80 } } }] }));

  it.each([
    ['restartPolicy', 'Always'],
    ['terminationGracePeriodSeconds', 30],
    ['dnsPolicy', 'ClusterFirst'],
    ['schedulerName', 'default-scheduler'],
    ['serviceAccountName', 'default'],
    ['enableServiceLinks', true],
    ['priority', 0],
    ['preemptionPolicy', 'PreemptLowerPriority'],
  ])('spec.%s defaults to %j', (field, want) => {
    expect(p.spec[field]).toEqual(want);
  });

  it('securityContext defaults to {}', () => expect(p.spec.securityContext).toEqual({}));

  it('an image without a tag pulls Always; a tagged one IfNotPresent; :latest Always', () => {
    expect(p.spec.containers[0].imagePullPolicy).toBe('Always');
    const tagged = created(pod({ containers: [{ name: 'a', image: 'nginx:1.25' }, { name: 'b', image: 'nginx:latest' }, { name: 'c', image: 'localhost:5000/app' }] }));
    expect(tagged.spec.containers.map((c: any) => c.imagePullPolicy)).toEqual(['IfNotPresent', 'Always', 'Always']);
  });

  it('container ports default to TCP and terminationMessage fields are set', () => {
    expect(p.spec.containers[0].ports[0].protocol).toBe('TCP');
    expect(p.spec.containers[0].terminationMessagePath).toBe('/dev/termination-log');
    expect(p.spec.containers[0].terminationMessagePolicy).toBe('File');
  });

  it('probes default to period 10 s, timeout 1 s, success 1, failure 3, path / over HTTP', () => {
    expect(p.spec.containers[0].livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('requests default to limits when only limits are set', () => {
    const q = created(pod({ containers: [{ name: 'a', image: 'nginx:1', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }));
    expect(q.spec.containers[0].resources.requests).toEqual({ cpu: '500m', memory: '128Mi' });
  });

  it('status on create is Pending with a QoS class, whatever the client sent', () => {
    const q = created({ ...pod({ containers: [{ name: 'a', image: 'nginx:1' }] }), status: { phase: 'Running' } });
    expect(q.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('the service account token volume is mounted read-only in every container', () => {
    expect(p.spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec.containers[0].volumeMounts).toEqual([{ name: p.spec.volumes[0].name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
  });

  it('automountServiceAccountToken: false mounts nothing', () => {
    const q = created(pod({ automountServiceAccountToken: false, containers: [{ name: 'a', image: 'nginx:1' }] }));
    expect(q.spec.volumes).toBeUndefined();
  });
});

describe('QoS class (GetPodQOS)', () => {
  it.each([
    { name: 'no requests or limits anywhere is BestEffort', resources: undefined, want: 'BestEffort' },
    { name: 'limits only on cpu and memory (requests defaulted to them) is Guaranteed', resources: { limits: { cpu: '1', memory: '1Gi' } }, want: 'Guaranteed' },
    { name: 'requests equal to limits is Guaranteed', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1Gi' } }, want: 'Guaranteed' },
    { name: 'requests below limits is Burstable', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, want: 'Burstable' },
    { name: 'a cpu limit without a memory limit is Burstable', resources: { limits: { cpu: '1' } }, want: 'Burstable' },
    { name: 'requests without limits is Burstable', resources: { requests: { memory: '64Mi' } }, want: 'Burstable' },
  ])('$name', ({ resources, want }) => {
    const q = created(pod({ containers: [{ name: 'a', image: 'nginx:1', ...(resources ? { resources } : {}) }] }));
    expect(q.status.qosClass).toBe(want);
  });
});

describe('DefaultTolerationSeconds', () => {
  it('adds not-ready and unreachable NoExecute tolerations for 300 s', () => {
    const q = created(pod({ containers: [{ name: 'a', image: 'nginx:1' }] }));
    expect(q.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });
  it('keeps a pod’s own toleration for one of them and adds only the other', () => {
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 6000 };
    const q = created(pod({ tolerations: [own], containers: [{ name: 'a', image: 'nginx:1' }] }));
    expect(q.spec.tolerations).toEqual([own, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]);
  });
  it('a toleration of everything (operator Exists, no key) needs no defaults', () => {
    const q = created(pod({ tolerations: [{ operator: 'Exists' }], containers: [{ name: 'a', image: 'nginx:1' }] }));
    expect(q.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });
});

describe('workload defaulting', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
  const selector = { matchLabels: { app: 'web' } };

  it('Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600, status {}', () => {
    const d = created({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector, template }, status: { replicas: 9 } });
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec.restartPolicy).toBe('Always');
    expect(d.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(d.status).toEqual({});
  });

  it('Deployment with Recreate gets no rollingUpdate', () => {
    const d = created({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector, template, strategy: { type: 'Recreate' } } });
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('Job: completions and parallelism 1, backoffLimit 6, NonIndexed, generated selector and labels', () => {
    const j = created({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0' }] } } },
    });
    expect([j.spec.completions, j.spec.parallelism, j.spec.backoffLimit, j.spec.completionMode]).toEqual([1, 1, 6, 'NonIndexed']);
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': j.metadata.uid } });
    expect(j.spec.template.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'controller-uid': j.metadata.uid });
  });

  it('CronJob: Allow, not suspended, history 3 and 1', () => {
    const c = created({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'h', image: 'busybox:1.28' }] } } } } },
    });
    expect([c.spec.concurrencyPolicy, c.spec.suspend, c.spec.successfulJobsHistoryLimit, c.spec.failedJobsHistoryLimit]).toEqual(['Allow', false, 3, 1]);
  });

  it('StatefulSet and DaemonSet get their update strategies', () => {
    const s = created({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec: { selector, template, serviceName: 'web' } });
    expect(s.spec.podManagementPolicy).toBe('OrderedReady');
    expect(s.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    const d = created({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector, template } });
    expect(d.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  });

  it('an autoscaling/v1 HPA is stored as v2 with a cpu Utilization metric and minReplicas 1', () => {
    const h = created({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'php' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' }, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
    });
    expect(h.apiVersion).toBe('autoscaling/v2');
    expect(h.spec.minReplicas).toBe(1);
    expect(h.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    expect(h.spec.targetCPUUtilizationPercentage).toBeUndefined();
  });

  it('a given HPA behavior gets the unset rules of GenerateHPAScaleUpRules / GenerateHPAScaleDownRules; none given stays none', () => {
    const h = created({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'php' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' }, maxReplicas: 10, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
    });
    expect(h.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
    const plain = created({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'plain' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' }, maxReplicas: 10 },
    });
    expect(plain.spec.behavior).toBeUndefined();
  });
});

describe('core kinds defaulting', () => {
  it('Service: ClusterIP, None affinity, TCP, targetPort = port, single-stack IPv4, Cluster traffic policy', () => {
    const s = created({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    });
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('Namespace: phase Active, finalizer kubernetes, name label', () => {
    const n = created({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    expect(n.status).toEqual({ phase: 'Active' });
    expect(n.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(n.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' });
  });

  it('Secret: type Opaque; stringData is encoded into data', () => {
    const s = created({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==' }, stringData: { user: 'admin', a: 'y' } });
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ a: 'eQ==', user: 'YWRtaW4=' });
    expect(s.stringData).toBeUndefined();
  });

  it('PVC: Filesystem and Pending; PV: Retain, Filesystem, Available', () => {
    const pvc = created({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    expect([pvc.spec.volumeMode, pvc.status.phase]).toEqual(['Filesystem', 'Pending']);
    const pv = created({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'v' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } },
    });
    expect([pv.spec.persistentVolumeReclaimPolicy, pv.spec.volumeMode, pv.status.phase]).toEqual(['Retain', 'Filesystem', 'Available']);
  });
});
