/**
 * Static pods and their mirror pods. A static pod comes from a file in the kubelet's staticPodPath
 * (/etc/kubernetes/manifests), not from the API: the kubelet runs it whether or not an API server
 * answers, and creates a *mirror pod* in the API so that clients can see it. The mirror pod can be read
 * but not controlled: deleting it only makes the kubelet create a new one (the containers keep
 * running); only removing the file stops the pod.
 *
 * Shapes (pkg/kubelet/config/common.go applyDefaults, config.go, pod/mirror_client.go):
 * - name `<manifest name>-<node name>`; UID = md5 of the host, the file and the pod, hex; the same UID in
 *   the `kubernetes.io/config.hash` annotation; `kubernetes.io/config.source: file`;
 *   `kubernetes.io/config.seen` when the kubelet first read the file; spec.nodeName set; and a toleration
 *   of every NoExecute taint, so a node problem never evicts it.
 * - the mirror pod carries the same annotations plus `kubernetes.io/config.mirror` = the hash, and is
 *   owned (controller: true) by the Node, so deleting the Node deletes it.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { defaultPod } from '../apiserver/admission/defaults/core';
import type { KubeObject, Stored } from '../objects';
import { hex64 } from '../runtime/digest';
import { rfc3339 } from './timestamps';

export const CONFIG_HASH = 'kubernetes.io/config.hash';
export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';
export const CONFIG_SEEN = 'kubernetes.io/config.seen';
export const STATIC_POD_PATH = '/etc/kubernetes/manifests';

export function isMirrorPod(pod: { metadata: { annotations?: Record<string, string> } } | undefined): boolean {
  return pod?.metadata.annotations?.[CONFIG_MIRROR] !== undefined;
}

/** The mirror pod's hash: the UID of the static pod it mirrors. */
export function mirrorHash(pod: { metadata: { annotations?: Record<string, string> } }): string | undefined {
  return pod.metadata.annotations?.[CONFIG_MIRROR];
}

/** time.RFC3339Nano: fractional seconds without trailing zeros. */
function rfc3339Nano(ms: number): string {
  const frac = ms % 1000;
  const base = rfc3339(ms);
  return frac === 0 ? base : base.replace(/Z$/, `.${String(frac).padStart(3, '0').replace(/0+$/, '')}Z`);
}

/** What the kubelet makes of a manifest file (applyDefaults for a file source, then API defaulting). */
export function staticPodFromFile(manifest: Pod, nodeName: string, file: string, seenMs: number): Stored<Pod> {
  const pod = structuredClone(manifest) as KubeObject & Pod;
  const hash = hex64(`host:${nodeName}file:${file}${JSON.stringify(manifest)}`).slice(0, 32);
  const meta = pod.metadata;
  const spec = (pod.spec ??= { containers: [] });
  spec.nodeName = nodeName;
  const tolerations = (spec.tolerations ??= []);
  if (!tolerations.some((t) => t.operator === 'Exists' && t.effect === 'NoExecute' && !t.key)) tolerations.push({ operator: 'Exists', effect: 'NoExecute' });
  defaultPod(pod);
  return {
    ...pod,
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      name: `${meta.name ?? ''}-${nodeName.toLowerCase()}`,
      namespace: meta.namespace ?? 'default',
      uid: hash,
      resourceVersion: '',
      creationTimestamp: rfc3339(seenMs),
      annotations: { ...meta.annotations, [CONFIG_HASH]: hash, [CONFIG_SEEN]: rfc3339Nano(seenMs), [CONFIG_SOURCE]: 'file' },
    },
    status: { phase: 'Pending' },
  } as Stored<Pod>;
}

/** The mirror pod the kubelet creates in the API for a static pod (mirror_client.go CreateMirrorPod). */
export function mirrorPodOf(staticPod: Stored<Pod>, node: Stored<Node>): Pod {
  const { uid, resourceVersion: _rv, creationTimestamp: _ct, ...meta } = staticPod.metadata;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      annotations: { ...meta.annotations, [CONFIG_MIRROR]: uid },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid, controller: true }],
    },
    spec: structuredClone(staticPod.spec),
    status: { phase: 'Pending' },
  };
}
