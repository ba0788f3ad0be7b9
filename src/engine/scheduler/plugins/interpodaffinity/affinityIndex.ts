/**
 * The existing pods (bound or assumed) that carry pod (anti)affinity terms, kept current from the
 * scheduler cache's pod events, so that pods without any affinity cost InterPodAffinity nothing.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { CountedPod, PodCountListener } from '../../cache';
import { podAffinityTerms, type PodAffinityTerms } from './terms';

export class AffinityPodIndex implements PodCountListener {
  /** Existing pods with pod (anti)affinity, and their terms. */
  readonly withAffinity = new Map<CountedPod, PodAffinityTerms>();
  withRequiredAntiAffinity = 0;
  /**
   * The namespaces the existing pods' scoring terms look in (and how many terms use a namespace
   * selector instead): an incoming pod in none of them cannot match any, and PreScore skips at once.
   */
  private readonly scoringNamespaces = new Map<string, number>();
  private scoringBySelector = 0;

  /** Whether some existing pod's scoring term may match a pod in `namespace`. */
  mayScore(namespace: string): boolean {
    return this.scoringBySelector > 0 || this.scoringNamespaces.has(namespace);
  }

  podCounted(pod: CountedPod, delta: 1 | -1): void {
    if (delta < 0) {
      const terms = this.withAffinity.get(pod);
      if (!terms) return;
      this.withAffinity.delete(pod);
      if (terms.requiredAntiAffinity.length > 0) this.withRequiredAntiAffinity--;
      this.indexScoringTerms(terms, -1);
      return;
    }
    const terms = podAffinityTerms(pod.spec as Pod['spec'], pod.namespace, pod.labels);
    if (!terms) return;
    this.withAffinity.set(pod, terms);
    if (terms.requiredAntiAffinity.length > 0) this.withRequiredAntiAffinity++;
    this.indexScoringTerms(terms, 1);
  }

  nodesChanged(): void {}

  private indexScoringTerms(terms: PodAffinityTerms, delta: 1 | -1): void {
    for (const list of [terms.requiredAffinity, terms.preferredAffinity, terms.preferredAntiAffinity]) {
      for (const t of list) {
        if (t.namespaceSelector !== null) this.scoringBySelector += delta;
        for (const ns of t.namespaces) {
          const n = (this.scoringNamespaces.get(ns) ?? 0) + delta;
          if (n === 0) this.scoringNamespaces.delete(ns);
          else this.scoringNamespaces.set(ns, n);
        }
      }
    }
  }
}
