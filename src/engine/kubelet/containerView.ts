/**
 * What the kubelet puts in every container besides the image: /etc/hosts (kubelet-managed), the
 * resolv.conf of dnsPolicy ClusterFirst, /etc/hostname, the service account files, and the files of
 * mounted ConfigMap and Secret volumes. Together with the image and the pod's network this is the
 * ContainerSystem the shell model runs commands in.
 */
import type { ConfigMap, Container, Pod, Secret } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { Stored } from '../objects';
import type { ContainerSystem, NetView } from '../runtime/containerSystem';
import { imageDir, imageFile } from '../runtime/imageContents';
import type { ImageConfig } from '../runtime/registry';
import { CLUSTER_DNS_IP } from '../podNetworkContract';

/** The pod's hostname: spec.hostname, else its name (cut to 63 characters, a DNS label). */
export function podHostname(pod: Pick<Pod, 'metadata' | 'spec'>): string {
  return pod.spec?.hostname ?? (pod.metadata?.name ?? '').slice(0, 63);
}

function hostsFile(pod: Pick<Pod, 'metadata' | 'spec'>, podIP: string): string {
  const ns = pod.metadata?.namespace ?? 'default';
  const host = podHostname(pod);
  const sub = pod.spec?.subdomain;
  const own = sub ? `${podIP}\t${host}.${sub}.${ns}.svc.cluster.local\t${host}` : `${podIP}\t${host}`;
  return ['# Kubernetes-managed hosts file.', '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::\tip6-localnet', 'fe00::\tip6-mcastprefix', 'fe00::1\tip6-allnodes', 'fe00::2\tip6-allrouters', own, ''].join('\n');
}

/** dnsPolicy ClusterFirst: the cluster DNS, the namespace's search path, ndots:5. */
function resolvConf(pod: Pick<Pod, 'metadata' | 'spec'>): string {
  const ns = pod.metadata?.namespace ?? 'default';
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`;
}

function decode(b64: string): string {
  try {
    return typeof atob === 'function' ? atob(b64) : b64;
  } catch {
    return b64;
  }
}

function volumeFile(api: ApiServer, pod: Pick<Pod, 'metadata' | 'spec'>, container: Container, path: string): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  for (const m of container.volumeMounts ?? []) {
    const dir = m.mountPath.replace(/\/$/, '');
    if (!path.startsWith(`${dir}/`)) continue;
    const rel = path.slice(dir.length + 1);
    const key = m.subPath ? m.subPath : rel;
    const vol = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (vol?.configMap) {
      const cm = api.peek<ConfigMap>('ConfigMap', ns, vol.configMap.name ?? '');
      const item = vol.configMap.items?.find((i) => i.path === key);
      const v = cm?.data?.[item?.key ?? key];
      if (v !== undefined) return v;
    } else if (vol?.secret) {
      const s = api.peek<Secret>('Secret', ns, vol.secret.secretName ?? '');
      const item = vol.secret.items?.find((i) => i.path === key);
      const k = item?.key ?? key;
      if (s?.stringData?.[k] !== undefined) return s.stringData[k];
      if (s?.data?.[k] !== undefined) return decode(s.data[k]);
    } else if (vol?.downwardAPI) {
      const item = vol.downwardAPI.items?.find((i) => i.path === key);
      const field = item?.fieldRef?.fieldPath;
      if (field === 'metadata.name') return pod.metadata?.name;
      if (field === 'metadata.namespace') return ns;
      if (field?.startsWith('metadata.labels')) return Object.entries(pod.metadata?.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
    }
  }
  return undefined;
}

/** The keys a ConfigMap or Secret volume shows at its mount path. */
function volumeDir(api: ApiServer, pod: Pick<Pod, 'metadata' | 'spec'>, container: Container, path: string): string[] | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  const dir = path.replace(/\/$/, '');
  const m = (container.volumeMounts ?? []).find((v) => v.mountPath.replace(/\/$/, '') === dir && !v.subPath);
  const vol = m ? pod.spec?.volumes?.find((v) => v.name === m.name) : undefined;
  if (vol?.configMap) {
    if (vol.configMap.items) return vol.configMap.items.map((i) => i.path).sort();
    const cm = api.peek<ConfigMap>('ConfigMap', ns, vol.configMap.name ?? '');
    return Object.keys({ ...cm?.data, ...cm?.binaryData }).sort();
  }
  if (vol?.secret) {
    if (vol.secret.items) return vol.secret.items.map((i) => i.path).sort();
    const s = api.peek<Secret>('Secret', ns, vol.secret.secretName ?? '');
    return Object.keys({ ...s?.data, ...s?.stringData }).sort();
  }
  if (vol?.emptyDir) return [];
  return undefined;
}

export interface ContainerViewInput {
  api: ApiServer;
  pod: Stored<Pod>;
  container: Container;
  image: ImageConfig;
  podIP: string;
  existingFiles: ReadonlySet<string>;
  net?: NetView;
}

export function containerSystem(input: ContainerViewInput): ContainerSystem {
  const { api, pod, container, image, podIP } = input;
  const ns = pod.metadata.namespace ?? 'default';
  return {
    image,
    hostname: podHostname(pod),
    podIP,
    namespace: ns,
    existingFiles: input.existingFiles,
    ...(input.net ? { net: input.net } : {}),
    listDir(path) {
      return volumeDir(api, pod, container, path) ?? imageDir(image, path);
    },
    readFile(path) {
      switch (path) {
        case '/etc/hosts':
          return hostsFile(pod, podIP);
        case '/etc/resolv.conf':
          return pod.spec?.dnsPolicy === 'Default' ? 'nameserver 172.18.0.1\n' : resolvConf(pod);
        case '/etc/hostname':
          return `${podHostname(pod)}\n`;
        case '/var/run/secrets/kubernetes.io/serviceaccount/namespace':
          return pod.spec?.automountServiceAccountToken === false ? undefined : ns;
      }
      return volumeFile(api, pod, container, path) ?? imageFile(image, path);
    },
  };
}
