/** The scheduler against the real admission chain: defaulted pods, PriorityClasses, and binding. */
import { describe, expect, it } from 'vitest';
import type { Event as KubeEvent, Pod } from 'kubernetes-types/core/v1';
import { registerAdmission } from '../apiserver/admission';
import { Scheduler } from '.';
import { makeNode, makePod, newControlPlane } from '../testing/schedulerFixtures';

function setup() {
  const ctx = newControlPlane();
  registerAdmission(ctx.api);
  const scheduler = new Scheduler(ctx);
  scheduler.boot();
  return { ...ctx, scheduler };
}

describe('with admission', () => {
  it('binds a defaulted pod (schedulerName default-scheduler, default tolerations) despite spec.nodeName being immutable on update', () => {
    const t = setup();
    t.api.create(makeNode('worker-1'));
    const created = t.api.create<Pod>(makePod('web-abc', { cpu: '100m', memory: '64Mi' }));
    expect(created.spec?.schedulerName).toBe('default-scheduler');
    t.clock.flush();
    const pod = t.api.peek<Pod>('Pod', 'default', 'web-abc')!;
    expect(pod.spec?.nodeName).toBe('worker-1');
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect(t.api.peekList<KubeEvent>('Event').map((e) => e.message)).toContain('Successfully assigned default/web-abc to worker-1');
  });

  it('a pod whose priorityClassName resolves to a higher priority is scheduled first', () => {
    const t = setup();
    t.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    t.api.create(makeNode('worker-1', { pods: '1' }));
    t.api.create(makePod('low'));
    t.api.create(makePod('urgent', { spec: { priorityClassName: 'high' } }));
    t.clock.flush();
    expect(t.api.peek<Pod>('Pod', 'default', 'urgent')?.spec?.nodeName).toBe('worker-1');
    expect(t.api.peek<Pod>('Pod', 'default', 'low')?.spec?.nodeName).toBeUndefined();
  });

  it('an Unschedulable status write passes validation', () => {
    const t = setup();
    t.api.create(makeNode('worker-1', { cpu: '1' }));
    t.api.create(makePod('big', { cpu: '2' }));
    t.clock.flush();
    const cond = t.api.peek<Pod>('Pod', 'default', 'big')?.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
  });
});
