import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { NAME_SUFFIX_ALPHABET } from '../../clock/random';
import type { ControllerContext } from '../controllerRuntime';
import { newControllerContext } from '../../testing/controllerHarness';
import { createEndpointsController } from '../endpoints';
import { createNode, createPod, setPodReady, type PodOpts } from '../../testing/fakeNodes';
import { createEndpointSliceController, MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from './index';

function start(): ControllerContext {
  const ctx = newControllerContext();
  createNode(ctx, 'worker-1', { zone: 'zone-a' });
  createEndpointSliceController(ctx).boot();
  createEndpointsController(ctx).boot();
  ctx.clock.flush();
  return ctx;
}

function createService(ctx: ControllerContext, name = 'web', spec: Partial<Service['spec']> = {}): void {
  ctx.api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', labels: { tier: 'frontend' } },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
  });
  ctx.clock.flush();
}

function slices(ctx: ControllerContext, svc = 'web') {
  return ctx.api.peekList<EndpointSlice>('EndpointSlice', { namespace: 'default' }).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc);
}

function endpointsByPod(ctx: ControllerContext, svc = 'web') {
  const out = new Map<string, { ready?: boolean; serving?: boolean; terminating?: boolean }>();
  for (const s of slices(ctx, svc)) for (const ep of s.endpoints) out.set(ep.targetRef!.name!, { ...ep.conditions });
  return out;
}

describe('EndpointSlice conditions (endpointslice utils.podToEndpoint)', () => {
  const cases: { name: string; pod: PodOpts; terminating?: boolean; publishNotReady?: boolean; want: { ready: boolean; serving: boolean; terminating: boolean } | null }[] = [
    { name: 'a Ready pod is a ready, serving endpoint', pod: {}, want: { ready: true, serving: true, terminating: false } },
    { name: 'a pod that is not Ready is listed but not ready', pod: { ready: false }, want: { ready: false, serving: false, terminating: false } },
    { name: 'a terminating Ready pod is serving and terminating but never ready', pod: {}, terminating: true, want: { ready: false, serving: true, terminating: true } },
    { name: 'a pod without an IP is not an endpoint', pod: { ip: null }, want: null },
    { name: 'a Succeeded pod is not an endpoint', pod: { phase: 'Succeeded' }, want: null },
    { name: 'publishNotReadyAddresses makes a not-Ready pod ready', pod: { ready: false }, publishNotReady: true, want: { ready: true, serving: true, terminating: false } },
    { name: 'a pod the selector does not match is not an endpoint', pod: { labels: { app: 'db' } }, want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ctx = start();
      createService(ctx, 'web', c.publishNotReady ? { publishNotReadyAddresses: true } : {});
      createPod(ctx, 'web-1', 'worker-1', c.pod);
      if (c.terminating) ctx.api.delete('Pod', 'default', 'web-1');
      ctx.clock.flush();
      const got = endpointsByPod(ctx).get('web-1') ?? null;
      expect(got).toEqual(c.want);
    });
  }
});

