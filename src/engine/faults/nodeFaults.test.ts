import type { Node, Taint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cue } from '../cues';
import { advanceUntil, clusterWithWeb, deployment, nodeReady, seconds, webPods } from '../testing/faultCluster';

function unreachableNoExecute(c: ReturnType<typeof clusterWithWeb>, node: string): Taint | undefined {
  return c.api.peek<Node>('Node', undefined, node)?.spec?.taints?.find((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute');
}

function leaseRenewSeconds(c: ReturnType<typeof clusterWithWeb>, node: string): number {
  const lease = c.api.peek<{ spec?: { renewTime?: string } }>('Lease', 'kube-node-lease', node);
  return (Date.parse(lease!.spec!.renewTime!) - Date.parse('2026-01-01T00:00:00Z')) / 1000;
}

describe('node-down and node-up', () => {
  it('no heartbeat for the 50 s grace period (checked every 5 s) → Ready Unknown; NoExecute taint + 300 s → pods evicted and replaced elsewhere', () => {
    const c = clusterWithWeb();
    const victim = webPods(c)[0]!;
    const node = victim.spec!.nodeName!;
    expect(c.inject({ fault: 'node-down', target: node })).toMatchObject({ ok: true, message: `node "${node}" powered off: its containers stopped and its kubelet no longer posts status` });
    const lastRenew = leaseRenewSeconds(c, node);
    // The machine is off: nothing runs there any more.
    expect(c.nodes.kubelet(node)!.podCount).toBe(0);

    const unknownAt = advanceUntil(c, () => nodeReady(c, node) === 'Unknown', 120_000)!;
    expect(unknownAt - lastRenew).toBeGreaterThan(50);
    expect(unknownAt - lastRenew).toBeLessThanOrEqual(55);
    expect(c.kubectl('get nodes').stdout).toMatch(new RegExp(`${node}\\s+NotReady`));

    advanceUntil(c, () => unreachableNoExecute(c, node) !== undefined, 30_000);
    const taintedAt = (Date.parse(unreachableNoExecute(c, node)!.timeAdded!) - Date.parse('2026-01-01T00:00:00Z')) / 1000;
    expect(taintedAt - unknownAt).toBeLessThanOrEqual(5);

    // DefaultTolerationSeconds: tolerationSeconds 300 for unreachable:NoExecute.
    const evictedAt = advanceUntil(c, () => c.api.peek('Pod', 'default', victim.metadata.name)?.metadata.deletionTimestamp !== undefined, 400_000)!;
    expect(evictedAt - taintedAt).toBeGreaterThanOrEqual(300);
    expect(evictedAt - taintedAt).toBeLessThanOrEqual(301);

    const healedAt = advanceUntil(c, () => deployment(c)?.status?.availableReplicas === 3 && webPods(c).filter((p) => !p.metadata.deletionTimestamp).length === 3, 60_000);
    expect(healedAt).toBeDefined();
    const live = webPods(c).filter((p) => !p.metadata.deletionTimestamp);
    for (const p of live) {
      expect(p.spec?.nodeName).not.toBe(node);
      expect(p.status?.phase).toBe('Running');
    }
    // The evicted pod waits in Terminating: only its (silent) kubelet could confirm the deletion.
    expect(c.kubectl('get pods').stdout).toMatch(new RegExp(`${victim.metadata.name}\\s+1/1\\s+Terminating`));

    expect(c.inject({ fault: 'node-up', target: node }).ok).toBe(true);
    c.advance(30_000);
    expect(nodeReady(c, node)).toBe('True');
    expect(unreachableNoExecute(c, node)).toBeUndefined();
    // Back, the kubelet finds the pod deleted and confirms it.
    expect(c.api.peek('Pod', 'default', victim.metadata.name)).toBeUndefined();
    expect(webPods(c)).toHaveLength(3);
  });

  it('a node down for less than the grace period never turns NotReady; its pods restart when it is back', () => {
    const c = clusterWithWeb();
    const node = webPods(c)[0]!.spec!.nodeName!;
    const name = webPods(c)[0]!.metadata.name;
    c.inject({ fault: 'node-down', target: node });
    c.advance(30_000);
    c.inject({ fault: 'node-up', target: node });
    const readyAgain = advanceUntil(c, () => c.nodes.kubelet(node)!.slot('default', name)?.running === true, 10_000);
    expect(readyAgain).toBeDefined();
    c.advance(60_000);
    expect(nodeReady(c, node)).toBe('True');
    expect(c.api.peekList('Event', { namespace: 'default' }).some((e) => (e as { reason?: string }).reason === 'NodeNotReady')).toBe(false);
    expect(webPods(c).map((p) => p.metadata.name)).toContain(name);
  });
});

describe('partition and heal', () => {
  it('the node looks Unknown, its pods are evicted and replaced, its containers keep running; after heal the kubelet stops the duplicates', () => {
    const c = clusterWithWeb();
    const victim = webPods(c)[0]!;
    const node = victim.spec!.nodeName!;
    expect(c.inject({ fault: 'partition', target: node }).ok).toBe(true);
    const kubelet = c.nodes.kubelet(node)!;

    expect(advanceUntil(c, () => nodeReady(c, node) === 'Unknown', 60_000)).toBeDefined();
    const evicted = advanceUntil(c, () => c.api.peek('Pod', 'default', victim.metadata.name)?.metadata.deletionTimestamp !== undefined, 400_000);
    expect(evicted).toBeDefined();
    expect(advanceUntil(c, () => deployment(c)?.status?.availableReplicas === 3, 60_000)).toBeDefined();
    // The control plane has replaced it, but the partitioned node does not know: the old container serves on.
    expect(kubelet.slot('default', victim.metadata.name)?.running).toBe(true);
    const live = webPods(c).filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec?.nodeName !== node)).toBe(true);

    expect(c.inject({ fault: 'heal', target: node })).toMatchObject({ ok: true, message: `node "${node}" reconnected: its kubelet reports again and stops the pods the control plane deleted meanwhile` });
    // The kubelet relists, sees the deletion, stops the container within its grace period and confirms.
    expect(advanceUntil(c, () => c.api.peek('Pod', 'default', victim.metadata.name) === undefined, 35_000)).toBeDefined();
    expect(kubelet.slot('default', victim.metadata.name)).toBeUndefined();
    c.advance(10_000);
    expect(nodeReady(c, node)).toBe('True');
    expect(webPods(c)).toHaveLength(3);
  });
});

