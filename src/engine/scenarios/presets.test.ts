import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkSnapshot } from '../snapshotFormat';
import { BIG_CLUSTER, PRESET_NAMES, bigClusterNodeName, isPresetName, presetManifests } from './presets';

describe('cluster presets', () => {
  it('the big cluster is 1,000 nodes over four zones and ten Deployments of 1,000 replicas', () => {
    const docs = parseAllDocuments(presetManifests('big-cluster')).map((d) => d.toJS() as { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: { replicas?: number } });
    const nodes = docs.filter((d) => d.kind === 'Node');
    expect(nodes).toHaveLength(1000);
    const zones = new Map<string, number>();
    for (const n of nodes) zones.set(n.metadata.labels!['topology.kubernetes.io/zone']!, (zones.get(n.metadata.labels!['topology.kubernetes.io/zone']!) ?? 0) + 1);
    expect([...zones.values()]).toEqual([250, 250, 250, 250]);
    const deployments = docs.filter((d) => d.kind === 'Deployment');
    expect(deployments.map((d) => d.spec?.replicas ?? 0).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(nodes.filter((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})).map((n) => n.metadata.name)).toEqual(['control-plane']);
  });

  it('names sort as the machines are numbered', () => expect([bigClusterNodeName(10), bigClusterNodeName(9)].sort()).toEqual(['node-0009', 'node-0010']));

  it.each(PRESET_NAMES.map((name) => ({ name })))('a snapshot of preset $name is accepted', ({ name }) => {
    expect(checkSnapshot({ version: 1, seed: 1, preset: name, inputs: [], at: '' }).ok).toBe(true);
  });

  it('an unknown preset name is refused', () => {
    expect(isPresetName('huge')).toBe(false);
    expect(checkSnapshot({ version: 1, seed: 1, preset: 'huge', inputs: [], at: '' })).toEqual({ ok: false, error: 'unknown preset "huge"' });
  });

  it('sizes match the constants', () => expect(BIG_CLUSTER.deployments.length * BIG_CLUSTER.replicasEach).toBe(10_000));
});
