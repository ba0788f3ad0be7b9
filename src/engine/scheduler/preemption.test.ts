import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';

const classes = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: low}
value: 10
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 100
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high-never}
value: 100
preemptionPolicy: Never
`;
const pod = (name: string, cls: string, cpu: string, node?: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  priorityClassName: ${cls}
  ${node ? `nodeSelector: {kubernetes.io/hostname: ${node}}` : ''}
  containers: [{name: app, image: 'nginx:1.27', resources: {requests: {cpu: '${cpu}'}}}]
`;

function filled() {
  const c = createCluster({ seed: 4, preset: 'default' });
  c.apply(classes);
  // Each worker: one small and one large low-priority pod (4 CPUs in all).
  for (const n of [1, 2, 3]) c.apply([pod(`small-${n}`, 'low', '1', `worker-${n}`), pod(`large-${n}`, 'low', '2900m', `worker-${n}`)].join('---\n'));
  c.advance(20_000);
  return c;
}

describe('DefaultPreemption', () => {
  it('evicts the fewest victims that make room and nominates their node', () => {
    const c = filled();
    c.apply(pod('urgent', 'high', '2'));
    const urgent = c.api.get<{ status: { nominatedNodeName?: string } }>('Pod', 'default', 'urgent')!;
    const node = urgent.status.nominatedNodeName;
    expect(node).toMatch(/^worker-/);
    const terminating = c.api.list<{ metadata: { name: string; deletionTimestamp?: string } }>('Pod', { namespace: 'default' }).filter((p) => p.metadata.deletionTimestamp);
    // The large pod alone makes room; the small one is reprieved.
    expect(terminating.map((p) => p.metadata.name)).toEqual([`large-${node!.slice(-1)}`]);
    c.advance(40_000);
    expect(c.api.get<{ spec: { nodeName?: string } }>('Pod', 'default', 'urgent')!.spec.nodeName).toBe(node);
  });

  it('a pod with preemptionPolicy Never waits instead', () => {
    const c = filled();
    c.apply(pod('polite', 'high-never', '2'));
    c.advance(5_000);
    const events = c.kubectl('get events --field-selector involvedObject.name=polite').stdout;
    expect(events).toContain('preemption: not eligible due to preemptionPolicy=Never.');
    expect(c.api.list<{ metadata: { deletionTimestamp?: string } }>('Pod', { namespace: 'default' }).some((p) => p.metadata.deletionTimestamp)).toBe(false);
  });
});
