import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { CountedPod } from '../../cache';
import { makeNode, nodeInfo } from '../../../testing/schedulerFixtures';
import {
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  existingAntiAffinityCounts,
  filterInterPodAffinity,
  incomingAffinityCounts,
  type InterPodAffinityFilterState,
} from './filtering';
import { addTermScores, normalizeInterPodAffinityScores, scoreInterPodAffinity } from './scoring';
import { podAffinityTerms, type PodAffinityTerms } from './terms';
import type { TopologyCounts } from './topologyCounts';

const ZONE = 'topology.kubernetes.io/zone';
const zoneNode = (name: string, zone: string) => nodeInfo(makeNode(name, { labels: { [ZONE]: zone } }));
const noNamespaceLabels = () => undefined;

function termsOf(affinity: NonNullable<Pod['spec']>['affinity']): PodAffinityTerms {
  return podAffinityTerms({ containers: [], affinity }, 'default', { app: 'web' })!;
}

const requiredAffinityToCache = termsOf({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: ZONE, labelSelector: { matchLabels: { app: 'cache' } } }] } });
const requiredAntiAffinityToWeb = termsOf({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: ZONE, labelSelector: { matchLabels: { app: 'web' } } }] } });

/** An existing pod labelled app=<app> on `nodeName`, as the scheduler cache counts it. */
function existing(app: string, nodeName: string): CountedPod {
  return { namespace: 'default', labels: { app }, terminating: false, nodeName, spec: {} };
}
const nodeZones: Record<string, string> = { 'a-1': 'a', 'b-1': 'b' };
const nodeLabelsOf = (pod: CountedPod) => (nodeZones[pod.nodeName] ? { [ZONE]: nodeZones[pod.nodeName]! } : null);

function state(over: Partial<InterPodAffinityFilterState>): InterPodAffinityFilterState {
  return { terms: null, affinity: new Map(), antiAffinity: new Map(), existingAnti: new Map(), selfAffine: false, ...over };
}

describe('InterPodAffinity filter alone', () => {
  it('required affinity: only the zone holding a matching pod passes', () => {
    const { affinity } = incomingAffinityCounts(requiredAffinityToCache, [existing('cache', 'a-1')], nodeLabelsOf, noNamespaceLabels);
    const s = state({ terms: requiredAffinityToCache, affinity });
    expect(filterInterPodAffinity(s, zoneNode('a-2', 'a'))).toBeUndefined();
    expect(filterInterPodAffinity(s, zoneNode('b-2', 'b'))?.reasons).toEqual([ERR_REASON_AFFINITY_RULES_NOT_MATCH]);
    expect(filterInterPodAffinity(s, nodeInfo(makeNode('bare')))?.code).toBe('UnschedulableAndUnresolvable');
  });

  it('required affinity with no matching pod anywhere: a self-affine pod may go anywhere, another may not', () => {
    expect(filterInterPodAffinity(state({ terms: requiredAffinityToCache, selfAffine: true }), zoneNode('b-1', 'b'))).toBeUndefined();
    expect(filterInterPodAffinity(state({ terms: requiredAffinityToCache, selfAffine: false }), zoneNode('b-1', 'b'))?.reasons).toEqual([ERR_REASON_AFFINITY_RULES_NOT_MATCH]);
  });

  it('required anti-affinity: the zone holding a matching pod fails (Unschedulable)', () => {
    const { antiAffinity } = incomingAffinityCounts(requiredAntiAffinityToWeb, [existing('web', 'a-1')], nodeLabelsOf, noNamespaceLabels);
    const s = state({ terms: requiredAntiAffinityToWeb, antiAffinity });
    expect(filterInterPodAffinity(s, zoneNode('a-2', 'a'))).toEqual({ plugin: 'InterPodAffinity', code: 'Unschedulable', reasons: [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH] });
    expect(filterInterPodAffinity(s, zoneNode('b-2', 'b'))).toBeUndefined();
  });

  it("symmetry: an existing pod's required anti-affinity keeps a matching pod out of its zone", () => {
    const existingAnti = existingAntiAffinityCounts('default', { app: 'web' }, [[existing('lonely', 'b-1'), requiredAntiAffinityToWeb]], nodeLabelsOf, noNamespaceLabels);
    const s = state({ existingAnti });
    expect(filterInterPodAffinity(s, zoneNode('b-2', 'b'))?.reasons).toEqual([ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH]);
    expect(filterInterPodAffinity(s, zoneNode('a-2', 'a'))).toBeUndefined();
  });
});

describe('InterPodAffinity score alone', () => {
  const preferred = termsOf({
    podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { topologyKey: ZONE, labelSelector: { matchLabels: { app: 'cache' } } } }] },
    podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 4, podAffinityTerm: { topologyKey: ZONE, labelSelector: { matchLabels: { app: 'web' } } } }] },
  });

  it('preferred terms add their weight to the matching pod’s zone (+ affinity, − anti-affinity); NormalizeScore maps to 0..100', () => {
    const topologyScore: TopologyCounts = new Map();
    for (const pod of [existing('cache', 'a-1'), existing('web', 'b-1')]) {
      addTermScores(topologyScore, preferred.preferredAffinity, pod.namespace, pod.labels, () => nodeLabelsOf(pod), noNamespaceLabels, 1);
      addTermScores(topologyScore, preferred.preferredAntiAffinity, pod.namespace, pod.labels, () => nodeLabelsOf(pod), noNamespaceLabels, -1);
    }
    const nodes = [zoneNode('a-2', 'a'), zoneNode('b-2', 'b'), zoneNode('c-1', 'c')];
    const scores = Int32Array.from(nodes.map((n) => scoreInterPodAffinity(topologyScore, n)));
    expect([...scores]).toEqual([10, -4, 0]);
    normalizeInterPodAffinityScores(scores, 3);
    expect([...scores]).toEqual([100, 0, 28]);
  });

  it('NormalizeScore gives every node 0 when all score the same', () => {
    const scores = Int32Array.from([5, 5]);
    normalizeInterPodAffinityScores(scores, 2);
    expect([...scores]).toEqual([0, 0]);
  });
});
