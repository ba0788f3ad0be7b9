/**
 * The four static pod manifests `kubeadm init` (v1.31) writes to /etc/kubernetes/manifests on the first
 * control-plane machine (cmd/kubeadm/app/phases/controlplane/manifests.go, etcd/local.go and
 * util/staticpod: ComponentPod, ComponentProbe, ComponentResources). The kubelet of that machine runs
 * them and creates one mirror pod for each in the API (src/engine/kubelet/staticPods.ts).
 */
import type { Container, Pod, Probe, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import { KUBERNETES_VERSION } from '../../kubectl/version';
import { SERVICE_CIDR } from '../../apiserver/admission/serviceAllocation';
import { CLUSTER_CIDR } from '../../controllers/nodeipam/nodeIpamController';

export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.15-0';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
export const componentImage = (component: string): string => `registry.k8s.io/${component}:${KUBERNETES_VERSION}`;

/** The static pods' names, which are also their manifests' file names and their containers' names. */
export const STATIC_COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
export type StaticComponent = (typeof STATIC_COMPONENTS)[number];

/** What `kubeadm config images list` prints for v1.31 (kind's node image ships them preloaded). */
export const KUBEADM_IMAGES = [
  componentImage('kube-apiserver'),
  componentImage('kube-controller-manager'),
  componentImage('kube-scheduler'),
  componentImage('kube-proxy'),
  COREDNS_IMAGE,
  PAUSE_IMAGE,
  ETCD_IMAGE,
];

/** staticpod.ComponentProbe: an HTTP(S) GET on the component's own health endpoint. */
function probe(host: string, port: number, path: string, scheme: 'HTTP' | 'HTTPS', failureThreshold: number, periodSeconds = 10, initialDelaySeconds = 10): Probe {
  return {
    failureThreshold,
    httpGet: { host, path, port, scheme },
    ...(initialDelaySeconds ? { initialDelaySeconds } : {}),
    periodSeconds,
    timeoutSeconds: 15,
  };
}

function hostPath(name: string, path: string, type: string): Volume {
  return { name, hostPath: { path, type } };
}

/** The CA certificate directories every control-plane component mounts read-only (controlplane/volumes.go). */
const CA_VOLUMES: Array<[string, string]> = [
  ['ca-certs', '/etc/ssl/certs'],
  ['etc-ca-certificates', '/etc/ca-certificates'],
  ['usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'],
  ['usr-share-ca-certificates', '/usr/share/ca-certificates'],
];

function componentPod(name: StaticComponent, container: Omit<Container, 'name' | 'image' | 'imagePullPolicy'>, volumes: Volume[], annotations?: Record<string, string>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      labels: { component: name, tier: 'control-plane' },
      ...(annotations ? { annotations } : {}),
    },
    spec: {
      containers: [{ name, image: name === 'etcd' ? ETCD_IMAGE : componentImage(name), imagePullPolicy: 'IfNotPresent', ...container }],
      hostNetwork: true,
      // The kubelet needs the value itself (there is no admission for a static pod), so kubeadm writes both.
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: [...volumes].sort((a, b) => a.name.localeCompare(b.name)),
    },
  };
}

const mounts = (volumes: Volume[], writable: string[] = []): VolumeMount[] =>
  [...volumes].sort((a, b) => a.name.localeCompare(b.name)).map((v) => ({ mountPath: v.hostPath!.path, name: v.name, ...(writable.includes(v.name) ? {} : { readOnly: true }) }));

/** The manifests for a control-plane machine whose advertise address is `ip` and whose hostname is `nodeName`. */
export function kubeadmStaticPods(nodeName: string, ip: string): Pod[] {
  const caVolumes = CA_VOLUMES.map(([n, p]) => hostPath(n, p, 'DirectoryOrCreate'));

  const etcdVolumes = [hostPath('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')];
  const etcd = componentPod(
    'etcd',
    {
      command: [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
        '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd',
        '--experimental-initial-corrupt-check=true',
        '--experimental-watch-progress-notify-interval=5s',
        `--initial-advertise-peer-urls=https://${ip}:2380`,
        // `kubeadm init` starts a one-member cluster; `kubeadm join --control-plane` adds the others.
        `--initial-cluster=${nodeName}=https://${ip}:2380`,
        '--key-file=/etc/kubernetes/pki/etcd/server.key',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${ip}:2380`,
        `--name=${nodeName}`,
        '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
        '--peer-client-cert-auth=true',
        '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
        '--snapshot-count=10000',
        '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
      ],
      livenessProbe: probe('127.0.0.1', 2381, '/livez', 'HTTP', 8),
      readinessProbe: probe('127.0.0.1', 2381, '/readyz', 'HTTP', 3, 1, 0),
      resources: { requests: { cpu: '100m', memory: '100Mi' } },
      startupProbe: probe('127.0.0.1', 2381, '/readyz', 'HTTP', 24),
      volumeMounts: [
        { mountPath: '/var/lib/etcd', name: 'etcd-data' },
        { mountPath: '/etc/kubernetes/pki/etcd', name: 'etcd-certs' },
      ],
    },
    etcdVolumes,
    { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
  );

  const apiVolumes = [...caVolumes, hostPath('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate')];
  const apiserver = componentPod(
    'kube-apiserver',
    {
      command: [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--enable-admission-plugins=NodeRestriction',
        '--enable-bootstrap-token-auth=true',
        '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
        '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
        '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
        '--etcd-servers=https://127.0.0.1:2379',
        '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
        '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
        '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
        '--requestheader-allowed-names=front-proxy-client',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-username-headers=X-Remote-User',
        '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
        '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
        `--service-cluster-ip-range=${SERVICE_CIDR}`,
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
        '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
      ],
      livenessProbe: probe(ip, 6443, '/livez', 'HTTPS', 8),
      readinessProbe: probe(ip, 6443, '/readyz', 'HTTPS', 3, 1, 0),
      resources: { requests: { cpu: '250m' } },
      startupProbe: probe(ip, 6443, '/livez', 'HTTPS', 24),
      volumeMounts: mounts(apiVolumes),
    },
    apiVolumes,
    { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
  );

  const kcmVolumes = [
    ...caVolumes,
    hostPath('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
    hostPath('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'),
    hostPath('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
  ];
  const controllerManager = componentPod(
    'kube-controller-manager',
    {
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        `--cluster-cidr=${CLUSTER_CIDR}`,
        '--cluster-name=kubernetes',
        '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
        '--root-ca-file=/etc/kubernetes/pki/ca.crt',
        '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
        `--service-cluster-ip-range=${SERVICE_CIDR}`,
        '--use-service-account-credentials=true',
      ],
      livenessProbe: probe('127.0.0.1', 10257, '/healthz', 'HTTPS', 8),
      resources: { requests: { cpu: '200m' } },
      startupProbe: probe('127.0.0.1', 10257, '/healthz', 'HTTPS', 24),
      volumeMounts: mounts(kcmVolumes, ['flexvolume-dir']),
    },
    kcmVolumes,
  );

  const schedVolumes = [hostPath('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')];
  const scheduler = componentPod(
    'kube-scheduler',
    {
      command: [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=true',
      ],
      livenessProbe: probe('127.0.0.1', 10259, '/healthz', 'HTTPS', 8),
      resources: { requests: { cpu: '100m' } },
      startupProbe: probe('127.0.0.1', 10259, '/healthz', 'HTTPS', 24),
      volumeMounts: mounts(schedVolumes),
    },
    schedVolumes,
  );

  return [etcd, apiserver, controllerManager, scheduler];
}
