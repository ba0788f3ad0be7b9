import { describe, expect, it } from 'vitest';
import type { ConceptNode } from '../../engine/concepts/types';
import { ErasModel } from '../../engine/concepts/eras/model';
import { layoutConcept } from './conceptLayout';

const n = (id: string, kind: ConceptNode['kind'], parent?: string): ConceptNode => ({ id, kind, label: id, ...(parent ? { parent } : {}) });

describe('concept layout', () => {
  it('lanes stand side by side without overlapping', () => {
    const placed = layoutConcept([n('a', 'lane'), n('b', 'lane'), n('h', 'host', 'a')]);
    const a = placed.find((p) => p.node.id === 'a')!;
    const b = placed.find((p) => p.node.id === 'b')!;
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    expect(b.y).toBe(a.y);
  });

  it('a parent grows to hold its children, and comes before them', () => {
    const placed = layoutConcept([n('p1', 'process', 'h'), n('h', 'host'), n('p2', 'process', 'h'), n('p3', 'process', 'h')]);
    expect(placed.map((p) => p.node.id)[0]).toBe('h');
    const host = placed[0]!;
    for (const p of placed.slice(1)) {
      expect(p.x + p.width).toBeLessThanOrEqual(host.width);
      expect(p.y + p.height).toBeLessThanOrEqual(host.height);
    }
    // Hosts put two side by side: the third starts a new row.
    const [p1, p2, p3] = ['p1', 'p2', 'p3'].map((id) => placed.find((p) => p.node.id === id)!);
    expect(p2!.y).toBe(p1!.y);
    expect(p3!.y).toBeGreaterThan(p1!.y);
  });

  it('a kernel with nothing inside is a base bar across the bottom of its host', () => {
    const placed = layoutConcept([n('h', 'host'), n('c1', 'container', 'h'), n('c2', 'container', 'h'), n('k', 'kernel', 'h')]);
    const host = placed.find((p) => p.node.id === 'h')!;
    const k = placed.find((p) => p.node.id === 'k')!;
    const c1 = placed.find((p) => p.node.id === 'c1')!;
    expect(k.base).toBe(true);
    expect(k.y).toBeGreaterThan(c1.y + c1.height - 1);
    expect(k.width).toBeGreaterThan(c1.width * 2);
    expect(k.x + k.width).toBeLessThanOrEqual(host.width);
  });

  it('siblings never overlap, for every node of a real scenario view', () => {
    const placed = layoutConcept(new ErasModel(1).view().nodes);
    const byParent = new Map<string, typeof placed>();
    for (const p of placed) {
      const key = p.node.parent ?? '';
      byParent.set(key, [...(byParent.get(key) ?? []), p]);
    }
    for (const list of byParent.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap, `${a.node.id} overlaps ${b.node.id}`).toBe(false);
        }
      }
    }
  });

  it('a child whose parent is missing is drawn at the top level, not lost', () => {
    const placed = layoutConcept([n('orphan', 'process', 'nowhere')]);
    expect(placed.map((p) => p.node.id)).toEqual(['orphan']);
  });
});
