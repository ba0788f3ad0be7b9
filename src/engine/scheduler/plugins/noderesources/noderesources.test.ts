import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { makeNode, makePod, nodeInfo, podInfo } from '../../../testing/schedulerFixtures';
import { podRequests } from '../../framework/podInfo';
import { balancedAllocation, balancedScore, createNodeResourcesFit, fitsRequest, leastRequestedScore, mostRequestedScore } from '.';

const view = { nodeCount: 1, nodesWithImage: () => 0 };
const c = (name: string, requests: Record<string, string>, extra: Partial<Container> = {}): Container => ({ name, image: 'busybox', resources: { requests }, ...extra });

describe('NodeResourcesFit filter', () => {
  const cases: Array<{ name: string; node?: Parameters<typeof makeNode>[1]; existing?: Pod[]; pod: Pod; reasons?: string[]; code?: string }> = [
    { name: 'a pod that fits passes', pod: makePod('p', { cpu: '1', memory: '1Gi' }) },
    {
      name: 'cpu request above what is left is Insufficient cpu (resolvable: smaller than allocatable)',
      existing: [makePod('x', { cpu: '3500m' })],
      pod: makePod('p', { cpu: '1' }),
      reasons: ['Insufficient cpu'],
      code: 'Unschedulable',
    },
    { name: 'a request exactly equal to what is left fits', existing: [makePod('x', { cpu: '3' })], pod: makePod('p', { cpu: '1' }) },
    { name: 'a request above the whole allocatable is unresolvable', pod: makePod('p', { cpu: '5' }), reasons: ['Insufficient cpu'], code: 'UnschedulableAndUnresolvable' },
    { name: 'memory is checked too', pod: makePod('p', { memory: '9Gi' }), reasons: ['Insufficient memory'], code: 'UnschedulableAndUnresolvable' },
    {
      name: 'every insufficient resource is reported, cpu before memory',
      existing: [makePod('x', { cpu: '4', memory: '8Gi' })],
      pod: makePod('p', { cpu: '100m', memory: '1Mi' }),
      reasons: ['Insufficient cpu', 'Insufficient memory'],
      code: 'Unschedulable',
    },
    {
      name: 'a pod without requests fits a node whose cpu is fully requested (requests count as 0)',
      existing: [makePod('x', { cpu: '4', memory: '8Gi' })],
      pod: makePod('p'),
    },
    {
      name: 'pod count is limited by allocatable pods: Too many pods',
      node: { pods: '2' },
      existing: [makePod('x'), makePod('y')],
      pod: makePod('p'),
      reasons: ['Too many pods'],
      code: 'Unschedulable',
    },
    {
      name: 'an extended resource the node lacks is Insufficient <name>',
      pod: makePod('p', { containers: [c('gpu', { 'nvidia.com/gpu': '1' })] }),
      reasons: ['Insufficient nvidia.com/gpu'],
      code: 'UnschedulableAndUnresolvable',
    },
    { name: 'an extended resource the node has fits', node: { extra: { 'nvidia.com/gpu': '2' } }, pod: makePod('p', { containers: [c('gpu', { 'nvidia.com/gpu': '1' })] }) },
  ];
  it.each(cases)('$name', ({ node, existing, pod, reasons, code }) => {
    const got = fitsRequest(podInfo(pod), nodeInfo(makeNode('n', node), existing));
    expect(got?.reasons).toEqual(reasons);
    expect(got?.code).toBe(code);
  });
});

describe('pod requests (resourcehelper.PodRequests)', () => {
  const cases: Array<{ name: string; spec: Pod['spec']; cpu: number; memory?: number }> = [
    { name: 'app containers add up', spec: { containers: [c('a', { cpu: '100m' }), c('b', { cpu: '200m' })] }, cpu: 300 },
    { name: 'an init container larger than the app containers sets the request', spec: { containers: [c('a', { cpu: '100m' }), c('b', { cpu: '200m' })], initContainers: [c('i', { cpu: '500m' })] }, cpu: 500 },
    {
      name: 'a sidecar (restartPolicy Always) adds to the app containers and to later init containers',
      spec: { containers: [c('a', { cpu: '300m' })], initContainers: [c('s', { cpu: '100m' }, { restartPolicy: 'Always' }), c('i', { cpu: '500m' })] },
      cpu: 600,
    },
    { name: 'limits stand in for missing requests (API defaulting)', spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '250m', memory: '64Mi' } } }] }, cpu: 250, memory: 64 * 1024 * 1024 },
    { name: 'pod overhead is added', spec: { containers: [c('a', { cpu: '100m' })], overhead: { cpu: '50m' } }, cpu: 150 },
  ];
  it.each(cases)('$name', ({ spec, cpu, memory }) => {
    const r = podRequests({ spec });
    expect(r.milliCPU).toBe(cpu);
    if (memory !== undefined) expect(r.memory).toBe(memory);
  });

  it('for scoring, containers without requests count 100m cpu and 200Mi memory each', () => {
    const r = podRequests({ spec: { containers: [{ name: 'a', image: 'x' }, c('b', { cpu: '1' })] } }, true);
    expect(r.milliCPU).toBe(1100);
    expect(r.memory).toBe(2 * 200 * 1024 * 1024);
  });
});

