/**
 * Defaulting of core/v1 objects, as pkg/apis/core/v1/defaults.go does it (SetDefaults_*). Every function
 * only fills what is missing, so running it again (on UPDATE) changes nothing that was already set:
 * that also keeps it from writing into nested objects shared with a stored object.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks loosely typed JSON */
import type { KubeObject } from '../../../objects';

type Json = Record<string, any>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setIfMissing(obj: Json, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

/** The tag of an image reference, `latest` when it has neither tag nor digest (parsers.ParseImageName). */
export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? 'latest' : image.slice(colon + 1);
}

/** SetDefaults_Container: `:latest` (or no tag) pulls Always, anything else IfNotPresent. */
export function defaultContainer(c: Json): void {
  if (!isObject(c)) return;
  if (c.imagePullPolicy === undefined && typeof c.image === 'string') {
    c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  setIfMissing(c, 'terminationMessagePath', '/dev/termination-log');
  setIfMissing(c, 'terminationMessagePolicy', 'File');
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObject(p)) setIfMissing(p, 'protocol', 'TCP');
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (isObject(c[probe])) defaultProbe(c[probe]);
  if (Array.isArray(c.env)) for (const e of c.env) if (isObject(e)) defaultEnvSource(e.valueFrom);
  for (const hook of ['postStart', 'preStop']) {
    const handler = c.lifecycle?.[hook];
    if (isObject(handler) && isObject(handler.httpGet)) defaultHttpGet(handler.httpGet);
  }
}

function defaultEnvSource(valueFrom: unknown): void {
  if (!isObject(valueFrom)) return;
  // SetDefaults_ObjectFieldSelector: apiVersion v1; a ResourceFieldRef's divisor is a Quantity value ("0").
  if (isObject(valueFrom.fieldRef)) setIfMissing(valueFrom.fieldRef, 'apiVersion', 'v1');
  if (isObject(valueFrom.resourceFieldRef)) setIfMissing(valueFrom.resourceFieldRef, 'divisor', '0');
}

function defaultHttpGet(h: Json): void {
  setIfMissing(h, 'path', '/');
  setIfMissing(h, 'scheme', 'HTTP');
}

/** SetDefaults_Probe (FIDELITY: periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3). */
export function defaultProbe(p: Json): void {
  setIfMissing(p, 'timeoutSeconds', 1);
  setIfMissing(p, 'periodSeconds', 10);
  setIfMissing(p, 'successThreshold', 1);
  setIfMissing(p, 'failureThreshold', 3);
  if (isObject(p.httpGet)) defaultHttpGet(p.httpGet);
}

const MODE_0644 = 0o644;

/** SetDefaults_Volume and the volume sources' defaults (defaultMode 0644, token expiry 1 h). */
function defaultVolume(v: Json): void {
  if (!isObject(v)) return;
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (isObject(v.secret)) setIfMissing(v.secret, 'defaultMode', MODE_0644);
  if (isObject(v.configMap)) setIfMissing(v.configMap, 'defaultMode', MODE_0644);
  if (isObject(v.downwardAPI)) {
    setIfMissing(v.downwardAPI, 'defaultMode', MODE_0644);
    for (const item of v.downwardAPI.items ?? []) if (isObject(item?.fieldRef)) setIfMissing(item.fieldRef, 'apiVersion', 'v1');
  }
  if (isObject(v.projected)) {
    setIfMissing(v.projected, 'defaultMode', MODE_0644);
    for (const s of v.projected.sources ?? []) {
      if (isObject(s?.serviceAccountToken)) setIfMissing(s.serviceAccountToken, 'expirationSeconds', 3600);
      for (const item of s?.downwardAPI?.items ?? []) if (isObject(item?.fieldRef)) setIfMissing(item.fieldRef, 'apiVersion', 'v1');
    }
  }
  if (isObject(v.hostPath)) setIfMissing(v.hostPath, 'type', '');
  if (isObject(v.iscsi)) setIfMissing(v.iscsi, 'iscsiInterface', 'default');
}

/** SetDefaults_PodSpec plus the container, volume and probe defaults under it. */
export function defaultPodSpec(spec: Json): void {
  if (!isObject(spec)) return;
  setIfMissing(spec, 'dnsPolicy', 'ClusterFirst');
  setIfMissing(spec, 'restartPolicy', 'Always');
  setIfMissing(spec, 'securityContext', {});
  setIfMissing(spec, 'terminationGracePeriodSeconds', 30);
  setIfMissing(spec, 'schedulerName', 'default-scheduler');
  setIfMissing(spec, 'enableServiceLinks', true);
  for (const list of ['initContainers', 'containers']) {
    if (!Array.isArray(spec[list])) continue;
    for (const c of spec[list]) {
      defaultContainer(c);
      // hostNetwork pods: hostPort defaults to containerPort (SetDefaults_PodSpec).
      if (spec.hostNetwork === true && isObject(c) && Array.isArray(c.ports)) {
        for (const p of c.ports) if (isObject(p) && p.hostPort === undefined) p.hostPort = p.containerPort;
      }
    }
  }
  if (Array.isArray(spec.volumes)) for (const v of spec.volumes) defaultVolume(v);
}