describe('a short partition (NotReady, healed before eviction)', () => {
  it('the pods the node controller marked NotReady are Ready again once the kubelet reconnects, and the Deployment is whole', () => {
    const c = clusterWithWeb();
    const node = webPods(c)[0]!.spec!.nodeName!;
    const onNode = webPods(c).filter((p) => p.spec?.nodeName === node);
    c.inject({ fault: 'partition', target: node });
    // Grace period 50 s, then markPodsNotReady: the Deployment loses those pods' availability.
    c.advance(70_000);
    expect(nodeReady(c, node)).toBe('Unknown');
    expect(deployment(c)?.status?.readyReplicas).toBe(3 - onNode.length);
    c.inject({ fault: 'heal', target: node });
    // The status manager rewrites the pods' statuses at once; the node is Ready at its next heartbeat.
    expect(advanceUntil(c, () => deployment(c)?.status?.readyReplicas === 3, 15_000)).toBeDefined();
    c.advance(10_000);
    expect(nodeReady(c, node)).toBe('True');
  });
});

describe('zone-down', () => {
  it('powers off every node labelled with the zone', () => {
    const c = createCluster({ preset: 'default' });
    expect(c.inject({ fault: 'zone-down', target: 'zone-b' })).toMatchObject({ ok: true, message: 'zone "zone-b" down: node "worker-2" powered off' });
    expect(c.nodes.kubelet('worker-2')!.state).toBe('poweredOff');
    expect(c.nodes.kubelet('worker-1')!.state).toBe('running');
    c.advance(60_000);
    expect(nodeReady(c, 'worker-2')).toBe('Unknown');
    expect(c.inject({ fault: 'zone-up', target: 'zone-b' }).ok).toBe(true);
    c.advance(15_000);
    expect(nodeReady(c, 'worker-2')).toBe('True');
  });
});

describe('replay and cues', () => {
  it('a snapshot replays its injections: the restored cluster has the same history', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'node-down', target: 'worker-2' });
    c.advance(420_000);
    const restored = createCluster({ restore: c.snapshot() });
    const summary = (x: typeof c) => webPods(x).map((p) => `${p.metadata.name} ${p.spec?.nodeName} ${p.status?.phase} ${p.metadata.deletionTimestamp ?? ''}`);
    expect(summary(restored)).toEqual(summary(c));
    expect(seconds(restored)).toBe(seconds(c));
    expect(restored.nodes.kubelet('worker-2')!.state).toBe('poweredOff');
  });

  it('each fault is announced with a cue: injected, then healed', () => {
    const c = createCluster({ preset: 'default' });
    const cues: Cue[] = [];
    c.onCue((cue) => {
      if (cue.type === 'fault') cues.push(cue);
    });
    c.inject({ fault: 'partition', target: 'worker-3' });
    c.inject({ fault: 'heal', target: 'worker-3' });
    c.inject({ fault: 'node-down', target: 'nope' });
    expect(cues).toEqual([
      { type: 'fault', fault: 'partition', target: 'worker-3', phase: 'injected' },
      { type: 'fault', fault: 'heal', target: 'worker-3', phase: 'healed' },
    ]);
  });
});
