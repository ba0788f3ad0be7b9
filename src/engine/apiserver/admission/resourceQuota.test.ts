import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata: {name: compute}
spec:
  hard: {pods: "3", limits.cpu: "1", count/configmaps: "1"}
`;
const pod = (name: string, resources = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: app, image: 'nginx:1.27'${resources}}]
`;

function withQuota() {
  const c = createCluster({ seed: 2 });
  c.apply(QUOTA);
  c.advance(1_000);
  return c;
}

describe('ResourceQuota admission', () => {
  it('a quota on limits.cpu wants every container to state it', () => {
    const c = withQuota();
    const [r] = c.apply(pod('bare'));
    expect(r!.message).toContain('pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app');
  });

  it('charges creates at once, refuses what goes over, and a dry run charges nothing', () => {
    const c = withQuota();
    const limited = ', resources: {limits: {cpu: 600m}}';
    expect(c.kubectl('apply -f a.yaml --dry-run=server', { files: { 'a.yaml': pod('a', limited) } }).exitCode).toBe(0);
    expect(c.api.get<{ status: { used: Record<string, string> } }>('ResourceQuota', 'default', 'compute')!.status.used['limits.cpu']).toBe('0');
    c.apply(pod('a', limited));
    expect(c.api.get<{ status: { used: Record<string, string> } }>('ResourceQuota', 'default', 'compute')!.status.used).toEqual({ 'count/configmaps': '0', 'limits.cpu': '600m', pods: '1' });
    const [r] = c.apply(pod('b', limited));
    expect(r!.message).toContain('pods "b" is forbidden: exceeded quota: compute, requested: limits.cpu=600m, used: limits.cpu=600m, limited: limits.cpu=1');
  });

  it('counts objects by count/<resource>', () => {
    const c = withQuota();
    expect(c.kubectl('create configmap one --from-literal=a=b').exitCode).toBe(0);
    const r = c.kubectl('create configmap two --from-literal=a=b');
    expect(r.stderr).toBe('error: failed to create configmap: configmaps "two" is forbidden: exceeded quota: compute, requested: count/configmaps=1, used: count/configmaps=1, limited: count/configmaps=1\n');
  });
});
