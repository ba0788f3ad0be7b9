import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../engine/objects';
import type { ObjectChange } from '../worker/protocol';
import { MAX_MIRRORED_EVENTS, applyChanges, type ObjectsByKind } from './mirror';

function obj(kind: string, name: string, rv: number, namespace: string | null = 'default', extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, resourceVersion: String(rv), ...(namespace ? { namespace } : {}) }, ...extra };
}

function change(type: ObjectChange['type'], o: KubeObject): ObjectChange {
  return {
    type,
    kind: o.kind,
    name: o.metadata.name!,
    resourceVersion: o.metadata.resourceVersion!,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    ...(type === 'deleted' ? {} : { object: o }),
  };
}

describe('cluster mirror reducer', () => {
  it('added objects are stored by kind and namespace/name', () => {
    const s = applyChanges({}, [change('added', obj('Pod', 'a', 2)), change('added', obj('Node', 'worker-1', 3, null))], false);
    expect(Object.keys(s['Pod'] ?? {})).toEqual(['default/a']);
    expect(Object.keys(s['Node'] ?? {})).toEqual(['worker-1']);
  });

  it('modified replaces the object; deleted removes it', () => {
    let s = applyChanges({}, [change('added', obj('Pod', 'a', 2)), change('added', obj('Pod', 'b', 3))], false);
    s = applyChanges(s, [change('modified', obj('Pod', 'a', 4, 'default', { status: { phase: 'Running' } })), change('deleted', obj('Pod', 'b', 5))], false);
    expect(s['Pod']?.['default/a']?.status).toEqual({ phase: 'Running' });
    expect(s['Pod']?.['default/b']).toBeUndefined();
  });

  it('kinds a batch does not touch keep their identity (no re-render for unrelated kinds)', () => {
    const s1 = applyChanges({}, [change('added', obj('Pod', 'a', 2)), change('added', obj('Node', 'n', 3, null))], false);
    const s2 = applyChanges(s1, [change('modified', obj('Pod', 'a', 4))], false);
    expect(s2['Node']).toBe(s1['Node']);
    expect(s2['Pod']).not.toBe(s1['Pod']);
  });

  it('a stale modified (older resourceVersion) does not roll an object back', () => {
    const s1 = applyChanges({}, [change('added', obj('Pod', 'a', 10))], false);
    const s2 = applyChanges(s1, [change('modified', obj('Pod', 'a', 7))], false);
    expect(s2['Pod']?.['default/a']?.metadata.resourceVersion).toBe('10');
  });

  it('deleting an unknown object changes nothing', () => {
    const s1: ObjectsByKind = applyChanges({}, [change('added', obj('Pod', 'a', 2))], false);
    const s2 = applyChanges(s1, [change('deleted', obj('Pod', 'zzz', 3))], false);
    expect(s2['Pod']).toBe(s1['Pod']);
  });

  it('replace starts from an empty mirror (reset, restore)', () => {
    const s1 = applyChanges({}, [change('added', obj('Pod', 'a', 2)), change('added', obj('Node', 'n', 3, null))], false);
    const s2 = applyChanges(s1, [change('added', obj('Pod', 'b', 2))], true);
    expect(Object.keys(s2)).toEqual(['Pod']);
    expect(Object.keys(s2['Pod'] ?? {})).toEqual(['default/b']);
  });

  it('does not mutate the previous state', () => {
    const s1 = applyChanges({}, [change('added', obj('Pod', 'a', 2))], false);
    const before = JSON.stringify(s1);
    applyChanges(s1, [change('deleted', obj('Pod', 'a', 3)), change('added', obj('Pod', 'c', 4))], false);
    expect(JSON.stringify(s1)).toBe(before);
  });

  it('keeps the newest events only, once a flood goes a quarter over the limit', () => {
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString();
    const flood = Array.from({ length: Math.ceil(MAX_MIRRORED_EVENTS * 1.25) + 1 }, (_, i) => change('added', obj('Event', `e${i}`, i + 1, 'default', { lastTimestamp: at(i) })));
    const s = applyChanges({}, flood, false);
    const kept = Object.keys(s['Event'] ?? {});
    expect(kept).toHaveLength(MAX_MIRRORED_EVENTS);
    expect(kept).toContain(`default/e${flood.length - 1}`);
    expect(kept).not.toContain('default/e0');
  });
});
