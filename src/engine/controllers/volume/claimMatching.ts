/**
 * Which existing PersistentVolume a claim binds to (pkg/controller/volume/persistentvolume/index.go
 * findByClaim): a volume pre-bound to the claim wins; otherwise the smallest Available volume with the
 * same storage class and volume mode, every access mode the claim asks for, at least the capacity it
 * requests, labels matching its selector, and (for delayed binding) a node affinity the chosen node
 * satisfies.
 */
import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matchesSelector } from '../../apiserver/labels';
import { parseQuantity } from '../../apiserver/quantity';
import type { Stored } from '../../objects';
import { matchesNodeSelectorTerms } from '../../apiserver/nodeSelector';

export type StoredClaim = Stored<PersistentVolumeClaim>;
export type StoredVolume = Stored<PersistentVolume>;

function quantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  try {
    return parseQuantity(q);
  } catch {
    return 0;
  }
}

export function requestedStorage(claim: StoredClaim): number {
  return quantity(claim.spec?.resources?.requests?.storage);
}

function isPreBoundTo(pv: StoredVolume, claim: StoredClaim): boolean {
  const ref = pv.spec?.claimRef;
  return ref !== undefined && ref.name === claim.metadata.name && (ref.namespace ?? 'default') === claim.metadata.namespace && (!ref.uid || ref.uid === claim.metadata.uid);
}

function fits(pv: StoredVolume, claim: StoredClaim, node: Stored<Node> | undefined): boolean {
  if (pv.metadata.deletionTimestamp) return false;
  if ((pv.spec?.storageClassName ?? '') !== (claim.spec?.storageClassName ?? '')) return false;
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) return false;
  const modes = pv.spec?.accessModes ?? [];
  if (!(claim.spec?.accessModes ?? []).every((m) => modes.includes(m))) return false;
  if (quantity(pv.spec?.capacity?.storage) < requestedStorage(claim)) return false;
  const selector = claim.spec?.selector ? fromLabelSelector(claim.spec.selector) : undefined;
  if (selector === null || (selector && !matchesSelector(selector, pv.metadata.labels))) return false;
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (node && terms && !matchesNodeSelectorTerms(terms, node.metadata.labels, node.metadata.name)) return false;
  return true;
}

export function findMatchingVolume(claim: StoredClaim, volumes: readonly StoredVolume[], node: Stored<Node> | undefined): StoredVolume | undefined {
  let best: StoredVolume | undefined;
  for (const pv of volumes) {
    if (isPreBoundTo(pv, claim) && fits(pv, claim, node)) return pv;
    if (pv.spec?.claimRef || pv.status?.phase !== 'Available' || !fits(pv, claim, node)) continue;
    if (!best || quantity(pv.spec?.capacity?.storage) < quantity(best.spec?.capacity?.storage)) best = pv;
  }
  return best;
}
