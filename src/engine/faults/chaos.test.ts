import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import { CHAOS_KINDS, parseChaosCommand, resolveChaosSettings, type ChaosLogEntry } from './chaos';
import { clusterWithWeb, deployment } from '../testing/faultCluster';

const MINUTE = 60_000;

/** What chaos did, one line per entry, and the cluster's pods and events: a history to compare. */
function history(c: Cluster): string {
  const log = c.chaos
    .status()
    .log.map((e) => `${e.seq} ${e.atMs} ${e.action} ${e.fault ?? ''} ${e.target ?? ''} ${e.ok} ${e.message}`)
    .join('\n');
  return [log, c.kubectl('get pods -A -o wide').stdout, c.kubectl('get events -A').stdout, c.kubectl('get nodes').stdout].join('\n---\n');
}

function chaosRun(minutes: number, chaosSeed = 7, rate = 4): Cluster {
  const c = clusterWithWeb();
  expect(c.chaos.start({ rate, seed: chaosSeed }).ok).toBe(true);
  c.advance(minutes * MINUTE);
  return c;
}

describe('chaos: determinism', () => {
  it('the same chaos seed gives the same fault sequence and the same cluster', () => {
    const a = chaosRun(6);
    const b = chaosRun(6);
    expect(a.chaos.status().injected).toBeGreaterThan(10);
    expect(history(b)).toBe(history(a));
  });

  it('another chaos seed gives another sequence', () => {
    const faults = (c: Cluster) => c.chaos.status().log.filter((e) => e.action === 'inject').map((e) => `${e.atMs} ${e.fault} ${e.target}`);
    const a = faults(chaosRun(4, 7));
    const b = faults(chaosRun(4, 8));
    expect(a.length).toBeGreaterThan(5);
    expect(b).not.toEqual(a);
  });

  it('the chaos seed defaults to the cluster seed, and chaos draws from its own stream', () => {
    const c = createCluster({ seed: 5, preset: 'default' });
    expect(c.chaos.status()).toMatchObject({ running: false, seed: 5, rate: 1, injected: 0, pendingHeals: 0 });
    const before = c.random.getState();
    const r = c.chaos.start();
    expect(r.ok && r.status.seed).toBe(5);
    // Starting chaos and waiting for its first fault does not consume the cluster's random stream.
    expect(c.random.getState()).toBe(before);
  });

  it('inter-arrival times follow the rate: about `rate` faults a minute over a long run', () => {
    const c = createCluster({ preset: 'default' });
    c.chaos.start({ rate: 2, seed: 3, kinds: ['kill-container'] });
    c.advance(100 * MINUTE);
    // No pod to act on: every arrival is a skip, which counts the arrivals. Poisson(200): ±3σ ≈ ±42.
    const arrivals = c.chaos.status().log.at(-1)!.seq;
    expect(arrivals).toBeGreaterThan(158);
    expect(arrivals).toBeLessThan(242);
  });
});

describe('chaos: snapshot and restore', () => {
  it('a snapshot taken while chaos runs restores to the same state, and both go on identically', () => {
    const c = chaosRun(3);
    const restored = createCluster({ restore: c.snapshot() });
    expect(history(restored)).toBe(history(c));
    expect(restored.chaos.status()).toEqual(c.chaos.status());
    c.advance(4 * MINUTE);
    restored.advance(4 * MINUTE);
    expect(restored.chaos.status().injected).toBeGreaterThan(10);
    expect(history(restored)).toBe(history(c));
  });

  it('start and stop are recorded inputs with resolved settings; the pending heals still happen after stop', () => {
    const c = chaosRun(2);
    const stopped = c.chaos.stop();
    expect(stopped.ok).toBe(true);
    const inputs = c.snapshot().inputs.filter((i) => i.op === 'chaos');
    expect(inputs).toEqual([
      { op: 'chaos', action: 'start', settings: { rate: 4, seed: 7, kinds: ['kill-container', 'delete-pod', 'crashloop', 'liveness-fail', 'readiness-fail', 'node-down', 'partition'] } },
      { op: 'chaos', action: 'stop' },
    ]);
    const injected = c.chaos.status().injected;
    c.advance(10 * MINUTE);
    expect(c.chaos.status()).toMatchObject({ running: false, injected, pendingHeals: 0 });
    expect(c.chaos.status().nextAtMs).toBeUndefined();
    const restored = createCluster({ restore: c.snapshot() });
    expect(history(restored)).toBe(history(c));
    expect(restored.chaos.status().running).toBe(false);
  });

  it('a refused start records nothing and changes nothing', () => {
    const c = clusterWithWeb();
    const n = c.snapshot().inputs.length;
    expect(c.chaos.start({ rate: 0 })).toEqual({ ok: false, error: 'chaos rate must be a number of faults per minute above 0 and at most 60, not "0"' });
    expect(c.chaos.start({ seed: -1 })).toEqual({ ok: false, error: 'chaos seed must be a whole number from 0 to 4294967295, not "-1"' });
    expect(c.chaos.start({ kinds: ['meteor'] })).toEqual({ ok: false, error: `chaos cannot inject "meteor" (kinds: ${CHAOS_KINDS.join(', ')})` });
    expect(c.chaos.stop()).toEqual({ ok: false, error: 'chaos is not on' });
    expect(c.snapshot().inputs.length).toBe(n);
    expect(c.chaos.status().running).toBe(false);
  });
});