/** SetDefaults_Pod: a container with limits but no requests requests its limits. */
export function defaultPodRequestsFromLimits(spec: Json): void {
  for (const list of ['initContainers', 'containers']) {
    if (!Array.isArray(spec?.[list])) continue;
    for (const c of spec[list]) {
      const limits = c?.resources?.limits;
      if (!isObject(limits)) continue;
      const requests: Json = isObject(c.resources.requests) ? c.resources.requests : {};
      let changed = false;
      for (const [k, v] of Object.entries(limits)) {
        if (requests[k] === undefined) {
          requests[k] = v;
          changed = true;
        }
      }
      if (changed || c.resources.requests === undefined) c.resources.requests = requests;
    }
  }
}

export function defaultPodTemplate(template: unknown): void {
  if (isObject(template) && isObject(template.spec)) defaultPodSpec(template.spec);
}

export function defaultPod(obj: KubeObject): void {
  const spec = obj.spec as Json | undefined;
  if (!isObject(spec)) return;
  defaultPodSpec(spec);
  defaultPodRequestsFromLimits(spec);
  // The deprecated alias is kept in step with serviceAccountName (pkg/apis/core/v1/conversion.go).
  if (typeof spec.serviceAccountName === 'string') setIfMissing(spec, 'serviceAccount', spec.serviceAccountName);
}

/** SetDefaults_Service, and SetDefaults_ServicePort's targetPort = port. */
export function defaultService(obj: KubeObject): void {
  const spec = obj.spec as Json | undefined;
  if (!isObject(spec)) return;
  setIfMissing(spec, 'type', 'ClusterIP');
  setIfMissing(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    setIfMissing(spec.sessionAffinityConfig.clientIP, 'timeoutSeconds', 10800);
  }
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isObject(p)) continue;
      setIfMissing(p, 'protocol', 'TCP');
      if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
  }
  const type = spec.type;
  if (type !== 'ExternalName') setIfMissing(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)) {
    setIfMissing(spec, 'externalTrafficPolicy', 'Cluster');
  }
  if (type === 'LoadBalancer') setIfMissing(spec, 'allocateLoadBalancerNodePorts', true);
}

/** Namespace: finalizer `kubernetes`, phase Active, and the immutable name label (NamespaceDefaultLabelName). */
export function defaultNamespace(obj: KubeObject): void {
  const name = obj.metadata.name;
  if (name) obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': name };
  const spec = (obj.spec ??= {}) as Json;
  setIfMissing(spec, 'finalizers', ['kubernetes']);
  const status = (obj.status ??= {}) as Json;
  setIfMissing(status, 'phase', 'Active');
}

export function defaultSecret(obj: KubeObject): void {
  if (obj.type === undefined || obj.type === '') obj.type = 'Opaque';
}

export function defaultPersistentVolumeClaim(obj: KubeObject): void {
  const spec = obj.spec as Json | undefined;
  if (isObject(spec)) setIfMissing(spec, 'volumeMode', 'Filesystem');
}

export function defaultPersistentVolume(obj: KubeObject): void {
  const spec = obj.spec as Json | undefined;
  if (isObject(spec)) {
    setIfMissing(spec, 'persistentVolumeReclaimPolicy', 'Retain');
    setIfMissing(spec, 'volumeMode', 'Filesystem');
    if (isObject(spec.hostPath)) setIfMissing(spec.hostPath, 'type', '');
  }
}

/** SetDefaults_LimitRangeItem: for containers, default ← max, defaultRequest ← default, then ← min. */
export function defaultLimitRange(obj: KubeObject): void {
  const limits = (obj.spec as Json | undefined)?.limits;
  if (!Array.isArray(limits)) return;
  for (const item of limits) {
    if (!isObject(item) || item.type !== 'Container') continue;
    const def: Json = { ...(item.default ?? {}) };
    const defReq: Json = { ...(item.defaultRequest ?? {}) };
    for (const [k, v] of Object.entries((item.max ?? {}) as Json)) if (def[k] === undefined) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (defReq[k] === undefined) defReq[k] = v;
    for (const [k, v] of Object.entries((item.min ?? {}) as Json)) if (defReq[k] === undefined) defReq[k] = v;
    if (Object.keys(def).length > 0) item.default = def;
    if (Object.keys(defReq).length > 0) item.defaultRequest = defReq;
  }
}

/** Endpoints and EndpointSlice ports: protocol TCP. */
export function defaultEndpointPorts(obj: KubeObject): void {
  const lists: unknown[] = obj.kind === 'Endpoints' ? ((obj.subsets as Json[] | undefined) ?? []).map((s) => s?.ports) : [obj.ports];
  for (const ports of lists) if (Array.isArray(ports)) for (const p of ports) if (isObject(p)) setIfMissing(p, 'protocol', 'TCP');
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode(obj: KubeObject): void {
  const status = obj.status as Json | undefined;
  if (isObject(status) && isObject(status.capacity) && status.allocatable === undefined) status.allocatable = { ...status.capacity };
}
