/**
 * "Edit" in the inspector, as `kubectl edit` does it: fetch the live object's YAML from the worker and
 * open it in the editor; saving that file replaces the object. Reopening the same object refreshes its
 * file instead of adding another.
 */
import type { ObjectRef } from '../../store/uiStore';
import { sameRef } from '../../store/uiStore';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { simClient } from '../../client/simClient';

export function editFileName(ref: ObjectRef): string {
  return `${ref.kind.toLowerCase()}-${ref.name}.yaml`;
}

export async function openLiveObject(ref: ObjectRef): Promise<void> {
  const text = await simClient.request({ type: 'editable', kind: ref.kind, ...(ref.namespace ? { namespace: ref.namespace } : {}), name: ref.name });
  const store = useWorkbenchStore.getState();
  const existing = store.files.find((f) => f.edits && sameRef(f.edits, ref));
  if (existing) {
    store.setText(existing.name, text);
    store.setActive(existing.name);
  } else {
    store.addFile(editFileName(ref), text, { kind: ref.kind, ...(ref.namespace ? { namespace: ref.namespace } : {}), name: ref.name });
  }
  store.show('editor');
}
