import { beforeAll, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../engine/cluster';
import type { FromWorker, KubectlReply, ToWorker } from './protocol';
import { SimulationHost } from './simulationHost';
import { preloadDeferredModules } from './deferredModules';

// kubectl and the concept scenarios load lazily in the worker; here, up front, so the host answers at once.
beforeAll(preloadDeferredModules);

function harness() {
  const sent: FromWorker[] = [];
  let real = 0;
  const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => real });
  let id = 0;
  const send = (msg: Record<string, unknown> & { type: ToWorker['type'] }) => {
    const reqId = ++id;
    host.handle({ ...msg, id: reqId } as ToWorker);
    const reply = sent.find((m) => m.type === 'reply' && m.id === reqId);
    if (!reply || reply.type !== 'reply') throw new Error('no reply');
    return reply;
  };
  const frame = (realMs: number) => {
    real += realMs;
    host.frame();
  };
  const last = <T extends FromWorker['type']>(type: T) => [...sent].reverse().find((m) => m.type === type) as Extract<FromWorker, { type: T }> | undefined;
  return { host, sent, send, frame, last, clear: () => sent.splice(0) };
}

describe('SimulationHost (the worker side of the protocol)', () => {
  it('init boots the running cluster: the first list already holds the starter app Running and Ready', () => {
    const h = harness();
    h.send({ type: 'init' });
    const first = h.sent.find((m) => m.type === 'patches');
    expect(first?.type === 'patches' && first.replace).toBe(true);
    const changes = first?.type === 'patches' ? first.changes : [];
    expect(changes.some((c) => c.kind === 'Node')).toBe(true);
    const webPods = changes.filter((c) => c.kind === 'Pod' && c.namespace === 'default');
    expect(webPods).toHaveLength(3);
    for (const p of webPods) expect((p.object as { status?: { phase?: string } }).status?.phase).toBe('Running');
    expect(h.sent.some((m) => m.type === 'ready')).toBe(true);
  });

  it('reset starts from scratch: the machines at once, the starter app at the next frame, its pods not yet Running', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.clear();
    h.send({ type: 'reset' });
    const first = h.sent.find((m) => m.type === 'patches');
    expect(first?.type === 'patches' && first.replace).toBe(true);
    const changes = first?.type === 'patches' ? first.changes : [];
    expect(changes.some((c) => c.kind === 'Node')).toBe(true);
    // The cluster's own addons (CoreDNS) are there; the student's starter app is not yet.
    expect(changes.some((c) => c.kind === 'Deployment' && c.namespace === 'kube-system')).toBe(true);
    expect(changes.some((c) => c.kind === 'Deployment' && c.namespace === 'default')).toBe(false);
    h.frame(16);
    const later = h.sent.filter((m) => m.type === 'patches' && !m.replace).flatMap((m) => (m.type === 'patches' ? m.changes : []));
    expect(later.some((c) => c.kind === 'Deployment' && c.namespace === 'default' && c.type === 'added')).toBe(true);
    expect(later.some((c) => c.kind === 'Pod' && (c.object as { status?: { phase?: string } } | undefined)?.status?.phase === 'Running' && c.namespace === 'default')).toBe(false);
  });

  it('frames advance virtual time by real time × speed', () => {
    const h = harness();
    h.send({ type: 'init', speed: 10 });
    const t0 = h.host.clockState.now;
    h.frame(100);
    expect(h.host.clockState.now - t0).toBe(1000);
  });

  it('after the first list, patches carry only what changed (never the whole world per tick)', () => {
    const h = harness();
    h.send({ type: 'init' });
    const total = h.sent.find((m) => m.type === 'patches')!;
    const worldSize = total.type === 'patches' ? total.changes.length : 0;
    h.clear();
    for (let i = 0; i < 30; i++) h.frame(33);
    for (const m of h.sent) if (m.type === 'patches') expect(m.replace).toBe(false);
    // Once settled, a frame changes a handful of objects, not all of them.
    for (let i = 0; i < 300; i++) h.frame(33);
    h.clear();
    h.frame(33);
    const late = h.sent.filter((m) => m.type === 'patches').flatMap((m) => (m.type === 'patches' ? m.changes : []));
    expect(late.length).toBeLessThan(worldSize);
  });

  it('pause stops the clock; step advances exactly one second and stays paused', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.send({ type: 'clock', command: { action: 'pause' } });
    const t0 = h.host.clockState.now;
    h.frame(500);
    expect(h.host.clockState.now).toBe(t0);
    h.send({ type: 'clock', command: { action: 'step' } });
    expect(h.host.clockState).toMatchObject({ now: t0 + 1000, running: false });
  });

  it('speed is clamped to 0.25×–50×', () => {
    const h = harness();
    h.send({ type: 'init' });
    expect(h.send({ type: 'clock', command: { action: 'speed', speed: 1000 } })).toMatchObject({ ok: true, result: { speed: 50 } });
    expect(h.send({ type: 'clock', command: { action: 'speed', speed: 0.01 } })).toMatchObject({ ok: true, result: { speed: 0.25 } });
  });

  it('the starter pods become Running within a minute of virtual time', () => {
    const h = harness();
    h.send({ type: 'init', speed: 50 });
    for (let i = 0; i < 40; i++) h.frame(33);
    const reply = h.send({ type: 'kubectl', line: 'get pods' });
    expect(reply.ok).toBe(true);
    const out = reply.ok ? (reply.result as { stdout: string }).stdout : '';
    expect(out.match(/Running/g)?.length).toBe(3);
  });

  it('read-only kubectl (the inspector’s get -o yaml) is not recorded in the snapshot', () => {
    const h = harness();
    h.send({ type: 'init' });
    const before = (h.send({ type: 'snapshot' }) as { result: ClusterSnapshot }).result.inputs.length;
    h.send({ type: 'kubectl', line: 'get deployment web -o yaml' });
    const after = (h.send({ type: 'snapshot' }) as { result: ClusterSnapshot }).result.inputs.length;
    expect(after).toBe(before);
  });

  it('restore from a snapshot replays to the same objects', () => {
    const h = harness();
    h.send({ type: 'init', speed: 50 });
    for (let i = 0; i < 20; i++) h.frame(33);
    h.send({ type: 'apply', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mine\ndata:\n  a: "1"\n' });
    const snap = (h.send({ type: 'snapshot' }) as { result: ClusterSnapshot }).result;
    const h2 = harness();
    h2.send({ type: 'init', restore: snap });
    // The whole list may span several capped messages.
    const names = h2.sent.flatMap((m) => (m.type === 'patches' ? m.changes : [])).filter((c) => c.kind === 'ConfigMap').map((c) => c.name);
    expect(names).toContain('mine');
    expect(h2.host.clockState.now).toBe(h.host.clockState.now);
  });

  it('a request the engine rejects gets a structured error reply, not a crash', () => {
    const h = harness();
    h.send({ type: 'init' });
    const reply = h.send({ type: 'explain', namespace: 'default', name: 'no-such-pod' });
    expect(reply.type).toBe('reply');
  });

  it('the crash drill makes the next frame throw (the worker turns it into `fatal`)', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.send({ type: 'crash' });
    expect(() => h.frame(33)).toThrow(/simulated crash/);
  });
});

