/**
 * The kinds the playground's API server serves, as `kubectl api-resources` lists them. A kind not here
 * is answered with a clear "not supported in the playground" message.
 */

export type NameRule = 'dns1123-subdomain' | 'dns1123-label' | 'path-segment';

export interface ResourceType {
  kind: string;
  /** Preferred group/version, e.g. `apps/v1` or `v1`. */
  apiVersion: string;
  /** Other versions the API server accepts on input (converted to the preferred one). */
  alsoAccepts?: string[];
  group: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  nameRule: NameRule;
  /** The kind has a status subresource: a main-resource update keeps the stored status. */
  hasStatus: boolean;
  /** Whether the playground runs something that acts on this kind (else it is stored, as etcd would). */
  simulated: boolean;
  /**
   * The REST strategy keeps metadata.generation (set to 1 on create, bumped on spec changes): the
   * workload kinds and a few others. Pods (before 1.33), Nodes, Services, ConfigMaps ... have none.
   */
  generation: boolean;
}

function r(
  kind: string,
  apiVersion: string,
  plural: string,
  shortNames: string[],
  opts: Partial<Pick<ResourceType, 'namespaced' | 'nameRule' | 'hasStatus' | 'simulated' | 'alsoAccepts' | 'generation'>> = {},
): ResourceType {
  const slash = apiVersion.indexOf('/');
  return {
    kind,
    apiVersion,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced: opts.namespaced ?? true,
    nameRule: opts.nameRule ?? 'dns1123-subdomain',
    hasStatus: opts.hasStatus ?? false,
    simulated: opts.simulated ?? false,
    generation: opts.generation ?? false,
    ...(opts.alsoAccepts ? { alsoAccepts: opts.alsoAccepts } : {}),
  };
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  r('Pod', 'v1', 'pods', ['po'], { hasStatus: true, simulated: true }),
  r('Node', 'v1', 'nodes', ['no'], { namespaced: false, hasStatus: true, simulated: true }),
  r('Namespace', 'v1', 'namespaces', ['ns'], { namespaced: false, nameRule: 'dns1123-label', hasStatus: true, simulated: true }),
  r('Service', 'v1', 'services', ['svc'], { nameRule: 'dns1123-label', hasStatus: true, simulated: true }),
  r('Endpoints', 'v1', 'endpoints', ['ep'], { simulated: true }),
  r('Event', 'v1', 'events', ['ev'], { simulated: true }),
  r('ConfigMap', 'v1', 'configmaps', ['cm'], { simulated: true }),
  r('Secret', 'v1', 'secrets', [], { simulated: true }),
  r('ServiceAccount', 'v1', 'serviceaccounts', ['sa'], { simulated: true }),
  r('PersistentVolume', 'v1', 'persistentvolumes', ['pv'], { namespaced: false, hasStatus: true }),
  r('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', ['pvc'], { hasStatus: true }),
  r('ResourceQuota', 'v1', 'resourcequotas', ['quota'], { hasStatus: true }),
  r('LimitRange', 'v1', 'limitranges', ['limits']),
  r('Deployment', 'apps/v1', 'deployments', ['deploy'], { hasStatus: true, simulated: true, generation: true }),
  r('ReplicaSet', 'apps/v1', 'replicasets', ['rs'], { hasStatus: true, simulated: true, generation: true }),
  r('StatefulSet', 'apps/v1', 'statefulsets', ['sts'], { hasStatus: true, generation: true }),
  r('DaemonSet', 'apps/v1', 'daemonsets', ['ds'], { hasStatus: true, generation: true }),
  r('Job', 'batch/v1', 'jobs', [], { hasStatus: true, generation: true }),
  r('CronJob', 'batch/v1', 'cronjobs', ['cj'], { hasStatus: true, generation: true }),
  r('HorizontalPodAutoscaler', 'autoscaling/v2', 'horizontalpodautoscalers', ['hpa'], { hasStatus: true, alsoAccepts: ['autoscaling/v1'], generation: true }),
  r('EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices', [], { simulated: true, generation: true }),
  r('Lease', 'coordination.k8s.io/v1', 'leases', [], { simulated: true }),
  r('Ingress', 'networking.k8s.io/v1', 'ingresses', ['ing'], { hasStatus: true, generation: true }),
  r('NetworkPolicy', 'networking.k8s.io/v1', 'networkpolicies', ['netpol'], { generation: true }),
  r('StorageClass', 'storage.k8s.io/v1', 'storageclasses', ['sc'], { namespaced: false }),
  r('PodDisruptionBudget', 'policy/v1', 'poddisruptionbudgets', ['pdb'], { hasStatus: true, generation: true }),
  r('PriorityClass', 'scheduling.k8s.io/v1', 'priorityclasses', ['pc'], { namespaced: false }),
  r('Role', 'rbac.authorization.k8s.io/v1', 'roles', [], { nameRule: 'path-segment' }),
  r('RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings', [], { nameRule: 'path-segment' }),
  r('ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles', [], { namespaced: false, nameRule: 'path-segment' }),
  r('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings', [], { namespaced: false, nameRule: 'path-segment' }),
];

const BY_KIND = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));

/** Every name kubectl accepts for a resource: plural, singular, kind, short names, and `plural.group`. */
const BY_ALIAS = new Map<string, ResourceType>();
for (const t of RESOURCE_TYPES) {
  const aliases = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
  if (t.group) aliases.push(`${t.plural}.${t.group}`, `${t.singular}.${t.group}`);
  for (const a of aliases) if (!BY_ALIAS.has(a)) BY_ALIAS.set(a, t);
}

export function resourceForKind(kind: string): ResourceType | undefined {
  return BY_KIND.get(kind);
}

/** Looks up what a user typed after `kubectl get` (`po`, `pods`, `deployment.apps` ...). */
export function resourceForAlias(alias: string): ResourceType | undefined {
  return BY_ALIAS.get(alias.toLowerCase());
}

export function requireResource(kind: string): ResourceType {
  const t = BY_KIND.get(kind);
  if (!t) throw new Error(`internal: kind ${kind} is not registered`);
  return t;
}

/** `deployments.apps`, or just `pods` for the core group: how API errors name a resource. */
export function qualifiedPlural(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `Deployment.apps`, or `Pod`: how validation errors name a kind. */
export function qualifiedKind(t: ResourceType): string {
  return t.group ? `${t.kind}.${t.group}` : t.kind;
}
