import { describe, expect, it } from 'vitest';
import { computeLayout, workerColumns, workerHeight, type Box, type LayoutInput } from './layout';

const base: LayoutInput = {
  controlPlane: { name: 'control-plane', pods: 0, controllers: 8 },
  workers: [
    { name: 'worker-1', pods: 1 },
    { name: 'worker-2', pods: 1 },
    { name: 'worker-3', pods: 1 },
  ],
  deployments: ['default/web'],
  services: ['default/web'],
  pendingPods: 0,
};

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function byId(boxes: Box[], id: string): Box {
  const b = boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
}

describe('cluster layout', () => {
  it('a Deployment an HPA scales gets room for its badge: the next box moves down by it', () => {
    const two = { ...base, deployments: ['default/php-apache', 'default/web'] };
    const plain = byId(computeLayout(two), 'deployment:default/web').y;
    const withHpa = byId(computeLayout({ ...two, autoscaled: ['default/php-apache'] }), 'deployment:default/web').y;
    expect(withHpa - plain).toBe(30);
    const boxes = computeLayout({ ...two, autoscaled: ['default/php-apache'] });
    expect(overlaps(byId(boxes, 'deployment:default/php-apache'), byId(boxes, 'deployment:default/web'))).toBe(false);
  });

  it('the control plane sits top-left, the workers to its right, the Services under the workers', () => {
    const boxes = computeLayout(base);
    const cp = byId(boxes, 'control-plane');
    expect([cp.x, cp.y]).toEqual([0, 0]);
    const workers = boxes.filter((b) => b.type === 'worker');
    for (const w of workers) expect(w.x).toBeGreaterThan(cp.x + cp.width);
    const svc = byId(boxes, 'service:default/web');
    for (const w of workers) expect(svc.y).toBeGreaterThan(w.y + w.height);
  });

  it('three workers share one row, left to right by name', () => {
    const workers = computeLayout(base).filter((b) => b.type === 'worker');
    expect(new Set(workers.map((w) => w.y)).size).toBe(1);
    expect(workers.map((w) => w.name)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(workers[0]!.x).toBeLessThan(workers[1]!.x);
  });

  it('no two boxes overlap, with many nodes, pods and services', () => {
    const big: LayoutInput = {
      ...base,
      workers: Array.from({ length: 11 }, (_, i) => ({ name: `w-${String(i).padStart(2, '0')}`, pods: (i * 7) % 20 })),
      services: ['a/x', 'a/y', 'b/z'],
      deployments: ['a/x', 'a/y'],
      pendingPods: 5,
    };
    const boxes = computeLayout(big);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} / ${boxes[j]!.id}`).toBe(false);
  });

  it('a worker grows with its pods, so the row below moves down (re-layout when pods are added)', () => {
    const few = computeLayout({ ...base, workers: Array.from({ length: 8 }, (_, i) => ({ name: `w${i}`, pods: 1 })) });
    const many = computeLayout({ ...base, workers: Array.from({ length: 8 }, (_, i) => ({ name: `w${i}`, pods: i === 0 ? 12 : 1 })) });
    expect(workerHeight(12)).toBeGreaterThan(workerHeight(1));
    expect(byId(many, 'node:w5').y).toBeGreaterThan(byId(few, 'node:w5').y);
  });

  it('adding a node adds a box and keeps the others in place while the row has room', () => {
    const before = computeLayout(base);
    const after = computeLayout({ ...base, workers: [...base.workers, { name: 'worker-4', pods: 0 }] });
    expect(after.filter((b) => b.type === 'worker')).toHaveLength(4);
    expect(byId(after, 'node:worker-2').x).toBe(byId(before, 'node:worker-2').x);
  });

  const columns = [
    { n: 1, want: 1 },
    { n: 4, want: 4 },
    { n: 9, want: 3 },
    { n: 100, want: 10 },
  ];
  for (const c of columns) it(`${c.n} workers are laid out in ${c.want} columns`, () => expect(workerColumns(c.n)).toBe(c.want));

  it('the scheduling queue appears only while pods wait for a node', () => {
    expect(computeLayout(base).some((b) => b.type === 'pending')).toBe(false);
    expect(computeLayout({ ...base, pendingPods: 2 }).some((b) => b.type === 'pending')).toBe(true);
  });
});
