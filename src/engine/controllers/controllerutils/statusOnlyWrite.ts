/**
 * Whether a watch event is a write that changed only an object's status (a controller's own status
 * update: ApiServer.updateStatus spreads the stored object, so the spec is shared by reference). Such a
 * write needs no new sync of the object's own controller.
 */
import type { Stored } from '../../objects';

export function isStatusOnlyWrite(old: Stored, cur: Stored): boolean {
  return (
    (old as { spec?: unknown }).spec === (cur as { spec?: unknown }).spec &&
    old.metadata.ownerReferences === cur.metadata.ownerReferences &&
    old.metadata.labels === cur.metadata.labels &&
    old.metadata.deletionTimestamp === cur.metadata.deletionTimestamp
  );
}