describe('streaming kubectl (the console\'s get -w, rollout status, wait, delete)', () => {
  const streamed = (h: ReturnType<typeof harness>, id: number) =>
    h.sent.flatMap((m) => (m.type === 'kubectlStream' && m.stream === id ? [m] : []));

  it('get -w answers with the table and a stream id, then rows as frames pass, until cancelled', () => {
    const h = harness();
    h.send({ type: 'init', speed: 10 });
    for (let i = 0; i < 20; i++) h.frame(100);
    const reply = h.send({ type: 'kubectl', line: 'kubectl get pods -w', stream: true });
    const result = reply.ok ? (reply.result as KubectlReply) : undefined;
    expect(result?.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n/);
    const id = result!.stream!;
    expect(id).toBeGreaterThan(0);
    h.send({ type: 'kubectl', line: 'scale deployment web --replicas=4' });
    for (let i = 0; i < 20; i++) h.frame(100);
    const rows = streamed(h, id).map((m) => m.stdout).join('');
    expect(rows).toMatch(/Pending/);
    expect(rows).toMatch(/Running/);
    expect(rows).not.toMatch(/NAME/);
    expect(streamed(h, id).every((m) => !m.done)).toBe(true);
    const cancel = h.send({ type: 'kubectlCancel', stream: id });
    expect(cancel.ok && cancel.result).toBe(true);
    const before = streamed(h, id).length;
    h.send({ type: 'kubectl', line: 'scale deployment web --replicas=2' });
    for (let i = 0; i < 20; i++) h.frame(100);
    expect(streamed(h, id).length).toBe(before);
    // Reads stay out of the snapshot's inputs; the scales are in.
    const inputs = h.host['cluster']!.snapshot().inputs.flatMap((i) => (i.op === 'kubectl' ? [i.line] : []));
    expect(inputs).toEqual(['scale deployment web --replicas=4', 'scale deployment web --replicas=2']);
  });

  it('rollout status streams until "successfully rolled out", then the stream is done', () => {
    const h = harness();
    h.send({ type: 'init', speed: 10 });
    for (let i = 0; i < 30; i++) h.frame(100);
    h.send({ type: 'kubectl', line: 'kubectl set image deployment/web nginx=nginx:1.26' });
    const reply = h.send({ type: 'kubectl', line: 'kubectl rollout status deployment/web', stream: true });
    const first = reply.ok ? (reply.result as KubectlReply) : undefined;
    expect(first?.stdout).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(first?.stream).toBeGreaterThan(0);
    for (let i = 0; i < 100 && !streamed(h, first!.stream!).some((m) => m.done); i++) h.frame(100);
    const msgs = streamed(h, first!.stream!);
    const end = msgs[msgs.length - 1]!;
    expect(end).toMatchObject({ done: true, exitCode: 0 });
    expect(msgs.map((m) => m.stdout).join('')).toMatch(/deployment "web" successfully rolled out\n$/);
  });

  it('delete says "deleted" at once and keeps the stream open until the pod is gone; the delete is recorded', () => {
    const h = harness();
    h.send({ type: 'init', speed: 1 });
    for (let i = 0; i < 30; i++) h.frame(1000);
    const cluster = h.host['cluster']!;
    const pod = cluster.api.list('Pod', { namespace: 'default' })[0]!.metadata.name;
    const reply = h.send({ type: 'kubectl', line: `kubectl delete pod ${pod}`, stream: true });
    const first = reply.ok ? (reply.result as KubectlReply) : undefined;
    expect(first?.stdout).toBe(`pod "${pod}" deleted\n`);
    expect(first?.stream).toBeGreaterThan(0);
    expect(cluster.api.get('Pod', 'default', pod)?.metadata.deletionTimestamp).toBeDefined();
    for (let i = 0; i < 100 && !streamed(h, first!.stream!).some((m) => m.done); i++) h.frame(100);
    expect(streamed(h, first!.stream!)).toEqual([{ type: 'kubectlStream', stream: first!.stream, stdout: '', stderr: '', done: true, exitCode: 0 }]);
    expect(cluster.api.get('Pod', 'default', pod)).toBeUndefined();
    expect(cluster.snapshot().inputs.some((i) => i.op === 'kubectl' && i.line === `kubectl delete pod ${pod}`)).toBe(true);
  });

  it('without stream, and for commands that do not wait, the reply is all there is', () => {
    const h = harness();
    h.send({ type: 'init' });
    const r = h.send({ type: 'kubectl', line: 'get pods -w' });
    expect(r.ok && (r.result as KubectlReply).stream).toBeUndefined();
    const g = h.send({ type: 'kubectl', line: 'get nodes', stream: true });
    expect(g.ok && (g.result as KubectlReply).stream).toBeUndefined();
  });

  it('a newer stream ends the older one; a reset ends the stream with done', () => {
    const h = harness();
    h.send({ type: 'init' });
    const a = h.send({ type: 'kubectl', line: 'get pods -w', stream: true });
    const b = h.send({ type: 'kubectl', line: 'get nodes -w', stream: true });
    const idA = a.ok ? (a.result as KubectlReply).stream! : 0;
    const idB = b.ok ? (b.result as KubectlReply).stream! : 0;
    expect(idB).not.toBe(idA);
    const cancelA = h.send({ type: 'kubectlCancel', stream: idA });
    expect(cancelA.ok && cancelA.result).toBe(false);
    h.send({ type: 'reset' });
    expect(streamed(h, idB).pop()).toMatchObject({ done: true, exitCode: 1 });
  });
});
