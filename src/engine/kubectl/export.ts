/**
 * The cluster's objects as one multi-document YAML a student can `kubectl apply -f` on a real cluster
 * (kind, k3d, minikube): what the student made, as it stands now (a scaled Deployment says its new
 * replicas), without what the servers and controllers filled in.
 *
 * Left out, as a real cluster makes them itself:
 * - objects a controller owns (`metadata.ownerReferences`: a Deployment's ReplicaSets and their Pods,
 *   a CronJob's Jobs), mirror pods, and the kinds no one writes by hand (Node, Event, Lease, Endpoints,
 *   EndpointSlice, ControllerRevision);
 * - everything in kube-system, kube-public and kube-node-lease, and what every cluster starts with (the
 *   `default` namespaces and ServiceAccounts, `kube-root-ca.crt`, Service `kubernetes`, the system
 *   PriorityClasses, the default StorageClass);
 * - `status`, and metadata the API server sets (uid, resourceVersion, generation, creationTimestamp,
 *   managedFields, ownerReferences, deletion fields, kubectl's last-applied annotation and the
 *   Deployment revision annotation, the protection finalizers);
 * - spec fields allocated or set on the cluster's side: a Service's clusterIP(s) and nodePorts (another
 *   cluster allocates its own), a Pod's nodeName (the scheduler's choice), a PVC's volumeName (its
 *   binding), a Job's generated selector and controller-uid labels (the API server refuses them back
 *   unless manualSelector is set: pkg/registry/batch/job/strategy.go generateSelector).
 */
import type { ApiServer } from '../apiserver/apiserver';
import type { KubeObject } from '../objects';
import { CONFIG_MIRROR } from '../kubelet/staticPods';
import { toYaml } from './printers/serialize';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const NEVER_EXPORTED = new Set(['Node', 'Event', 'Lease', 'Endpoints', 'EndpointSlice', 'ControllerRevision']);

/** Objects every cluster creates for itself. */
function isClusterOwn(obj: KubeObject): boolean {
  const { name = '', namespace, annotations } = obj.metadata;
  switch (obj.kind) {
    case 'Namespace':
      return name === 'default' || SYSTEM_NAMESPACES.has(name);
    case 'ServiceAccount':
      return name === 'default';
    case 'ConfigMap':
      return name === 'kube-root-ca.crt';
    case 'Service':
      return namespace === 'default' && name === 'kubernetes';
    case 'PriorityClass':
      return name.startsWith('system-');
    case 'StorageClass':
      return annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
    default:
      return false;
  }
}

/** Whether the object is the student's to export. */
export function isExported(obj: KubeObject): boolean {
  if (NEVER_EXPORTED.has(obj.kind)) return false;
  if (obj.metadata.namespace !== undefined && SYSTEM_NAMESPACES.has(obj.metadata.namespace)) return false;
  if ((obj.metadata.ownerReferences?.length ?? 0) > 0) return false;
  if (obj.metadata.annotations?.[CONFIG_MIRROR] !== undefined) return false;
  if (obj.metadata.deletionTimestamp) return false;
  return !isClusterOwn(obj);
}

const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];
const SERVER_ANNOTATION_PREFIXES = ['pv.kubernetes.io/', 'volume.kubernetes.io/', 'volume.beta.kubernetes.io/'];
const SERVER_FINALIZERS = new Set(['kubernetes.io/pvc-protection', 'kubernetes.io/pv-protection']);
const JOB_GENERATED_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name'];

type Json = Record<string, unknown>;

function withoutKeys(record: Json | undefined, drop: (key: string) => boolean): Json | undefined {
  if (!record) return undefined;
  const kept = Object.fromEntries(Object.entries(record).filter(([k]) => !drop(k)));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function setOrDelete(target: Json, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** The object as the student would write it: no status, no server-set metadata or allocated fields. */
export function exportedObject(obj: KubeObject): KubeObject {
  const out = structuredClone(obj) as unknown as Json & { metadata: Json; spec?: Json };
  delete out.status;
  const metadata = out.metadata;
  for (const key of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'ownerReferences', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generateName']) {
    delete metadata[key];
  }
  setOrDelete(metadata, 'annotations', withoutKeys(metadata.annotations as Json | undefined, (k) => SERVER_ANNOTATIONS.includes(k) || SERVER_ANNOTATION_PREFIXES.some((p) => k.startsWith(p))));
  const finalizers = (metadata.finalizers as string[] | undefined)?.filter((f) => !SERVER_FINALIZERS.has(f));
  setOrDelete(metadata, 'finalizers', finalizers && finalizers.length > 0 ? finalizers : undefined);
  const spec = out.spec;
  if (spec) {
    switch (obj.kind) {
      case 'Service':
        if (spec.clusterIP !== 'None') {
          delete spec.clusterIP;
          delete spec.clusterIPs;
        }
        delete spec.healthCheckNodePort;
        if (Array.isArray(spec.ports)) spec.ports = (spec.ports as Json[]).map(({ nodePort: _allocated, ...port }) => port);
        break;
      case 'Pod':
        delete spec.nodeName;
        break;
      case 'PersistentVolumeClaim':
        delete spec.volumeName;
        break;
      case 'Job':
        if (spec.manualSelector !== true) {
          delete spec.selector;
          const template = spec.template as { metadata?: Json } | undefined;
          if (template?.metadata) setOrDelete(template.metadata, 'labels', withoutKeys(template.metadata.labels as Json | undefined, (k) => JOB_GENERATED_LABELS.includes(k)));
          setOrDelete(metadata, 'labels', withoutKeys(metadata.labels as Json | undefined, (k) => JOB_GENERATED_LABELS.includes(k)));
        }
        break;
    }
  }
  return out as unknown as KubeObject;
}

/** Applied in this order, so what an object refers to exists first (kubectl applies a file top to bottom). */
const KIND_ORDER = [
  'Namespace', 'PriorityClass', 'StorageClass', 'PersistentVolume', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
  'ConfigMap', 'Secret', 'LimitRange', 'ResourceQuota', 'PersistentVolumeClaim', 'Service',
];

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i === -1 ? KIND_ORDER.length : i;
}

const sortKey = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** Every object the student made, in apply order, as multi-document YAML (an empty string when there is none). */
export function exportManifests(api: ApiServer): string {
  const objects: KubeObject[] = [];
  for (const kind of api.kinds()) for (const obj of api.peekList(kind) as KubeObject[]) if (isExported(obj)) objects.push(obj);
  objects.sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || sortKey(a).localeCompare(sortKey(b)));
  return objects.map((o) => toYaml(exportedObject(o))).join('---\n');
}
