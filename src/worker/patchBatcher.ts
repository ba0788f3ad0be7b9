/**
 * Collects the API server's watch events between two frames and turns them into the smallest list of
 * object changes that brings the UI's mirror from the old state to the new one. An object written ten
 * times in a frame is sent once (its latest version); an object created and deleted within the frame
 * is not sent at all. Order of first appearance is kept, so a batch reads like the watch stream.
 * A drain may be capped (`limit`): what is left stays pending, goes on coalescing, and is sent first
 * next time, so a burst (10,000 pods coming up) reaches the page at a bounded rate and the page's
 * mirror catches up a little later instead of drowning.
 */
import type { KubeObject } from '../engine/objects';
import type { ObjectChange } from './protocol';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchedObject extends KubeObject {
  metadata: KubeObject['metadata'] & { name: string; resourceVersion: string; uid?: string };
}

interface Pending {
  /** Whether the mirror holds the object at the start of the batch. */
  existedBefore: boolean;
  /** uid the mirror holds (when existedBefore), to tell an update from a delete-and-recreate. */
  uidBefore: string | undefined;
  latest: WatchedObject | undefined;
  lastResourceVersion: string;
  kind: string;
  namespace: string | undefined;
  name: string;
}

export function changeKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}|${namespace}/${name}` : `${kind}|${name}`;
}

export class PatchBatcher {
  private pending = new Map<string, Pending>();

  /** Records one watch event; `object` is the object after the write (for DELETED: its last state). */
  record(type: WatchEventType, object: WatchedObject): void {
    const { namespace, name, resourceVersion, uid } = object.metadata;
    const key = changeKey(object.kind, namespace, name);
    let p = this.pending.get(key);
    if (!p) {
      // The first event of the batch tells what the mirror holds: ADDED means nothing yet.
      p = {
        existedBefore: type !== 'ADDED',
        uidBefore: type !== 'ADDED' ? uid : undefined,
        latest: undefined,
        lastResourceVersion: resourceVersion,
        kind: object.kind,
        namespace,
        name,
      };
      this.pending.set(key, p);
    }
    p.latest = type === 'DELETED' ? undefined : object;
    p.lastResourceVersion = resourceVersion;
  }

  get size(): number {
    return this.pending.size;
  }

  /** The coalesced changes since the last drain (at most `limit` of them, oldest first); the rest stay pending. */
  drain(limit = Infinity): ObjectChange[] {
    const out: ObjectChange[] = [];
    for (const [key, p] of this.pending) {
      if (out.length >= limit) break;
      this.pending.delete(key);
      const base = { kind: p.kind, name: p.name, resourceVersion: p.lastResourceVersion, ...(p.namespace !== undefined ? { namespace: p.namespace } : {}) };
      if (p.latest) {
        const recreated = !p.existedBefore || p.latest.metadata.uid !== p.uidBefore;
        out.push({ ...base, type: recreated ? 'added' : 'modified', object: p.latest });
      } else if (p.existedBefore) {
        out.push({ ...base, type: 'deleted' });
      }
      // Created and deleted within one batch: the mirror never needs to know.
    }
    return out;
  }
}

/** The initial list (or the list after reset/restore): every object as `added`. */
export function listAsChanges(objects: Iterable<WatchedObject>): ObjectChange[] {
  const out: ObjectChange[] = [];
  for (const o of objects) {
    out.push({
      type: 'added',
      kind: o.kind,
      name: o.metadata.name,
      resourceVersion: o.metadata.resourceVersion,
      ...(o.metadata.namespace !== undefined ? { namespace: o.metadata.namespace } : {}),
      object: o,
    });
  }
  return out;
}