describe('EndpointSlice controller', () => {
  it('names slices <service>-<5 chars>, labels, owns them, and fills nodeName, zone, targetRef and ports', () => {
    const ctx = start();
    createService(ctx);
    const pod = createPod(ctx, 'web-1', 'worker-1', { ip: '10.244.1.5' });
    ctx.clock.flush();
    const [slice, ...rest] = slices(ctx);
    expect(rest).toHaveLength(0);
    expect(slice!.metadata.name).toMatch(new RegExp(`^web-[${NAME_SUFFIX_ALPHABET}]{5}$`));
    expect(slice!.metadata.labels).toMatchObject({ [SERVICE_NAME_LABEL]: 'web', [MANAGED_BY_LABEL]: 'endpointslice-controller.k8s.io', tier: 'frontend' });
    expect(slice!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(slice!.endpoints).toEqual([
      {
        addresses: ['10.244.1.5'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'worker-1',
        zone: 'zone-a',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: pod.metadata.uid },
      },
    ]);
  });

  it('a pod failing readiness stays in the slice with ready=false (and leaves Endpoints addresses)', () => {
    const ctx = start();
    createService(ctx);
    createPod(ctx, 'web-1', 'worker-1', { ip: '10.244.1.5' });
    createPod(ctx, 'web-2', 'worker-1', { ip: '10.244.1.6' });
    ctx.clock.flush();
    setPodReady(ctx, 'default', 'web-2', false);
    ctx.clock.flush();
    expect(endpointsByPod(ctx).get('web-2')).toEqual({ ready: false, serving: false, terminating: false });
    const ep = ctx.api.peek<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.244.1.5']);
    expect(ep.subsets?.[0]?.notReadyAddresses?.map((a) => a.ip)).toEqual(['10.244.1.6']);
    setPodReady(ctx, 'default', 'web-2', true);
    ctx.clock.flush();
    expect(endpointsByPod(ctx).get('web-2')?.ready).toBe(true);
  });

  it('a named targetPort resolves per pod; pods resolving to different ports get different slices', () => {
    const ctx = start();
    createService(ctx, 'web', { ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    createPod(ctx, 'web-1', 'worker-1', { ports: [{ name: 'http', containerPort: 8080 }] });
    createPod(ctx, 'web-2', 'worker-1', { ports: [{ name: 'http', containerPort: 9090 }] });
    createPod(ctx, 'web-3', 'worker-1', { ports: [{ name: 'http', containerPort: 8080 }] });
    ctx.clock.flush();
    const byPort = new Map(slices(ctx).map((s) => [s.ports?.[0]?.port, s.endpoints.map((e) => e.targetRef?.name).sort()]));
    expect(byPort).toEqual(
      new Map([
        [8080, ['web-1', 'web-3']],
        [9090, ['web-2']],
      ]),
    );
    expect(slices(ctx)[0]!.ports?.[0]?.name).toBe('http');
  });

  it('a slice holds at most 100 endpoints (--max-endpoints-per-slice)', () => {
    const ctx = start();
    createService(ctx);
    for (let i = 0; i < 250; i++) createPod(ctx, `web-${i}`, 'worker-1', { ip: `10.244.${1 + Math.floor(i / 200)}.${(i % 200) + 2}` });
    ctx.clock.flush();
    expect(slices(ctx).map((s) => s.endpoints.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
  });

  it('a Service whose selector matches nothing keeps one empty placeholder slice', () => {
    const ctx = start();
    createService(ctx);
    const [slice, ...rest] = slices(ctx);
    expect(rest).toHaveLength(0);
    expect(slice!.endpoints).toEqual([]);
    expect(slice!.ports).toBeUndefined();
  });

  it('a Service without a selector gets no slices from the controller', () => {
    const ctx = start();
    createService(ctx, 'external', { selector: undefined });
    expect(slices(ctx, 'external')).toHaveLength(0);
    expect(ctx.api.peek('Endpoints', 'default', 'external')).toBeUndefined();
  });

  it('a slice deleted by hand is made again', () => {
    const ctx = start();
    createService(ctx);
    createPod(ctx, 'web-1', 'worker-1');
    ctx.clock.flush();
    ctx.api.delete('EndpointSlice', 'default', slices(ctx)[0]!.metadata.name);
    ctx.clock.flush();
    expect(slices(ctx)).toHaveLength(1);
    expect(endpointsByPod(ctx).has('web-1')).toBe(true);
  });
});

describe('Endpoints controller (legacy Endpoints object)', () => {
  it('lists ready addresses sorted by IP with the resolved port and targetRef, terminating pods left out', () => {
    const ctx = start();
    createService(ctx);
    createPod(ctx, 'web-b', 'worker-1', { ip: '10.244.2.3' });
    createPod(ctx, 'web-a', 'worker-1', { ip: '10.244.1.5' });
    createPod(ctx, 'web-c', 'worker-1', { ip: '10.244.1.9' });
    ctx.api.delete('Pod', 'default', 'web-c');
    ctx.clock.flush();
    const ep = ctx.api.peek<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.metadata.labels).toEqual({ tier: 'frontend' });
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0]!.addresses!.map((a) => `${a.ip}@${a.nodeName}/${a.targetRef?.name}`)).toEqual(['10.244.1.5@worker-1/web-a', '10.244.2.3@worker-1/web-b']);
    expect(ep.subsets![0]!.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(ep.subsets![0]!.notReadyAddresses).toBeUndefined();
  });

  it('a Service with no matching pods has an Endpoints object without subsets', () => {
    const ctx = start();
    createService(ctx);
    const ep = ctx.api.peek<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.subsets).toBeUndefined();
  });

  it('deleting the Service deletes its Endpoints', () => {
    const ctx = start();
    createService(ctx);
    ctx.api.delete('Service', 'default', 'web');
    ctx.clock.flush();
    expect(ctx.api.peek('Endpoints', 'default', 'web')).toBeUndefined();
  });

  it('pods of other namespaces are not endpoints', () => {
    const ctx = start();
    ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    createService(ctx);
    createPod(ctx, 'web-x', 'worker-1', { namespace: 'other' });
    ctx.clock.flush();
    expect(ctx.api.peek<Endpoints>('Endpoints', 'default', 'web')!.subsets).toBeUndefined();
    expect(ctx.api.peekList<Pod>('Pod', { namespace: 'other' })).toHaveLength(1);
  });
});
