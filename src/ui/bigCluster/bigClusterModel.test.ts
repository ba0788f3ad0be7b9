import { describe, expect, it } from 'vitest';
import type { ObjectsOfKind } from '../../store/mirror';
import { machinesByZone, podsPerMachine, zoneTotals } from './bigClusterModel';

const node = (name: string, zone: string | undefined, ready = 'True') => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: zone ? { 'topology.kubernetes.io/zone': zone } : {} },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});

const pod = (name: string, nodeName: string, phase: string, ready: boolean, namespace = 'default') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
  status: {
    phase,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    containerStatuses: [{ name: 'c', ready, restartCount: 0, image: 'nginx', imageID: '', state: phase === 'Running' ? { running: {} } : { waiting: { reason: 'ContainerCreating' } } }],
  },
});

describe('big-cluster model', () => {
  const nodes = { a: node('node-2', 'zone-b'), b: node('node-1', 'zone-a'), c: node('node-3', undefined, 'False'), d: node('node-4', 'zone-a') } as unknown as ObjectsOfKind;
  const pods = {
    p1: pod('web-1', 'node-1', 'Running', true),
    p2: pod('web-2', 'node-1', 'Pending', false),
    p3: pod('web-3', 'node-2', 'Running', true),
    p4: pod('kube-proxy-x', 'node-1', 'Running', true, 'kube-system'),
  } as unknown as ObjectsOfKind;

  it('groups machines by zone, zones in name order and the unzoned last', () => {
    expect(machinesByZone(nodes).map((z) => [z.name, z.machines.map((m) => m.name)])).toEqual([
      ['zone-a', ['node-1', 'node-4']],
      ['zone-b', ['node-2']],
      ['', ['node-3']],
    ]);
  });

  it('is memoised on the Node map: the same map gives the same groups', () => expect(machinesByZone(nodes)).toBe(machinesByZone(nodes)));

  it('counts each machine’s pods by state, kube-system only when shown', () => {
    expect(podsPerMachine(pods, false).get('node-1')?.counts).toMatchObject({ ready: 1, pending: 1 });
    expect(podsPerMachine(pods, true).get('node-1')?.tones).toHaveLength(3);
  });

  it('totals a zone: machines, those not Ready, and pods by state', () => {
    const [zoneA] = machinesByZone(nodes);
    const totals = zoneTotals(zoneA!, podsPerMachine(pods, false));
    expect(totals.machines).toBe(2);
    expect(totals.notReady).toBe(0);
    expect(totals.pods.ready + totals.pods.pending).toBe(2);
    const unzoned = machinesByZone(nodes)[2]!;
    expect(zoneTotals(unzoned, podsPerMachine(pods, false)).notReady).toBe(1);
  });
});