describe('chaos: safety rules', () => {
  it('over 30 minutes of every kind at 8 a minute: no system pod, no control-plane node, never the last Ready worker, etcd keeps quorum; then the Deployment heals', () => {
    const c = clusterWithWeb();
    const seen: ChaosLogEntry[] = [];
    const violations: string[] = [];
    const workers = ['worker-1', 'worker-2', 'worker-3'];
    c.chaos.onEvent((e) => {
      seen.push(e);
      if (e.action !== 'inject') return;
      const t = e.target ?? '';
      if (t.startsWith('kube-system/') || t === 'control-plane' || t === 'kube-apiserver') violations.push(`${e.fault} ${t}`);
      const up = workers.filter((w) => c.nodes.kubelet(w)!.state === 'running');
      if (up.length < 1) violations.push(`no worker left running after ${e.fault} ${t}`);
      // At most one of three workers faulted at a time (a majority stays healthy).
      if (up.length < 2) violations.push(`${3 - up.length} workers faulted after ${e.fault} ${t}`);
      if (!c.faults.controlPlane.etcd.hasQuorum) violations.push(`etcd lost quorum after ${e.fault} ${t}`);
    });
    expect(c.chaos.start({ rate: 8, seed: 11, kinds: [...CHAOS_KINDS] }).ok).toBe(true);
    c.advance(30 * MINUTE);
    expect(violations).toEqual([]);
    const injected = new Set(seen.filter((e) => e.action === 'inject' && e.ok).map((e) => e.fault));
    // Every kind the cluster offers a target for was drawn (the web pods have both probes).
    expect([...injected].sort()).toEqual([...CHAOS_KINDS].sort());
    expect(seen.some((e) => e.action === 'heal' && e.fault === 'node-up')).toBe(true);
    expect(seen.some((e) => e.action === 'heal' && e.fault === 'start')).toBe(true);

    c.chaos.stop();
    c.advance(12 * MINUTE);
    expect(c.chaos.status().pendingHeals).toBe(0);
    expect(c.faults.activeFaults()).toEqual([]);
    const d = deployment(c)!;
    expect(d.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    const ready = c.api.peekList<Node>('Node').filter((n) => n.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'));
    expect(ready).toHaveLength(4);
  });

  it('delete-pod only picks pods a controller owns; a bare pod is left alone', () => {
    const c = createCluster({ preset: 'default' });
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n');
    c.advance(30_000);
    c.chaos.start({ rate: 8, seed: 1, kinds: ['delete-pod'] });
    c.advance(5 * MINUTE);
    expect(c.api.peek('Pod', 'default', 'bare')).toBeDefined();
    expect(c.chaos.status().injected).toBe(0);
    expect(c.chaos.status().log.every((e) => e.action === 'skip')).toBe(true);
  });

  it('with a single worker, node faults are never drawn', () => {
    const c = createCluster({ preset: 'default' });
    c.kubectl('delete node worker-2 worker-3');
    c.advance(20_000);
    c.chaos.start({ rate: 8, seed: 2, kinds: ['node-down', 'partition'] });
    c.advance(5 * MINUTE);
    expect(c.nodes.kubelet('worker-1')!.state).toBe('running');
    expect(c.chaos.status().injected).toBe(0);
  });
});

describe('chaos: settings and the command line', () => {
  const defaults = { rate: 1, seed: 1, kinds: ['kill-container' as const] };
  it.each([
    { words: ['on'], want: { ok: true, value: { action: 'on', request: {} } } },
    { words: ['on', 'rate=2', 'seed=42'], want: { ok: true, value: { action: 'on', request: { rate: '2', seed: '42' } } } },
    { words: ['on', 'kinds=delete-pod,node-down'], want: { ok: true, value: { action: 'on', request: { kinds: 'delete-pod,node-down' } } } },
    { words: ['off'], want: { ok: true, value: { action: 'off' } } },
    { words: ['status'], want: { ok: true, value: { action: 'status' } } },
    { words: ['off', 'now'], want: { ok: false, error: 'chaos off takes no options' } },
    { words: ['on', 'fast'], want: { ok: false, error: 'unexpected "fast": chaos on takes rate=N, seed=N and kinds=a,b' } },
    { words: [], want: { ok: false } },
  ])('chaos $words', ({ words, want }) => {
    expect(parseChaosCommand(words)).toMatchObject(want);
  });

  it('typed values are checked and normalised; kinds keep the catalogue order', () => {
    expect(resolveChaosSettings({ rate: '0.5', seed: '42', kinds: 'node-down, kill-container' }, defaults)).toEqual({ ok: true, value: { rate: 0.5, seed: 42, kinds: ['kill-container', 'node-down'] } });
    expect(resolveChaosSettings({ rate: '2/min' }, defaults)).toEqual({ ok: true, value: { ...defaults, rate: 2 } });
    expect(resolveChaosSettings({ rate: 'lots' }, defaults).ok).toBe(false);
    expect(resolveChaosSettings({ rate: 61 }, defaults).ok).toBe(false);
    expect(resolveChaosSettings({ seed: '1.5' }, defaults).ok).toBe(false);
    expect(resolveChaosSettings({ kinds: '' }, defaults)).toMatchObject({ ok: false, code: 'chaos-no-kinds', error: `chaos needs at least one kind (kinds: ${CHAOS_KINDS.join(', ')})` });
  });
});

describe('chaos: extreme rates', () => {
  it('a rate just above 0 starts, and its next fault waits at most a year instead of past the last date', () => {
    const c = clusterWithWeb();
    const r = c.chaos.start({ rate: 5e-324, seed: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.status.nextAtMs).toBeLessThanOrEqual(c.clock.now() + 365 * 24 * 3600_000);
    expect(r.message).toMatch(/next fault at \d\d:\d\d:\d\d/);
  });
});
