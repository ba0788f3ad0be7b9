import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimSpec, PersistentVolumeSpec, Pod } from 'kubernetes-types/core/v1';
import { registerAdmission } from '../../apiserver/admission';
import { createCluster } from '../../cluster';
import type { Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
import { eventMessages, newControllerContext } from '../../testing/controllerHarness';
import { createNode } from '../../testing/fakeNodes';
import { createPersistentVolumeController } from './index';

function start(bindingMode: 'WaitForFirstConsumer' | 'Immediate' = 'WaitForFirstConsumer'): ControllerContext {
  const ctx = newControllerContext();
  registerAdmission(ctx.api);
  createNode(ctx, 'node-1');
  ctx.api.create({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: bindingMode,
  });
  createPersistentVolumeController(ctx).boot();
  ctx.clock.flush();
  return ctx;
}

function claim(ctx: ControllerContext, name: string, spec: Partial<PersistentVolumeClaimSpec> = {}): Stored<PersistentVolumeClaim> {
  const c = ctx.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  });
  ctx.clock.flush();
  return c;
}

function volume(ctx: ControllerContext, name: string, spec: Partial<PersistentVolumeSpec> = {}): void {
  ctx.api.create<PersistentVolume>({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, storageClassName: 'manual', ...spec },
  });
  ctx.clock.flush();
}

/** What the scheduler does for a pod that mounts the claim: bind it to node-1. */
function consumer(ctx: ControllerContext, claimName: string): void {
  ctx.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `uses-${claimName}`, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] },
  });
  ctx.api.bind('default', `uses-${claimName}`, 'node-1');
  ctx.clock.flush();
}

const getClaim = (ctx: ControllerContext, name: string) => ctx.api.peek<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)!;
const getVolume = (ctx: ControllerContext, name: string) => ctx.api.peek<PersistentVolume>('PersistentVolume', undefined, name);

describe('PersistentVolume controller and local-path provisioner', () => {
  it('a claim without storageClassName gets the default class (DefaultStorageClass admission); "" asks for no class', () => {
    const ctx = start();
    expect(claim(ctx, 'a').spec?.storageClassName).toBe('standard');
    expect(claim(ctx, 'b', { storageClassName: '' }).spec?.storageClassName).toBe('');
  });

  it('WaitForFirstConsumer: the claim stays Pending until a pod using it is scheduled, then gets pvc-<uid> on that node', () => {
    const ctx = start();
    const c = claim(ctx, 'www-web-0');
    expect(getClaim(ctx, 'www-web-0').status?.phase).toBe('Pending');
    expect(eventMessages(ctx, 'WaitForFirstConsumer')).toEqual(['waiting for first consumer to be created before binding']);
    consumer(ctx, 'www-web-0');
    const bound = getClaim(ctx, 'www-web-0');
    const pvName = `pvc-${c.metadata.uid}`;
    expect(bound.spec?.volumeName).toBe(pvName);
    expect(bound.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
    expect(bound.metadata.annotations).toMatchObject({ 'volume.kubernetes.io/selected-node': 'node-1', 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path' });
    const pv = getVolume(ctx, pvName)!;
    expect(pv.status?.phase).toBe('Bound');
    expect(pv.spec).toMatchObject({ storageClassName: 'standard', persistentVolumeReclaimPolicy: 'Delete', capacity: { storage: '1Gi' }, claimRef: { name: 'www-web-0', namespace: 'default', uid: c.metadata.uid } });
    expect(pv.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]).toEqual({ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] });
    expect(eventMessages(ctx, 'ProvisioningSucceeded')).toEqual([`Successfully provisioned volume ${pvName}`]);
  });

  it('Immediate binding: the claim is provisioned and bound as soon as it is created', () => {
    const ctx = start('Immediate');
    const c = claim(ctx, 'data');
    expect(getClaim(ctx, 'data').status?.phase).toBe('Bound');
    expect(getVolume(ctx, `pvc-${c.metadata.uid}`)?.spec?.nodeAffinity).toBeUndefined();
  });

  const staticCases: { name: string; claim: Partial<PersistentVolumeClaimSpec>; volumes: Record<string, Partial<PersistentVolumeSpec>>; want: string | undefined }[] = [
    { name: 'the smallest volume that fits wins', claim: { storageClassName: 'manual' }, volumes: { big: { capacity: { storage: '10Gi' } }, small: { capacity: { storage: '2Gi' } } }, want: 'small' },
    { name: 'a volume smaller than the request does not bind', claim: { storageClassName: 'manual', resources: { requests: { storage: '8Gi' } } }, volumes: { pv: {} }, want: undefined },
    { name: 'the storage class must match', claim: { storageClassName: 'fast' }, volumes: { pv: {} }, want: undefined },
    { name: 'the volume must offer every access mode the claim asks for', claim: { storageClassName: 'manual', accessModes: ['ReadWriteMany'] }, volumes: { pv: {} }, want: undefined },
    { name: 'a claim with class "" binds a volume without a class', claim: { storageClassName: '' }, volumes: { pv: { storageClassName: '' } }, want: 'pv' },
  ];
  for (const c of staticCases) {
    it(`static binding: ${c.name}`, () => {
      const ctx = start();
      for (const [name, spec] of Object.entries(c.volumes)) volume(ctx, name, spec);
      claim(ctx, 'task-pv-claim', c.claim);
      const got = getClaim(ctx, 'task-pv-claim');
      expect(got.spec?.volumeName).toBe(c.want);
      expect(got.status?.phase).toBe(c.want ? 'Bound' : 'Pending');
      if (c.want) expect(getVolume(ctx, c.want)?.status?.phase).toBe('Bound');
    });
  }

  it('a static volume the claim does not bind stays Available', () => {
    const ctx = start();
    volume(ctx, 'pv');
    expect(getVolume(ctx, 'pv')?.status?.phase).toBe('Available');
  });

  it('deleting a bound claim: a Retain volume becomes Released, a Delete volume is deleted', () => {
    const ctx = start();
    volume(ctx, 'kept', { persistentVolumeReclaimPolicy: 'Retain' });
    claim(ctx, 'one', { storageClassName: 'manual' });
    consumer(ctx, 'two');
    const two = claim(ctx, 'two');
    ctx.api.delete('PersistentVolumeClaim', 'default', 'one');
    ctx.api.delete('PersistentVolumeClaim', 'default', 'two');
    ctx.clock.flush();
    expect(getVolume(ctx, 'kept')?.status?.phase).toBe('Released');
    expect(getVolume(ctx, `pvc-${two.metadata.uid}`)).toBeUndefined();
  });

  it("the docs' StatefulSet runs on a fresh cluster: each pod's claim is provisioned by the default class and Bound", () => {
    const c = createCluster({ preset: 'default' });
    c.apply(`apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`);
    c.advance(120_000);
    const pods = c.api.peekList<Pod>('Pod', { namespace: 'default' });
    expect(pods.map((p) => [p.metadata.name, p.status?.phase])).toEqual([
      ['web-0', 'Running'],
      ['web-1', 'Running'],
    ]);
    for (const name of ['www-web-0', 'www-web-1']) {
      const pvc = c.api.peek<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)!;
      expect(pvc.status?.phase).toBe('Bound');
      expect(pvc.spec?.storageClassName).toBe('local-path');
    }
    expect(c.kubectl('get pvc').stdout.split('\n')[1]).toMatch(/^www-web-0\s+Bound\s+pvc-\S+\s+1Gi\s+RWO\s+local-path/);
  });
});
