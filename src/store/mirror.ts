/**
 * The cluster mirror's reducer: objects by kind → `namespace/name` → object, updated from the worker's
 * patches. Pure and structurally shared: a batch copies only the kinds it touches, so a component that
 * selects Nodes does not re-render when only Pods changed.
 */
import { objectKey, type KubeObject } from '../engine/objects';
import type { ObjectChange } from '../worker/protocol';

export type ObjectsOfKind = Readonly<Record<string, KubeObject>>;
export type ObjectsByKind = Readonly<Record<string, ObjectsOfKind>>;

export const EMPTY_KIND: ObjectsOfKind = Object.freeze({});

function rvNumber(rv: string | undefined): number {
  const n = Number(rv);
  return Number.isFinite(n) ? n : 0;
}

export function applyChanges(state: ObjectsByKind, changes: readonly ObjectChange[], replace: boolean): ObjectsByKind {
  const next: Record<string, Record<string, KubeObject>> = replace ? {} : { ...state };
  const copied = new Set<string>();
  const writable = (kind: string): Record<string, KubeObject> => {
    if (!copied.has(kind)) {
      next[kind] = { ...(next[kind] ?? {}) };
      copied.add(kind);
    }
    return next[kind]!;
  };
  for (const c of changes) {
    const key = objectKey(c.namespace, c.name);
    if (c.type === 'deleted') {
      if (next[c.kind]?.[key] === undefined) continue;
      delete writable(c.kind)[key];
      continue;
    }
    if (!c.object) continue;
    const held = next[c.kind]?.[key];
    // A late patch must not roll an object back to an older version.
    if (held && c.type === 'modified' && rvNumber(held.metadata.resourceVersion) > rvNumber(c.resourceVersion)) continue;
    writable(c.kind)[key] = c.object;
  }
  return next;
}
