import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

describe('node heartbeats', () => {
  it('registers node status at once: Ready KubeletReady, nodeInfo, addresses, capacity kept', () => {
    const c = createKubeletTestCluster();
    const node = c.api.peek<Node>('Node', undefined, 'node-1')!;
    const ready = node.status!.conditions!.find((x) => x.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(node.status!.conditions!.map((x) => x.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
    expect(node.status!.nodeInfo!.kubeletVersion).toMatch(/^v1\.31\./);
    expect(node.status!.nodeInfo!.containerRuntimeVersion).toMatch(/^containerd:\/\/1\.7\./);
    expect(node.status!.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'node-1' },
    ]);
    expect(node.status!.capacity!.cpu).toBe('4');
  });

  it('renews the Lease in kube-node-lease every 10 s with a 40 s duration', () => {
    const c = createKubeletTestCluster();
    const lease = () => c.api.peek<Lease>('Lease', 'kube-node-lease', 'node-1')!;
    expect(lease().spec).toMatchObject({ holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:00.000000Z' });
    expect(lease().metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node-1' });
    c.clock.advance(10_000);
    expect(lease().spec?.renewTime).toBe('2026-01-01T00:00:10.000000Z');
    c.clock.advance(25_000);
    expect(lease().spec?.renewTime).toBe('2026-01-01T00:00:30.000000Z');
  });

  it('posts the full node status only on change or every 5 minutes (nodeStatusReportFrequency)', () => {
    const c = createKubeletTestCluster();
    let writes = 0;
    c.api.watch<Node>('Node', (e) => {
      if (e.type === 'MODIFIED') writes++;
    });
    c.clock.advance(290_000);
    expect(writes).toBe(0);
    c.clock.advance(20_000);
    expect(writes).toBe(1);
    c.createPod({ containers: [{ name: 'a', image: 'nginx:1.25' }] }, 'a');
    c.clock.advance(15_000);
    expect(writes).toBe(2); // the new image is reported at the next 10 s tick
  });

  it('a powered-off machine stops heartbeating; powered on it renews again', () => {
    const c = createKubeletTestCluster();
    const kubelet = c.agents.kubelet('node-1')!;
    kubelet.powerOff();
    c.clock.advance(60_000);
    expect(c.api.peek<Lease>('Lease', 'kube-node-lease', 'node-1')!.spec?.renewTime).toBe('2026-01-01T00:00:00.000000Z');
    kubelet.powerOn();
    c.clock.flush();
    expect(c.api.peek<Lease>('Lease', 'kube-node-lease', 'node-1')!.spec?.renewTime).toBe('2026-01-01T00:01:00.000000Z');
  });

  it('deleting the Node stops its machine', () => {
    const c = createKubeletTestCluster();
    c.api.delete('Node', undefined, 'node-1');
    c.clock.flush();
    expect(c.agents.kubelet('node-1')).toBeUndefined();
  });

  it('top: metrics appear after the first scrape (15 s of running)', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'nginx', image: 'nginx:1.25' }] }, 'web');
    c.clock.advance(10_000);
    expect(c.agents.podMetrics('default', 'web')).toBeUndefined();
    c.clock.advance(15_000);
    const m = c.agents.podMetrics('default', 'web')!;
    expect(m.containers[0]!.memoryBytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(m.containers[0]!.cpuMilli).toBeLessThan(5);
    expect(c.agents.nodeMetrics('node-1')!.memoryBytes).toBeGreaterThan(m.containers[0]!.memoryBytes);
  });
});

describe('network partition', () => {
  it('a partitioned kubelet keeps its containers but stops renewing; healed, it renews at once', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'nginx', image: 'nginx:1.25' }] }, 'web');
    c.clock.advance(10_000);
    const kubelet = c.agents.kubelet('node-1')!;
    kubelet.setPartitioned(true);
    c.clock.advance(60_000);
    expect(c.api.peek<Lease>('Lease', 'kube-node-lease', 'node-1')!.spec?.renewTime).toBe('2026-01-01T00:00:10.000000Z');
    expect(kubelet.slot('default', 'web')!.running).toBe(true);
    kubelet.setPartitioned(false);
    c.clock.flush();
    expect(c.api.peek<Lease>('Lease', 'kube-node-lease', 'node-1')!.spec?.renewTime).toBe('2026-01-01T00:01:10.000000Z');
  });
});
