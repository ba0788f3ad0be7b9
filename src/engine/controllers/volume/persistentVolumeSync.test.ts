import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ControllerContext } from '../controllerRuntime';
import { eventMessages, newControllerContext } from '../../testing/controllerHarness';
import { CLAIM_PREFIX, PersistentVolumeSyncer, VOLUME_PREFIX } from './index';

function volume(ctx: ControllerContext, name: string, spec: PersistentVolume['spec'] = {}): void {
  ctx.api.create<PersistentVolume>({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, storageClassName: 'manual', ...spec },
  });
}

function claim(ctx: ControllerContext, name: string, storageClassName: string): void {
  ctx.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName },
  });
}

const getClaim = (ctx: ControllerContext, name: string) => ctx.api.peek<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)!;
const getVolume = (ctx: ControllerContext, name: string) => ctx.api.peek<PersistentVolume>('PersistentVolume', undefined, name);

describe('PersistentVolumeSyncer.sync alone', () => {
  it('a claim key binds the claim to a matching Available volume (made Available by its volume key), both sides Bound', () => {
    const ctx = newControllerContext();
    volume(ctx, 'pv-1');
    claim(ctx, 'data', 'manual');
    const syncer = new PersistentVolumeSyncer(ctx);
    syncer.sync(`${CLAIM_PREFIX}default/data`);
    expect(getClaim(ctx, 'data').spec?.volumeName).toBeUndefined();
    syncer.sync(`${VOLUME_PREFIX}pv-1`);
    syncer.sync(`${CLAIM_PREFIX}default/data`);
    expect(getClaim(ctx, 'data').spec?.volumeName).toBe('pv-1');
    expect(getClaim(ctx, 'data').status?.phase).toBe('Bound');
    expect(getVolume(ctx, 'pv-1')?.spec?.claimRef?.name).toBe('data');
    expect(getVolume(ctx, 'pv-1')?.status?.phase).toBe('Bound');
  });

  it('a claim without a class and no matching volume waits with FailedBinding', () => {
    const ctx = newControllerContext();
    claim(ctx, 'data', '');
    new PersistentVolumeSyncer(ctx).sync(`${CLAIM_PREFIX}default/data`);
    expect(getClaim(ctx, 'data').spec?.volumeName).toBeUndefined();
    expect(eventMessages(ctx, 'FailedBinding')).toEqual(['no persistent volumes available for this claim and no storage class is set']);
  });

  it('a claim of a class that does not exist is ProvisioningFailed', () => {
    const ctx = newControllerContext();
    claim(ctx, 'data', 'fast');
    new PersistentVolumeSyncer(ctx).sync(`${CLAIM_PREFIX}default/data`);
    expect(eventMessages(ctx, 'ProvisioningFailed')).toEqual(['storageclass.storage.k8s.io "fast" not found']);
  });

  it.each([
    { name: 'a volume whose claim is gone is Released under reclaimPolicy Retain', policy: 'Retain', want: 'Released' },
    { name: 'a volume whose claim is gone is deleted under reclaimPolicy Delete', policy: 'Delete', want: undefined },
  ])('$name', ({ policy, want }) => {
    const ctx = newControllerContext();
    volume(ctx, 'pv-1', { persistentVolumeReclaimPolicy: policy, claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'gone', uid: 'uid-of-gone' } });
    new PersistentVolumeSyncer(ctx).sync(`${VOLUME_PREFIX}pv-1`);
    expect(getVolume(ctx, 'pv-1')?.status?.phase).toBe(want);
  });

  it('a volume without a claimRef is Available', () => {
    const ctx = newControllerContext();
    volume(ctx, 'pv-1');
    new PersistentVolumeSyncer(ctx).sync(`${VOLUME_PREFIX}pv-1`);
    expect(getVolume(ctx, 'pv-1')?.status?.phase).toBe('Available');
  });
});
