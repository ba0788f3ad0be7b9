import { describe, expect, it } from 'vitest';
import { newControllerContext } from '../../testing/controllerHarness';
import { createServiceAccountController } from './index';

describe('serviceaccount controller', () => {
  it('every namespace gets a default ServiceAccount, including new ones', () => {
    const ctx = newControllerContext();
    createServiceAccountController(ctx).boot();
    ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    ctx.clock.flush();
    for (const ns of ['default', 'kube-system', 'shop']) expect(ctx.api.peek('ServiceAccount', ns, 'default')).toBeDefined();
  });

  it('a deleted default ServiceAccount is made again', () => {
    const ctx = newControllerContext();
    createServiceAccountController(ctx).boot();
    ctx.clock.flush();
    const before = ctx.api.peek('ServiceAccount', 'default', 'default')!;
    ctx.api.delete('ServiceAccount', 'default', 'default');
    ctx.clock.flush();
    const after = ctx.api.peek('ServiceAccount', 'default', 'default');
    expect(after).toBeDefined();
    expect(after!.metadata.uid).not.toBe(before.metadata.uid);
  });
});
