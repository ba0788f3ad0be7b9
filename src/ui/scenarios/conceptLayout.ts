/**
 * Where each concept node goes, computed from `parent` alone (nothing is hand placed): children sit in
 * a grid inside their parent, which grows to hold them; top-level nodes (the lanes) stand side by side.
 * A kernel, hypervisor or guest OS with nothing inside it is drawn as a base bar across the bottom of
 * its parent: the layer everything above it runs on.
 */
import type { ConceptNode, ConceptNodeKind } from '../../engine/concepts/types';

export interface PlacedNode {
  node: ConceptNode;
  /** Relative to the parent's top-left corner (absolute for top-level nodes). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn as a full-width base layer at the bottom of its parent. */
  base: boolean;
}

export const PAD = 10;
export const GAP = 10;
export const LANE_GAP = 36;
const TITLE_H = 36;
const FACT_H = 22;
const BAR_H = 24;
const MAX_FACT_LINES = 4;

const LEAF_WIDTH: Record<ConceptNodeKind, number> = {
  lane: 260,
  host: 220,
  hypervisor: 200,
  'guest-os': 190,
  vm: 190,
  kernel: 190,
  container: 220,
  process: 220,
  namespace: 250,
  'cgroup-bar': 190,
  'image-layer': 250,
  registry: 220,
  module: 180,
  service: 190,
  request: 140,
  step: 220,
  loop: 220,
  machine: 220,
};

/** How many children a parent of this kind puts side by side before starting a new row. */
const COLUMNS: Partial<Record<ConceptNodeKind, number>> = {
  lane: 1,
  host: 2,
  machine: 2,
  hypervisor: 2,
  vm: 1,
  container: 2,
  kernel: 3,
  registry: 1,
};
const DEFAULT_COLUMNS = 3;

const BASE_KINDS = new Set<ConceptNodeKind>(['kernel', 'hypervisor', 'guest-os']);

function factLines(node: ConceptNode): number {
  return Math.min(MAX_FACT_LINES, Object.keys(node.facts ?? {}).length);
}

/** The height of a node's own heading: its title, its facts and its bar. */
export function headHeight(node: ConceptNode): number {
  return TITLE_H + FACT_H * factLines(node) + (node.bar ? BAR_H : 0);
}

export function layoutConcept(nodes: readonly ConceptNode[]): PlacedNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | undefined, ConceptNode[]>();
  for (const n of nodes) {
    // A parent the view does not contain would hide its child: draw the child at the top level instead.
    const parent = n.parent !== undefined && ids.has(n.parent) && n.parent !== n.id ? n.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const placed = new Map<string, PlacedNode>();
  const visiting = new Set<string>();

  /** Sizes `node` (its subtree laid out inside it) and records its children's positions. */
  function size(node: ConceptNode, isBase: boolean): { width: number; height: number } {
    if (visiting.has(node.id)) return { width: LEAF_WIDTH[node.kind], height: headHeight(node) };
    visiting.add(node.id);
    const kids = children.get(node.id) ?? [];
    const head = headHeight(node);
    if (kids.length === 0) {
      visiting.delete(node.id);
      const s = { width: LEAF_WIDTH[node.kind], height: head };
      placed.set(node.id, { node, x: 0, y: 0, ...s, base: isBase });
      return s;
    }
    const bases = kids.filter((k) => BASE_KINDS.has(k.kind) && !(children.get(k.id)?.length));
    const grid = kids.filter((k) => !bases.includes(k));
    const cols = Math.max(1, COLUMNS[node.kind] ?? DEFAULT_COLUMNS);
    const sizes = new Map(grid.map((k) => [k.id, size(k, false)]));
    // Column widths and row heights of a simple grid.
    const colW: number[] = [];
    const rowH: number[] = [];
    grid.forEach((k, i) => {
      const s = sizes.get(k.id)!;
      const c = i % cols;
      const r = Math.floor(i / cols);
      colW[c] = Math.max(colW[c] ?? 0, s.width);
      rowH[r] = Math.max(rowH[r] ?? 0, s.height);
    });
    const gridW = colW.reduce((a, b) => a + b, 0) + GAP * Math.max(0, colW.length - 1);
    const gridH = rowH.reduce((a, b) => a + b, 0) + GAP * Math.max(0, rowH.length - 1);
    const baseSizes = bases.map((b) => size(b, true));
    const innerW = Math.max(gridW, ...baseSizes.map((s) => s.width), LEAF_WIDTH[node.kind] - 2 * PAD);
    let y = head;
    grid.forEach((k, i) => {
      const c = i % cols;
      const r = Math.floor(i / cols);
      const x = PAD + colW.slice(0, c).reduce((a, b) => a + b, 0) + GAP * c;
      const yy = head + rowH.slice(0, r).reduce((a, b) => a + b, 0) + GAP * r;
      const p = placed.get(k.id)!;
      placed.set(k.id, { ...p, x, y: yy });
    });
    y = head + gridH + (grid.length > 0 ? GAP : 0);
    bases.forEach((b, i) => {
      const p = placed.get(b.id)!;
      placed.set(b.id, { ...p, x: PAD, y, width: innerW });
      y += baseSizes[i]!.height + GAP;
    });
    visiting.delete(node.id);
    const s = { width: innerW + 2 * PAD, height: y - GAP + PAD };
    placed.set(node.id, { node, x: 0, y: 0, ...s, base: isBase });
    return s;
  }

  let x = 0;
  for (const root of children.get(undefined) ?? []) {
    const s = size(root, false);
    const p = placed.get(root.id)!;
    placed.set(root.id, { ...p, x, y: 0 });
    x += s.width + LANE_GAP;
  }
  // Parents before children, as React Flow wants them.
  const out: PlacedNode[] = [];
  const walk = (parent: string | undefined) => {
    for (const n of children.get(parent) ?? []) {
      const p = placed.get(n.id);
      if (!p) continue;
      out.push(p);
      walk(n.id);
    }
  };
  walk(undefined);
  return out;
}
