/**
 * A StatefulSet pod's stable identity (pkg/controller/statefulset/stateful_set_utils.go): the name
 * `<set>-<ordinal>`, the labels naming it, hostname = name and subdomain = serviceName (so that
 * `<pod>.<service>` resolves), and one PersistentVolumeClaim per volumeClaimTemplate named
 * `<template>-<set>-<ordinal>`, mounted through a volume of the template's name.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import type { OwnerReference, Stored } from '../../objects';
import { podFromTemplate } from '../controllerutils/podTemplate';

export type StoredStatefulSet = Stored<StatefulSet>;

export const STATEFULSET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** The ordinal of a pod named `<set>-<n>`, or undefined when the pod's name does not have that shape. */
export function ordinalOf(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number.parseInt(rest, 10) : undefined;
}

export function podName(set: StoredStatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

export function claimName(templateName: string, set: StoredStatefulSet, ordinal: number): string {
  return `${templateName}-${set.metadata.name}-${ordinal}`;
}

export function revisionOf(pod: Stored<Pod>): string | undefined {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
}

/** newVersionedStatefulSetPod: the pod for `ordinal` from the template of `revision`. */
export function newStatefulSetPod(set: StoredStatefulSet, template: PodTemplateSpec | undefined, revision: string, ordinal: number, controllerRef: OwnerReference): Pod {
  const name = podName(set, ordinal);
  const pod = podFromTemplate(template, set.metadata.namespace ?? 'default', controllerRef, { name });
  const spec = pod.spec!;
  const claimVolumes: Volume[] = (set.spec?.volumeClaimTemplates ?? []).map((t) => ({
    name: t.metadata?.name ?? '',
    persistentVolumeClaim: { claimName: claimName(t.metadata?.name ?? '', set, ordinal) },
  }));
  const claimed = new Set(claimVolumes.map((v) => v.name));
  const volumes = [...(spec.volumes ?? []).filter((v) => !claimed.has(v.name)), ...claimVolumes];
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      labels: { ...pod.metadata?.labels, [STATEFULSET_POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL]: revision },
    },
    spec: {
      ...spec,
      hostname: name,
      ...(set.spec?.serviceName ? { subdomain: set.spec.serviceName } : {}),
      ...(volumes.length > 0 ? { volumes } : {}),
    },
  };
}

/**
 * getPersistentVolumeClaims: the claims of `ordinal`, labelled with the template's labels and the
 * set's selector labels. With the default Retain policy they have no owner and outlive the set.
 */
export function claimsFor(set: StoredStatefulSet, ordinal: number, setRef: OwnerReference | undefined): PersistentVolumeClaim[] {
  const selectorLabels = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: claimName(t.metadata?.name ?? '', set, ordinal),
      namespace: set.metadata.namespace ?? 'default',
      labels: { ...t.metadata?.labels, ...selectorLabels },
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      ...(setRef ? { ownerReferences: [setRef] } : {}),
    },
    spec: t.spec ?? {},
  }));
}
