/** Object names for the console's tab completion: what `kubectl get TYPE -o name` would list, bare and sorted. */
import type { ApiServer } from '../apiserver/apiserver';
import { resourceForAlias } from '../apiserver/resources';
import type { KubeObject } from '../objects';

/** Names of a resource type (any kubectl alias: `po`, `deploy`, `svc` ...) in a namespace or all; [] for an unknown type. */
export function objectNames(api: ApiServer, alias: string, namespace: string | undefined, allNamespaces: boolean): string[] {
  const resource = resourceForAlias(alias);
  if (!resource) return [];
  const ns = resource.namespaced && !allNamespaces ? (namespace ?? 'default') : undefined;
  const objects = api.peekList(resource.kind) as KubeObject[];
  return objects
    .filter((o) => ns === undefined || o.metadata.namespace === ns)
    .map((o) => o.metadata.name ?? '')
    .filter((n) => n !== '')
    .sort();
}
