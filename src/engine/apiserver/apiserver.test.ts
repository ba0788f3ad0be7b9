import { describe, expect, it } from 'vitest';
import { ApiServer } from './apiserver';
import type { ApiError } from './errors';
import { VirtualClock } from '../clock/virtualClock';
import { SeededRandom } from '../clock/random';
import { matchesLabelSelector, parseSelector, matchesSelector } from './labels';

function fresh() {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new SeededRandom(1));
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { clock, api };
}

const cm = (name: string, data: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

describe('ApiServer storage', () => {
  it('assigns uid, resourceVersion, creationTimestamp on create; generation 1 only where the strategy keeps one', () => {
    const { api } = fresh();
    const obj = api.create(cm('a'));
    const deploy = api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    expect(deploy.metadata.generation).toBe(1);
    expect(obj.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(obj.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(obj.metadata.generation).toBeUndefined();
    expect(obj.metadata.namespace).toBe('default');
  });

  it('resourceVersion grows with every write', () => {
    const { api } = fresh();
    const a = api.create(cm('a'));
    const b = api.update({ ...a, data: { k: 'v' } });
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
  });

  it('a write with a stale resourceVersion is a Conflict', () => {
    const { api } = fresh();
    const a = api.create(cm('a'));
    api.update({ ...a, data: { k: '1' } });
    expect(() => api.update({ ...a, data: { k: '2' } })).toThrow(/Operation cannot be fulfilled on configmaps "a": the object has been modified/);
  });

  it('generation bumps on spec changes only, and a status write keeps spec', () => {
    const { api } = fresh();
    const d = api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1 } });
    const s = api.updateStatus({ ...d, status: { replicas: 1 } });
    expect(s.metadata.generation).toBe(1);
    const u = api.update({ ...s, spec: { replicas: 3 } });
    expect(u.metadata.generation).toBe(2);
    expect((u as { status?: unknown }).status).toEqual({ replicas: 1 });
  });

  it('a no-op update stores nothing and emits nothing', () => {
    const { api } = fresh();
    const a = api.create(cm('a', { k: 'v' }));
    const seen: string[] = [];
    api.watch('ConfigMap', (e) => seen.push(e.type));
    const b = api.update({ ...a, data: { k: 'v' } });
    expect(b.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
    expect(seen).toEqual([]);
  });

  it('duplicate names are AlreadyExists, missing objects NotFound, with kubectl’s wording', () => {
    const { api } = fresh();
    api.create(cm('a'));
    expect(() => api.create(cm('a'))).toThrow('configmaps "a" already exists');
    try {
      api.delete('ConfigMap', 'default', 'zzz');
    } catch (e) {
      expect((e as ApiError).toKubectlMessage()).toBe('Error from server (NotFound): configmaps "zzz" not found');
    }
  });

  it('generateName appends five characters from the Kubernetes alphabet', () => {
    const { api } = fresh();
    const obj = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-' } });
    expect(obj.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('objects in a namespace that does not exist are refused (NamespaceLifecycle)', () => {
    const { api } = fresh();
    expect(() => api.create({ ...cm('a'), metadata: { name: 'a', namespace: 'nope' } })).toThrow('namespaces "nope" not found');
  });

  it('names must be DNS-1123 subdomains', () => {
    const { api } = fresh();
    expect(() => api.create(cm('Bad_Name'))).toThrow(/ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it('unknown kinds are refused with the API server’s message', () => {
    const { api } = fresh();
    expect(() => api.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toThrow('no matches for kind "Widget" in version "example.com/v1"');
  });

  it('a bound pod is deleted gracefully: marked with deletionTimestamp first', () => {
    const { api } = fresh();
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n1', containers: [] } });
    const marked = api.delete('Pod', 'default', 'p');
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(api.peek('Pod', 'default', 'p')).toBeDefined();
    api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 });
    expect(api.peek('Pod', 'default', 'p')).toBeUndefined();
  });

  it('orphan deletion strips the owner reference from dependents', () => {
    const { api } = fresh();
    const owner = api.create(cm('owner'));
    api.create({ ...cm('dep'), metadata: { name: 'dep', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid, controller: true }] } });
    expect(api.dependentsOf(owner.metadata.uid)).toHaveLength(1);
    api.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Orphan' });
    expect(api.peek('ConfigMap', 'default', 'dep')?.metadata.ownerReferences).toBeUndefined();
  });

  it('a stopped API server refuses connections like a real one', () => {
    const { api } = fresh();
    api.setAvailable(false);
    expect(() => api.list('Pod')).toThrow(/The connection to the server .* was refused/);
  });
});

describe('label selectors', () => {
  it.each([
    { name: 'equality', sel: 'app=web', labels: { app: 'web' }, want: true },
    { name: 'inequality excludes', sel: 'app!=web', labels: { app: 'web' }, want: false },
    { name: 'inequality matches missing key', sel: 'app!=web', labels: {}, want: true },
    { name: 'set-based in', sel: 'env in (prod, staging)', labels: { env: 'staging' }, want: true },
    { name: 'set-based notin', sel: 'env notin (prod)', labels: { env: 'prod' }, want: false },
    { name: 'exists', sel: 'tier', labels: { tier: 'x' }, want: true },
    { name: 'does not exist', sel: '!tier', labels: { tier: 'x' }, want: false },
    { name: 'all requirements must hold', sel: 'app=web,tier=db', labels: { app: 'web', tier: 'fe' }, want: false },
  ])('$name', ({ sel, labels, want }) => expect(matchesSelector(parseSelector(sel), labels as Record<string, string>)).toBe(want));

  it('a nil LabelSelector matches nothing, an empty one everything', () => {
    expect(matchesLabelSelector(undefined, { a: 'b' })).toBe(false);
    expect(matchesLabelSelector({}, { a: 'b' })).toBe(true);
  });
});
