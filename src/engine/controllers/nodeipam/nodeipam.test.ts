import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controllerRuntime';
import { newControllerContext } from '../../testing/controllerHarness';
import { CidrSet, createNodeIpamController } from './index';

const addNode = (ctx: ControllerContext, name: string, podCIDR?: string) =>
  ctx.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: podCIDR ? { podCIDR, podCIDRs: [podCIDR] } : {} });
const cidrOf = (ctx: ControllerContext, name: string) => ctx.api.peek<Node>('Node', undefined, name)?.spec?.podCIDR;

describe('node IPAM (range allocator, --cluster-cidr=10.244.0.0/16, /24 per node)', () => {
  it('assigns 10.244.<n>.0/24 in the order nodes register, in podCIDR and podCIDRs', () => {
    const ctx = newControllerContext();
    createNodeIpamController(ctx).boot();
    for (const n of ['control-plane', 'worker-1', 'worker-2']) addNode(ctx, n);
    ctx.clock.flush();
    expect(['control-plane', 'worker-1', 'worker-2'].map((n) => cidrOf(ctx, n))).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
    expect(ctx.api.peek<Node>('Node', undefined, 'worker-2')?.spec?.podCIDRs).toEqual(['10.244.2.0/24']);
  });

  it('a node that already has a podCIDR keeps it and the allocator skips it', () => {
    const ctx = newControllerContext();
    createNodeIpamController(ctx).boot();
    addNode(ctx, 'a', '10.244.0.0/24');
    addNode(ctx, 'b');
    ctx.clock.flush();
    expect(cidrOf(ctx, 'a')).toBe('10.244.0.0/24');
    expect(cidrOf(ctx, 'b')).toBe('10.244.1.0/24');
  });

  it('a deleted node releases its CIDR; allocation continues after the last one before reusing it', () => {
    const set = new CidrSet('10.244.0.0/16', 24);
    expect(set.maxCidrs).toBe(256);
    const a = set.allocateNext()!;
    set.allocateNext();
    set.release(a);
    expect(set.allocateNext()).toBe('10.244.2.0/24');
    for (let i = 3; i < 256; i++) set.allocateNext();
    expect(set.allocateNext()).toBe('10.244.0.0/24');
    expect(set.allocateNext()).toBeUndefined();
  });
});
