/** The names pod cards show (the full name is in the tooltip, the aria label and the inspector). */
import type { PodObject } from '../../store/selectors';

/**
 * The short name a card shows: `web-f868cd74-vb7st` → `web…vb7st`. A Deployment's pods differ only
 * in their generated suffixes, so the owner's first word and the pod's own suffix are what tell them apart.
 */
export function shortPodName(name: string): string {
  if (name.length <= 12) return name;
  const parts = name.split('-');
  if (parts.length >= 3) return `${parts[0]!.slice(0, 8)}…${parts[parts.length - 1]!}`;
  return `${name.slice(0, 5)}…${name.slice(-6)}`;
}

/**
 * What a card calls a pod. The cluster's own pods are named by what they are, since the box around
 * them already names the node: a static pod's mirror by its component (`apiserver` for
 * kube-apiserver-control-plane), a DaemonSet's pod by the DaemonSet (`kube-proxy`, one per node). The
 * full name is in the tooltip, the aria label and the inspector.
 */
export function cardPodName(pod: PodObject): string {
  const name = pod.metadata.name ?? '';
  const node = pod.spec?.nodeName;
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined && node && name.endsWith(`-${node}`)) return name.slice(0, -node.length - 1).replace(/^kube-/, '');
  const ds = pod.metadata.ownerReferences?.find((o) => o.kind === 'DaemonSet' && o.controller);
  if (ds && name.startsWith(`${ds.name}-`)) return ds.name;
  return shortPodName(name);
}
