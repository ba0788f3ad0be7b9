/**
 * What the kubelet resolves before it creates a container: its environment (values from ConfigMaps,
 * Secrets, the downward API), `$(VAR)` references in command and args, and the ConfigMap and Secret
 * volumes the pod mounts. A missing ConfigMap or Secret (or key) that is not `optional` stops the
 * container with CreateContainerConfigError (env) or the pod in ContainerCreating with FailedMount
 * (volumes), with the kubelet's messages.
 */
import type { ConfigMap, Container, Pod, Secret } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { Stored } from '../objects';

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

function decodeBase64(text: string): string {
  try {
    return typeof atob === 'function' ? atob(text) : text;
  } catch {
    return text;
  }
}

function configMapValue(cm: Stored<ConfigMap>, key: string): string | undefined {
  return cm.data?.[key] ?? (cm.binaryData?.[key] !== undefined ? decodeBase64(cm.binaryData[key]!) : undefined);
}

function secretValue(s: Stored<Secret>, key: string): string | undefined {
  if (s.stringData?.[key] !== undefined) return s.stringData[key];
  const v = s.data?.[key];
  return v === undefined ? undefined : decodeBase64(v);
}

/** The downward API fields the kubelet fills (`fieldRef`). */
function fieldValue(pod: Stored<Pod>, path: string, podIP: string, hostIP: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
    case 'status.podIPs':
      return podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP;
    default: {
      const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? '';
      return '';
    }
  }
}

/** Expands `$(VAR)` with earlier variables (Kubernetes' dependent environment variables; `$$` escapes). */
export function expandVars(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name?: string) => {
    if (m === '$$') return '$';
    return name !== undefined && env[name] !== undefined ? env[name]! : m;
  });
}

/**
 * The container's environment in the order the kubelet builds it: service links (only the
 * `kubernetes` Service here), envFrom, then env (later entries win).
 */
export function resolveEnv(api: ApiServer, pod: Stored<Pod>, c: Container, podIP: string, hostIP: string): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.spec?.hostname ?? pod.metadata.name,
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: 'tcp://10.96.0.1:443',
    KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
    KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
    KUBERNETES_PORT_443_TCP_PORT: '443',
    KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
    HOME: '/root',
  };
  for (const from of c.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const cm = api.peek<ConfigMap>('ConfigMap', ns, from.configMapRef.name ?? '');
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { ok: false, message: `configmap "${from.configMapRef.name ?? ''}" not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
    } else if (from.secretRef) {
      const s = api.peek<Secret>('Secret', ns, from.secretRef.name ?? '');
      if (!s) {
        if (from.secretRef.optional) continue;
        return { ok: false, message: `secret "${from.secretRef.name ?? ''}" not found` };
      }
      for (const k of Object.keys({ ...s.data, ...s.stringData })) env[prefix + k] = secretValue(s, k) ?? '';
    }
  }
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      env[e.name] = expandVars(e.value ?? '', env);
      continue;
    }
    if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      const cm = api.peek<ConfigMap>('ConfigMap', ns, ref.name ?? '');
      if (!cm) {
        if (ref.optional) continue;
        return { ok: false, message: `configmap "${ref.name ?? ''}" not found` };
      }
      const v = configMapValue(cm, ref.key);
      if (v === undefined) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name ?? ''}` };
      }
      env[e.name] = v;
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      const s = api.peek<Secret>('Secret', ns, ref.name ?? '');
      if (!s) {
        if (ref.optional) continue;
        return { ok: false, message: `secret "${ref.name ?? ''}" not found` };
      }
      const v = secretValue(s, ref.key);
      if (v === undefined) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name ?? ''}` };
      }
      env[e.name] = v;
    } else if (from.fieldRef) {
      env[e.name] = fieldValue(pod, from.fieldRef.fieldPath, podIP, hostIP);
    } else if (from.resourceFieldRef) {
      const res = from.resourceFieldRef.resource;
      const [kind, name] = res.split('.') as [string, string];
      const q = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[name];
      env[e.name] = q === undefined ? '0' : String(q);
    }
  }
  return { ok: true, env };
}

/**
 * The first ConfigMap or Secret volume whose object is missing, with the FailedMount message the
 * kubelet's volume manager reports (the pod stays in ContainerCreating until it appears).
 */
export function missingVolumeSource(api: ApiServer, pod: Stored<Pod>): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap && !v.configMap.optional && !api.peek('ConfigMap', ns, v.configMap.name ?? '')) {
      return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name ?? ''}" not found`;
    }
    if (v.secret && !v.secret.optional && !api.peek('Secret', ns, v.secret.secretName ?? '')) {
      return `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName ?? ''}" not found`;
    }
    for (const src of v.projected?.sources ?? []) {
      // kube-root-ca.crt is published into every namespace by the root CA publisher; not modelled, never missing.
      if (src.configMap && src.configMap.name !== 'kube-root-ca.crt' && !src.configMap.optional && !api.peek('ConfigMap', ns, src.configMap.name ?? '')) {
        return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${src.configMap.name ?? ''}" not found`;
      }
      if (src.secret && !src.secret.optional && !api.peek('Secret', ns, src.secret.name ?? '')) {
        return `MountVolume.SetUp failed for volume "${v.name}" : secret "${src.secret.name ?? ''}" not found`;
      }
    }
  }
  return undefined;
}
