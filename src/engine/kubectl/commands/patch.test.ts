import { describe, expect, it } from 'vitest';
import { jsonPatch, mergePatch, strategicMergePatch, type Json } from './patch';

const pod: Json = { spec: { containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'y:1' }], finalizers: ['f1'] } };

describe('patch types', () => {
  it('strategic merge merges containers by name and ports by containerPort, deletes with $patch', () => {
    const out = strategicMergePatch(pod, { spec: { containers: [{ name: 'a', ports: [{ containerPort: 443 }] }, { name: 'b', $patch: 'delete' }], finalizers: ['f2'] } });
    expect(out).toEqual({ spec: { containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 80 }, { containerPort: 443 }] }], finalizers: ['f1', 'f2'] } });
  });

  it('merge patch replaces lists and deletes keys set to null', () => {
    expect(mergePatch(pod, { spec: { containers: [{ name: 'c' }], finalizers: null } })).toEqual({ spec: { containers: [{ name: 'c' }] } });
  });

  it('JSON patch applies operations in order and fails a test that does not hold', () => {
    expect(jsonPatch({ a: [1, 2], b: 1 }, [{ op: 'add', path: '/a/-', value: 3 }, { op: 'move', from: '/b', path: '/c' }])).toEqual({ a: [1, 2, 3], c: 1 });
    expect(() => jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow('testing value /a failed');
    expect(() => jsonPatch({ a: 1 }, { op: 'add' })).toThrow('a JSON patch is a list of operations');
  });
});
