/**
 * Pod affinity terms as the scheduler uses them (framework.AffinityTerm, built by NewPodInfo):
 * - the namespaces a term looks in: `namespaces`, plus those whose labels match `namespaceSelector`;
 *   with neither set, the pod's own namespace (GetNamespacesFromPodAffinityTerm). A `namespaceSelector`
 *   of `{}` means every namespace;
 * - its label selector (a nil labelSelector matches no pod);
 * - matchLabelKeys / mismatchLabelKeys (MatchLabelKeysInPodAffinity, beta since 1.31): the API server
 *   folds them into the labelSelector at pod creation as `key In (pod's value)` / `key NotIn (pod's
 *   value)`, only for keys the pod has and only when a labelSelector is set; here the scheduler does the
 *   same when it reads the term.
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matchesSelector, type Labels, type Selector } from '../../../apiserver/labels';

export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  /** null: labels.Nothing() (no namespaceSelector). */
  namespaceSelector: Selector | null;
  /** null: the term matches no pod. */
  selector: Selector | null;
  topologyKey: string;
  /** The preferred term's weight; 0 for required terms. */
  weight: number;
}

/** A pod's inter-pod (anti)affinity, or undefined when it has none. */
export interface PodAffinityTerms {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
}

function term(t: PodAffinityTerm, namespace: string, labels: Labels, weight: number): AffinityTerm {
  let selector = fromLabelSelector(t.labelSelector);
  if (selector !== null) {
    for (const key of t.matchLabelKeys ?? []) {
      const v = labels?.[key];
      if (v !== undefined) selector = [...selector, { key, operator: 'In', values: [v] }];
    }
    for (const key of t.mismatchLabelKeys ?? []) {
      const v = labels?.[key];
      if (v !== undefined) selector = [...selector, { key, operator: 'NotIn', values: [v] }];
    }
  }
  const names = t.namespaces ?? [];
  return {
    namespaces: new Set(names.length === 0 && t.namespaceSelector == null ? [namespace] : names),
    namespaceSelector: fromLabelSelector(t.namespaceSelector),
    selector,
    topologyKey: t.topologyKey,
    weight,
  };
}

const weighted = (ts: WeightedPodAffinityTerm[] | undefined, ns: string, labels: Labels): AffinityTerm[] =>
  (ts ?? []).map((w) => term(w.podAffinityTerm, ns, labels, w.weight));

export function podAffinityTerms(spec: Pod['spec'], namespace: string, labels: Labels): PodAffinityTerms | undefined {
  const pa = spec?.affinity?.podAffinity;
  const anti = spec?.affinity?.podAntiAffinity;
  if (!pa && !anti) return undefined;
  return {
    requiredAffinity: (pa?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => term(t, namespace, labels, 0)),
    requiredAntiAffinity: (anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => term(t, namespace, labels, 0)),
    preferredAffinity: weighted(pa?.preferredDuringSchedulingIgnoredDuringExecution, namespace, labels),
    preferredAntiAffinity: weighted(anti?.preferredDuringSchedulingIgnoredDuringExecution, namespace, labels),
  };
}

/**
 * AffinityTerm.Matches: the pod is in one of the term's namespaces (by name, or its namespace's labels
 * match the namespaceSelector) and its labels match the selector. `nsLabels` is asked for only when a
 * namespaceSelector has to decide.
 */
export function termMatches(t: AffinityTerm, namespace: string, labels: Labels, nsLabels: (ns: string) => Labels): boolean {
  if (t.selector === null) return false;
  if (!t.namespaces.has(namespace)) {
    const nsSel = t.namespaceSelector;
    if (nsSel === null) return false;
    if (nsSel.length > 0 && !matchesSelector(nsSel, nsLabels(namespace))) return false;
  }
  return matchesSelector(t.selector, labels);
}

/** podMatchesAllAffinityTerms: false for no terms. */
export function matchesAllTerms(terms: readonly AffinityTerm[], namespace: string, labels: Labels, nsLabels: (ns: string) => Labels): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, namespace, labels, nsLabels)) return false;
  return true;
}
