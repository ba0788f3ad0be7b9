import { describe, expect, it } from 'vitest';
import { ApiServer } from '../apiserver/apiserver';
import { VirtualClock } from '../clock/virtualClock';
import { SeededRandom } from '../clock/random';
import { CueBus } from '../cues';
import { ServiceProxy } from './serviceProxy';
import { ClusterDns, podFqdn, searchCandidates, serviceFqdn } from './dns';

function setup() {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new SeededRandom(7));
  for (const name of ['default', 'shop']) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const proxy = new ServiceProxy(api, new SeededRandom(3), new CueBus());
  const dns = new ClusterDns(api, proxy);
  api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.0.20', ports: [{ port: 80 }] } });
  api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'shop' }, spec: { clusterIP: 'None', ports: [{ port: 5432 }] } });
  return { api, proxy, dns };
}

function slice(name: string, service: string, namespace: string, endpoints: Array<{ ip: string; pod: string; ready: boolean; terminating?: boolean }>) {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    ports: [{ port: 8080, protocol: 'TCP' }],
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready, serving: e.ready || !!e.terminating, terminating: !!e.terminating },
      targetRef: { kind: 'Pod', name: e.pod, namespace },
    })),
  };
}

describe('kube-proxy routing', () => {
  it('spreads connections over ready endpoints only (a pod failing readiness gets no traffic)', () => {
    const { api, proxy } = setup();
    api.create(slice('web-abcde', 'web', 'default', [
      { ip: '10.244.1.2', pod: 'web-1', ready: true },
      { ip: '10.244.2.2', pod: 'web-2', ready: true },
      { ip: '10.244.3.2', pod: 'web-3', ready: false },
    ]));
    const hits = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const r = proxy.route('default', 'web');
      if (!r.ok) throw new Error('expected a backend');
      hits.set(r.backend.podName!, (hits.get(r.backend.podName!) ?? 0) + 1);
    }
    expect(hits.get('web-3')).toBeUndefined();
    expect(hits.get('web-1')).toBeGreaterThan(60);
    expect(hits.get('web-2')).toBeGreaterThan(60);
  });

  it('falls back to serving terminating endpoints when none is ready', () => {
    const { api, proxy } = setup();
    api.create(slice('web-abcde', 'web', 'default', [{ ip: '10.244.1.2', pod: 'web-1', ready: false, terminating: true }]));
    const r = proxy.route('default', 'web');
    expect(r.ok && r.backend.podName).toBe('web-1');
  });

  it('rejects the connection when a Service has no endpoints', () => {
    const { proxy } = setup();
    expect(proxy.route('default', 'web')).toMatchObject({ ok: false, reason: 'no-endpoints' });
    expect(proxy.route('default', 'nope')).toMatchObject({ ok: false, reason: 'no-service' });
  });

  it('forgets a deleted slice', () => {
    const { api, proxy } = setup();
    api.create(slice('web-abcde', 'web', 'default', [{ ip: '10.244.1.2', pod: 'web-1', ready: true }]));
    api.delete('EndpointSlice', 'default', 'web-abcde');
    expect(proxy.backends('default', 'web')).toEqual([]);
  });
});

describe('cluster DNS', () => {
  it.each([
    { name: 'short name resolves in the pod’s own namespace', query: 'web', from: 'default', want: ['10.96.0.20'] },
    { name: '<svc>.<ns> resolves across namespaces', query: 'web.default', from: 'shop', want: ['10.96.0.20'] },
    { name: 'the FQDN resolves from anywhere', query: 'web.default.svc.cluster.local', from: 'shop', want: ['10.96.0.20'] },
    { name: 'a short name does not cross namespaces', query: 'web', from: 'shop', want: undefined },
  ])('$name', ({ query, from, want }) => {
    const { dns } = setup();
    expect(dns.resolve(query, from)?.addresses).toEqual(want);
  });

  it('a headless Service answers with its ready pod IPs', () => {
    const { api, dns } = setup();
    api.create(slice('db-xyz', 'db', 'shop', [{ ip: '10.244.1.9', pod: 'db-0', ready: true }, { ip: '10.244.2.9', pod: 'db-1', ready: false }]));
    expect(dns.resolve('db', 'shop')).toMatchObject({ kind: 'headless-service', addresses: ['10.244.1.9'] });
  });

  it('names follow the DNS specification', () => {
    expect(serviceFqdn('web', 'default')).toBe('web.default.svc.cluster.local');
    expect(podFqdn('10.244.1.5', 'default')).toBe('10-244-1-5.default.pod.cluster.local');
    expect(searchCandidates('web', 'prod')[0]).toBe('web.prod.svc.cluster.local');
    expect(searchCandidates('web.default.svc.cluster.local.', 'prod')).toEqual(['web.default.svc.cluster.local']);
  });
});
