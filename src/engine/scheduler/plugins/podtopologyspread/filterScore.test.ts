import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { SchedulerCache } from '../../cache';
import type { NodeInfo } from '../../framework/nodeInfo';
import { makeNode, makePod, newControlPlane, nodeInfo, podInfo } from '../../../testing/schedulerFixtures';
import { explicitConstraints, ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, HOSTNAME } from './common';
import { filterTopologySpread, topologySpreadFilterState } from './filtering';
import { MatchCounter } from './matchCounter';
import { TopologySpreadScorer, topologySpreadScoring } from './scoring';

const ZONE = 'topology.kubernetes.io/zone';
const zoneNode = (name: string, zone: string): NodeInfo => nodeInfo(makeNode(name, { labels: { [ZONE]: zone } }));

function spreadPod(constraint: Partial<TopologySpreadConstraint>): Pod {
  return makePod('p', {
    labels: { app: 'web' },
    spec: {
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...constraint }],
    },
  });
}

describe('PodTopologySpread filter alone', () => {
  const nodes = [zoneNode('a-1', 'a'), zoneNode('a-2', 'a'), zoneNode('b-1', 'b')];
  const cases: Array<{ name: string; counts: Record<string, number>; node: NodeInfo; constraint?: Partial<TopologySpreadConstraint>; want?: string }> = [
    { name: 'a node in the emptiest zone passes', counts: { 'a-1': 1 }, node: nodes[2]! },
    { name: 'a node in a zone one ahead fails at maxSkew 1 (1 + self − 0 > 1)', counts: { 'a-1': 1 }, node: nodes[1]!, want: ERR_REASON_CONSTRAINTS_NOT_MATCH },
    { name: 'maxSkew 2 allows the zone one ahead', counts: { 'a-1': 1 }, node: nodes[1]!, constraint: { maxSkew: 2 } },
    { name: 'matching pods of a zone add up over its nodes', counts: { 'a-1': 1, 'a-2': 1, 'b-1': 1 }, node: nodes[0]!, want: ERR_REASON_CONSTRAINTS_NOT_MATCH },
    { name: 'minDomains above the domains counted makes the global minimum 0', counts: { 'a-1': 1, 'b-1': 1 }, node: nodes[2]!, constraint: { minDomains: 3 }, want: ERR_REASON_CONSTRAINTS_NOT_MATCH },
    { name: 'a node without the topology key is unresolvable', counts: {}, node: nodeInfo(makeNode('bare')), want: ERR_REASON_NODE_LABEL_NOT_MATCH },
  ];
  it.each(cases)('$name', ({ counts, node, constraint, want }) => {
    const pod = podInfo(spreadPod(constraint ?? {}));
    const constraints = explicitConstraints(pod.pod, 'DoNotSchedule');
    const state = topologySpreadFilterState(pod, constraints, nodes, [new Map(Object.entries(counts))]);
    expect(filterTopologySpread(state, node)?.reasons?.[0]).toBe(want);
  });

  it('the filter state ignores nodes the pod cannot go to (nodeAffinityPolicy Honor): their domain is not counted', () => {
    const pod = podInfo({ ...spreadPod({}), spec: { ...spreadPod({}).spec!, nodeSelector: { [ZONE]: 'b' } } });
    const state = topologySpreadFilterState(pod, explicitConstraints(pod.pod, 'DoNotSchedule'), nodes, [new Map([['a-1', 5]])]);
    expect([...state.domains[0]!]).toEqual([['b', 0]]);
  });
});

describe('PodTopologySpread score alone', () => {
  function cacheWith(nodes: Node[], pods: Pod[]): { cache: SchedulerCache; infos: NodeInfo[] } {
    const { api } = newControlPlane();
    const cache = new SchedulerCache();
    api.watch<Node>('Node', (e) => void cache.onNodeEvent(e));
    api.watch<Pod>('Pod', (e) => void cache.onPodEvent(e));
    for (const n of nodes) api.create(n);
    for (const p of pods) api.create(p);
    return { cache, infos: nodes.map((n) => cache.nodeInfo(n.metadata!.name!)!) };
  }

  it('ScheduleAnyway over hostname: the node with fewer matching pods scores higher after NormalizeScore', () => {
    const nodes = [makeNode('n-1'), makeNode('n-2')];
    const existing = [makePod('w-1', { labels: { app: 'web' }, nodeName: 'n-1' }), makePod('w-2', { labels: { app: 'web' }, nodeName: 'n-1' })];
    const { cache, infos } = cacheWith(nodes, existing);
    const scorer = new TopologySpreadScorer(new MatchCounter(cache), cache);
    const pod = podInfo(spreadPod({ topologyKey: HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway' }));
    const scoring = topologySpreadScoring(pod, () => [])!;
    const out = new Int32Array(2);
    scorer.scoreNodes(pod, scoring, infos, 2, out);
    // 2 matching pods × log(2 nodes + 2) + (maxSkew − 1) = round(2.77) on n-1; 0 on n-2.
    expect([...out]).toEqual([3, 0]);
    scorer.normalize(out, 2);
    expect([...out]).toEqual([0, 100]);
  });

  it('a pod without constraints is scored by the system defaults with its default selector; no selector, no score', () => {
    const pod = podInfo(makePod('p', { labels: { app: 'web' } }));
    expect(topologySpreadScoring(pod, () => [])).toBeUndefined();
    const scoring = topologySpreadScoring(pod, () => [{ key: 'app', operator: 'In', values: ['web'] }])!;
    expect(scoring.requireAll).toBe(false);
    expect(scoring.constraints.map((c) => `${c.key}:${c.maxSkew}`)).toEqual([`${HOSTNAME}:3`, `${ZONE}:5`]);
  });
});
