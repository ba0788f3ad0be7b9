/**
 * An object as `kubectl edit` opens it, less what the user cannot write: the editor's "edit live
 * object" opens this text and saves it back as a replace.
 */
import type { ApiServer } from '../apiserver/apiserver';
import { ApiError } from '../apiserver/errors';
import { resourceForKind } from '../apiserver/resources';
import type { KubeObject } from '../objects';
import { toYaml } from './printers/serialize';

/**
 * Drops what the server owns (status, uid, resourceVersion, generation, creationTimestamp, managedFields):
 * saving then replaces the spec and labels without a resourceVersion precondition, so a Deployment whose
 * status moved on since it was opened still saves.
 */
export function editableObject(obj: KubeObject): KubeObject {
  const { status: _status, ...rest } = obj as KubeObject & { status?: unknown };
  const { uid: _u, resourceVersion: _rv, generation: _g, creationTimestamp: _c, managedFields: _m, selfLink: _s, ...metadata } = obj.metadata as Record<string, unknown>;
  return { ...rest, metadata } as KubeObject;
}

/** The live object's editable YAML; throws NotFound as the API server words it. */
export function editableManifest(api: ApiServer, kind: string, namespace: string | undefined, name: string): string {
  const resource = resourceForKind(kind);
  if (!resource) throw new Error(`${kind} objects are not supported in the playground`);
  const live = api.peek(kind, resource.namespaced ? (namespace ?? 'default') : undefined, name);
  if (!live) throw new ApiError('NotFound', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}" not found`);
  return toYaml(editableObject(live as KubeObject));
}