describe('NodeResourcesFit score', () => {
  it.each([
    { name: 'LeastAllocated: free fraction after placing', fn: leastRequestedScore, req: 1000, cap: 4000, want: 75 },
    { name: 'LeastAllocated: over capacity scores 0', fn: leastRequestedScore, req: 5000, cap: 4000, want: 0 },
    { name: 'LeastAllocated: zero capacity scores 0', fn: leastRequestedScore, req: 0, cap: 0, want: 0 },
    { name: 'LeastAllocated truncates like Go integer division', fn: leastRequestedScore, req: 100, cap: 4000, want: 97 },
    { name: 'MostAllocated: used fraction after placing', fn: mostRequestedScore, req: 1000, cap: 4000, want: 25 },
    { name: 'MostAllocated: capped at capacity', fn: mostRequestedScore, req: 5000, cap: 4000, want: 100 },
  ])('$name', ({ fn, req, cap, want }) => expect(fn(req, cap)).toBe(want));

  it('LeastAllocated averages cpu and memory (weight 1 each)', () => {
    const fit = createNodeResourcesFit('LeastAllocated');
    const node = nodeInfo(makeNode('n'), [makePod('x', { cpu: '2', memory: '1Gi' })]);
    // cpu (4000 − 3000)·100/4000 = 25, memory (8 − 2)/8 = 75 → 50
    expect(fit.score(podInfo(makePod('p', { cpu: '1', memory: '1Gi' })), node, view)).toBe(50);
  });

  it('a pod without requests is scored with the non-zero defaults, so empty nodes are preferred', () => {
    const fit = createNodeResourcesFit('LeastAllocated');
    expect(fit.score(podInfo(makePod('p')), nodeInfo(makeNode('empty')), view)).toBe(97);
    expect(fit.score(podInfo(makePod('p')), nodeInfo(makeNode('busy'), [makePod('a'), makePod('b'), makePod('c'), makePod('d')]), view)).toBe(87);
  });

  it('MostAllocated prefers the fuller node (bin packing)', () => {
    const fit = createNodeResourcesFit('MostAllocated');
    const pod = podInfo(makePod('p', { cpu: '1', memory: '2Gi' }));
    const empty = fit.score(pod, nodeInfo(makeNode('empty')), view);
    const half = fit.score(pod, nodeInfo(makeNode('half'), [makePod('x', { cpu: '2', memory: '4Gi' })]), view);
    expect(empty).toBe(25);
    expect(half).toBe(75);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it.each([
    { name: 'equal fractions are perfectly balanced', fractions: [0.5, 0.5], want: 100 },
    { name: 'two resources: 100·(1 − |f1 − f2|/2)', fractions: [0.75, 0.25], want: 75 },
    { name: 'three resources use the standard deviation', fractions: [0, 0.5, 1], want: 59 },
  ])('$name', ({ fractions, want }) => expect(balancedScore(fractions)).toBe(want));

  it('scores the fractions after placing the pod, from real requests', () => {
    const node = nodeInfo(makeNode('n'), [makePod('x', { cpu: '2', memory: '1Gi' })]);
    // cpu 3/4, memory 2/8 → std 0.25 → 75
    expect(balancedAllocation.score(podInfo(makePod('p', { cpu: '1', memory: '1Gi' })), node, view)).toBe(75);
  });

  it('is skipped for a pod that requests nothing (BestEffort)', () => {
    expect(balancedAllocation.preScore!(podInfo(makePod('p')), view)).toBe(false);
    expect(balancedAllocation.preScore!(podInfo(makePod('p', { cpu: '10m' })), view)).toBe(true);
  });
});
