/**
 * networking/v1, storage/v1, scheduling/v1 and policy defaults (pkg/apis/networking/v1/defaults.go,
 * storage/v1, scheduling/v1).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks loosely typed JSON */
import type { KubeObject } from '../../../objects';

type Json = Record<string, any>;

function setIfMissing(obj: Json, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

/** SetDefaults_NetworkPolicy: ports TCP; policyTypes Ingress, plus Egress when egress rules exist. */
export function defaultNetworkPolicy(obj: KubeObject): void {
  const spec = obj.spec as Json | undefined;
  if (!spec || typeof spec !== 'object') return;
  for (const rules of [spec.ingress, spec.egress]) {
    if (!Array.isArray(rules)) continue;
    for (const rule of rules) for (const p of rule?.ports ?? []) if (p && typeof p === 'object') setIfMissing(p, 'protocol', 'TCP');
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

/** SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(obj: KubeObject): void {
  setIfMissing(obj, 'reclaimPolicy', 'Delete');
  setIfMissing(obj, 'volumeBindingMode', 'Immediate');
}

/** SetDefaults_PriorityClass: preemptionPolicy PreemptLowerPriority. */
export function defaultPriorityClass(obj: KubeObject): void {
  setIfMissing(obj, 'preemptionPolicy', 'PreemptLowerPriority');
}
