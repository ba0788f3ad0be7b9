import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import { nodeManifest } from '../scenarios/presets';
import { parseImageReference } from './imageReference';
import { planProcess } from './process';
import { planForNode, runsOn } from './platform';
import { resolveImage } from './registry';

/** A mixed cluster: two amd64 workers and one arm64 worker. */
function mixedCluster(): Cluster {
  const c = createCluster({ seed: 5 });
  const nodes = [
    nodeManifest('amd64-a', { cpu: '4', memoryMi: 8192, zone: 'zone-a' }),
    nodeManifest('amd64-b', { cpu: '4', memoryMi: 8192, zone: 'zone-b' }),
    nodeManifest('arm64-a', { cpu: '4', memoryMi: 8192, zone: 'zone-a', arch: 'arm64' }),
  ].join('---\n');
  for (const r of c.apply(nodes)) if (r.action === 'error') throw new Error(r.message);
  c.advance(5_000);
  return c;
}

function deployment(image: string, nodeSelector?: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kuard
spec:
  replicas: 3
  selector:
    matchLabels: { app: kuard }
  template:
    metadata:
      labels: { app: kuard }
    spec:${nodeSelector ? `\n      nodeSelector:\n        kubernetes.io/arch: ${nodeSelector}` : ''}
      containers:
      - name: kuard
        image: ${image}
`;
}

interface PodView {
  metadata: { name: string };
  spec: { nodeName?: string };
  status?: { containerStatuses?: { ready: boolean; restartCount: number; state?: { running?: unknown }; lastState?: { terminated?: { exitCode: number; reason: string } } }[] };
}

function pods(c: Cluster): PodView[] {
  return (c.api.peekList('Pod') as unknown as PodView[]).filter((p) => p.metadata.name.startsWith('kuard-'));
}

describe('CPU architecture: containers share the node\'s kernel and CPU', () => {
  it.each([
    { name: 'a multi-arch image runs everywhere', ref: 'nginx:1.27', arch: 'arm64', want: true },
    { name: 'an amd64-only image runs on amd64', ref: 'gcr.io/kuar-demo/kuard-amd64:blue', arch: 'amd64', want: true },
    { name: 'an arm64-only image does not run on amd64', ref: 'gcr.io/kuar-demo/kuard-arm64:blue', arch: 'amd64', want: false },
    { name: 'an amd64-only image does not run on arm64', ref: 'gcr.io/kuar-demo/kuard-amd64:blue', arch: 'arm64', want: false },
  ])('$name', ({ ref, arch, want }) => {
    const resolved = resolveImage(parseImageReference(ref));
    expect(resolved.ok).toBe(true);
    if (resolved.ok) expect(runsOn(resolved.manifest, arch)).toBe(want);
  });

  it('the failed exec prints `exec <entrypoint>: exec format error` and exits 255', () => {
    const resolved = resolveImage(parseImageReference('gcr.io/kuar-demo/kuard-arm64:blue'));
    if (!resolved.ok) throw new Error('missing image');
    const plan = planProcess({ image: resolved.manifest.config, env: {}, podName: 'p', namespace: 'default', podIP: '10.0.0.1', startMs: 0 });
    const onAmd = planForNode(plan, resolved.manifest, 'amd64');
    expect(onAmd.output.map((o) => o.text)).toEqual(['exec /kuard: exec format error']);
    expect(onAmd.end).toEqual({ kind: 'exit', afterMs: 5, code: 255 });
    expect(planForNode(plan, resolved.manifest, 'arm64')).toBe(plan);
  });

  it('in the engine: the arm64-only image crash-loops with `exec format error` on amd64 nodes and runs with nodeSelector kubernetes.io/arch=arm64', () => {
    const c = mixedCluster();
    expect(c.kubectl('get nodes -L kubernetes.io/arch').stdout).toMatch(/arm64-a\s.*arm64/);
    c.apply(deployment('gcr.io/kuar-demo/kuard-arm64:blue'));
    c.advance(60_000);
    const spread = pods(c);
    expect(spread).toHaveLength(3);
    const onAmd = spread.filter((p) => p.spec.nodeName?.startsWith('amd64'));
    const onArm = spread.filter((p) => p.spec.nodeName === 'arm64-a');
    expect(onAmd.length).toBeGreaterThan(0);
    for (const p of onAmd) {
      const s = p.status!.containerStatuses![0]!;
      expect(s.ready).toBe(false);
      expect(s.restartCount).toBeGreaterThan(0);
      expect(s.lastState?.terminated).toMatchObject({ exitCode: 255, reason: 'Error' });
      expect(c.kubectl(`logs ${p.metadata.name} --previous`).stdout).toBe('exec /kuard: exec format error\n');
    }
    expect(c.kubectl('get pods').stdout).toMatch(/CrashLoopBackOff|Error/);
    for (const p of onArm) expect(p.status!.containerStatuses![0]!.ready).toBe(true);

    // The fix: schedule the pods only where the image's CPU matches.
    c.apply(deployment('gcr.io/kuar-demo/kuard-arm64:blue', 'arm64'));
    c.advance(180_000);
    const fixed = pods(c).filter((p) => p.status?.containerStatuses?.[0]?.ready);
    expect(fixed).toHaveLength(3);
    for (const p of fixed) expect(p.spec.nodeName).toBe('arm64-a');
    expect(pods(c).every((p) => p.spec.nodeName === 'arm64-a')).toBe(true);
  });

  it('existing nodes default to amd64 and existing images are multi-arch: nothing changes for them', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.advance(30_000);
    expect(c.kubectl('get nodes -L kubernetes.io/arch').stdout).not.toContain('arm64');
    c.apply(deployment('nginx:1.27'));
    c.advance(60_000);
    expect(pods(c).every((p) => p.status?.containerStatuses?.[0]?.ready)).toBe(true);
  });
});
