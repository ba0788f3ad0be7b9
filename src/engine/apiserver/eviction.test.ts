import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { ApiError } from './errors';
import { evictPod, PDB_VIOLATION_MESSAGE } from './eviction';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: 'nginx:1.27'}]}
`;
const pdb = (name: string, field: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}}
spec:
  ${field}
  selector: {matchLabels: {app: web}}
`;

function cluster(...budgets: string[]) {
  const c = createCluster({ seed: 3, preset: 'default' });
  c.apply([DEPLOY, ...budgets].join('---\n'));
  c.advance(30_000);
  const pods = c.api.list<{ metadata: { name: string } }>('Pod', { namespace: 'default' }).map((p) => p.metadata.name).sort();
  return { c, pods };
}

function refusal(fn: () => void): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the eviction to be refused');
}

describe('the pods/eviction subresource', () => {
  it('lets one pod go while the budget has room, then answers 429', () => {
    const { c, pods } = cluster(pdb('one', 'maxUnavailable: 1'));
    evictPod(c.api, 'default', pods[0]!, c.clock.nowRfc3339());
    expect(c.api.get('Pod', 'default', pods[0]!)?.metadata.deletionTimestamp).toBeDefined();
    const status = c.api.get<{ status: { disruptionsAllowed: number; disruptedPods: Record<string, string> } }>('PodDisruptionBudget', 'default', 'one')!.status;
    expect(status.disruptionsAllowed).toBe(0);
    expect(Object.keys(status.disruptedPods)).toEqual([pods[0]]);
    const err = refusal(() => evictPod(c.api, 'default', pods[1]!, c.clock.nowRfc3339()));
    expect([err.code, err.message]).toEqual([429, PDB_VIOLATION_MESSAGE]);
  });

  it('refuses a pod two budgets cover, with a 500', () => {
    const { c, pods } = cluster(pdb('a', 'maxUnavailable: 1'), pdb('b', 'minAvailable: 1'));
    const err = refusal(() => evictPod(c.api, 'default', pods[0]!, c.clock.nowRfc3339()));
    expect([err.code, err.message]).toEqual([500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.']);
  });

  it('answers 404 for a pod that does not exist', () => {
    const { c } = cluster();
    expect(refusal(() => evictPod(c.api, 'default', 'nope', c.clock.nowRfc3339())).code).toBe(404);
  });

  it('counts a percentage of the Deployment scale, rounding up', () => {
    const { c } = cluster(pdb('half', "minAvailable: '50%'"));
    const st = c.api.get<{ status: Record<string, number> }>('PodDisruptionBudget', 'default', 'half')!.status;
    expect([st.expectedPods, st.desiredHealthy, st.currentHealthy, st.disruptionsAllowed]).toEqual([2, 1, 2, 1]);
  });
});
