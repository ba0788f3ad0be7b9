import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import type { KubectlSession } from './session';
import { parseTimeoutFlag } from './session';
import { WatchTableWriter } from './printers/watchTable';

function webCluster(): Cluster {
  const c = createCluster({ seed: 1, preset: 'default' });
  c.kubectl('create deployment web --image=nginx:1.24 --replicas=3');
  c.advance(30_000);
  return c;
}

/** Advances in frames of `stepMs`, polling after each, until done or `maxMs`; returns what was printed. */
function drive(c: Cluster, session: KubectlSession, stepMs: number, maxMs: number): { stdout: string; stderr: string; done: boolean; exitCode: number; elapsed: number } {
  let stdout = '';
  let stderr = '';
  const start = c.clock.now();
  while (c.clock.now() - start < maxMs) {
    c.advance(stepMs);
    const o = session.poll();
    stdout += o.stdout;
    stderr += o.stderr;
    if (o.done) return { stdout, stderr, done: true, exitCode: o.exitCode, elapsed: c.clock.now() - start };
  }
  return { stdout, stderr, done: false, exitCode: 0, elapsed: c.clock.now() - start };
}

describe('rollout status (streaming)', () => {
  it('prints the status at every change of a rolling update, then "successfully rolled out"', () => {
    const c = webCluster();
    c.kubectl('set image deployment/web nginx=nginx:1.25');
    const r = c.kubectlStreaming('rollout status deployment/web');
    expect(r.stdout).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(r.session).toBeDefined();
    const rest = drive(c, r.session!, 500, 60_000);
    expect(rest.done).toBe(true);
    expect(rest.exitCode).toBe(0);
    const lines = (r.stdout + rest.stdout).trimEnd().split('\n');
    // Each status appears as the Deployment's status moves on, in this order (kubectl prints one per watch event).
    const distinct = lines.filter((l, i) => l !== lines[i - 1]);
    expect(distinct).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
      'deployment "web" successfully rolled out',
    ]);
    // Nothing more once done.
    c.advance(5_000);
    expect(r.session!.poll()).toEqual({ stdout: '', stderr: '', done: true, exitCode: 0 });
  });

  it('answers at once when already rolled out; --watch=false and scripts print one status', () => {
    const c = webCluster();
    const done = c.kubectlStreaming('rollout status deployment/web');
    expect(done).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', exitCode: 0 });
    c.kubectl('set image deployment/web nginx=nginx:1.25');
    const once = c.kubectlStreaming('rollout status deployment/web --watch=false');
    expect(once.session).toBeUndefined();
    expect(once.stdout).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(c.kubectl('rollout status deploy/web').stdout).toBe(once.stdout);
  });

  it('--timeout counts virtual time', () => {
    const c = webCluster();
    c.kubectl('set image deployment/web nginx=nginx:does-not-exist');
    const r = c.kubectlStreaming('rollout status deployment/web --timeout=20s');
    const rest = drive(c, r.session!, 1000, 60_000);
    expect(rest).toMatchObject({ done: true, exitCode: 1, stderr: 'error: timed out waiting for the condition\n', elapsed: 20_000 });
    expect((r.stdout + rest.stdout).split('\n')[0]).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
  });

  it('reports a DaemonSet rollout with the daemon set viewer\'s words', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.advance(30_000);
    const r = c.kubectlStreaming('rollout status daemonset/kube-proxy -n kube-system');
    expect(r.stdout).toBe('daemon set "kube-proxy" successfully rolled out\n');
  });
});

describe('rollout status of a StatefulSet', () => {
  it('waits for its pods one by one, as the statefulset viewer words it', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.apply(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
      - name: redis
        image: redis
`);
    const r = c.kubectlStreaming('rollout status statefulset/db');
    const rest = r.session ? drive(c, r.session, 500, 120_000) : { stdout: '', done: true, exitCode: r.exitCode };
    expect(rest.done).toBe(true);
    const lines = (r.stdout + rest.stdout).trimEnd().split('\n');
    const distinct = lines.filter((l, i) => l !== lines[i - 1]);
    expect(distinct[0]).toMatch(/^(Waiting for statefulset spec update to be observed\.\.\.|Waiting for 2 pods to be ready\.\.\.)$/);
    expect(distinct).toContain('Waiting for 1 pods to be ready...');
    expect(distinct[distinct.length - 1]).toMatch(/^(partitioned roll out complete: 2 new pods have been updated\.\.\.|statefulset rolling update complete 2 pods at revision db-[a-z0-9]+\.\.\.)$/);
  });
});

describe('get --watch', () => {
  it('prints the table, then one row per change in the same columns, and stops on cancel', () => {
    const c = webCluster();
    const r = c.kubectlStreaming('get pods -w');
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^NAME +READY {3}STATUS {4}RESTARTS {3}AGE$/);
    expect(rows).toHaveLength(3);
    c.kubectl('scale deployment web --replicas=4');
    const more = drive(c, r.session!, 500, 10_000).stdout.trimEnd().split('\n');
    // No second header; the new pod goes Pending -> ContainerCreating -> Running, aligned under the header.
    expect(more.some((l) => l.startsWith('NAME'))).toBe(false);
    const newPod = more[0]!.split(/\s+/)[0]!;
    const statuses = more.filter((l) => l.startsWith(newPod + ' ')).map((l) => l.split(/\s+/)[2]);
    expect(statuses[0]).toBe('Pending');
    expect(statuses).toContain('ContainerCreating');
    expect(statuses[statuses.length - 1]).toBe('Running');
    // Rows that fit the columns line up under the header; ContainerCreating widens STATUS, and the
    // rows after it keep that width (the rows above stay as printed).
    const pending = more.find((l) => l.startsWith(newPod + ' '))!;
    expect(pending.indexOf('0 ')).toBe(header!.indexOf('RESTARTS'));
    const running = more.filter((l) => l.startsWith(newPod + ' ')).pop()!;
    expect(running).toMatch(/ Running {13}0 /);
    r.session!.cancel();
    c.kubectl('scale deployment web --replicas=1');
    c.advance(5_000);
    expect(r.session!.poll()).toEqual({ stdout: '', stderr: '', done: true, exitCode: 130 });
  });

  it('--watch-only prints no list; the header comes with the first event; other namespaces are not shown', () => {
    const c = webCluster();
    const r = c.kubectlStreaming('get deploy --watch-only');
    expect(r.stdout).toBe('');
    c.kubectl('create deployment other --image=nginx -n kube-system');
    c.kubectl('scale deployment web --replicas=2');
    const out = r.session!.poll().stdout.split('\n');
    expect(out[0]).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE$/);
    // The event's object: spec says 2, three pods are still ready.
    expect(out[1]).toMatch(/^web +3\/2 +3 +3 +30s$/);
    expect(r.stdout + out.join('\n')).not.toContain('other');
  });

  it('refuses several kinds, as kubectl does', () => {
    const c = webCluster();
    expect(c.kubectlStreaming('get pods,deploy -w')).toEqual({
      stdout: '',
      stderr: 'error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n',
      exitCode: 1,
    });
  });

  it('the tabwriter remembers column widths across flushes (RememberWidths)', () => {
    const w = new WatchTableWriter(['NAME', 'STATUS', 'AGE']);
    expect(w.write([['a', 'Pending', '0s']])).toBe('NAME   STATUS    AGE\na      Pending   0s\n');
    expect(w.write([['a', 'ContainerCreating', '1s']])).toBe('a      ContainerCreating   1s\n');
    expect(w.write([['a', 'Running', '2s']])).toBe('a      Running             2s\n');
  });
});

describe('kubectl wait', () => {
  it('waits in virtual time for Ready and prints "condition met"', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.kubectl('run box --image=busybox -- sleep 3600');
    const r = c.kubectlStreaming('wait --for=condition=Ready pod/box --timeout=60s');
    expect(r.stdout).toBe('');
    const rest = drive(c, r.session!, 250, 60_000);
    expect(rest).toMatchObject({ done: true, exitCode: 0, stdout: 'pod/box condition met\n', stderr: '' });
    expect(rest.elapsed).toBeGreaterThan(0);
  });

  it('times out after --timeout of virtual time', () => {
    const c = webCluster();
    const pod = c.api.list('Pod', { namespace: 'default' })[0]!.metadata.name;
    const r = c.kubectlStreaming(`wait --for=condition=Ready=false pod/${pod} --timeout=30s`);
    const rest = drive(c, r.session!, 1000, 120_000);
    expect(rest).toMatchObject({ done: true, exitCode: 1, elapsed: 30_000, stderr: `error: timed out waiting for the condition on pods/${pod}\n` });
  });

  it('--for=delete, names, selectors and errors', () => {
    const c = webCluster();
    expect(c.kubectlStreaming('wait --for=condition=Available deployment/web')).toEqual({ stdout: 'deployment.apps/web condition met\n', stderr: '', exitCode: 0 });
    expect(c.kubectlStreaming('wait --for=delete pod/gone').exitCode).toBe(0);
    expect(c.kubectlStreaming('wait --for=condition=Ready pod/gone').stderr).toBe('Error from server (NotFound): pods "gone" not found\n');
    expect(c.kubectlStreaming('wait --for=condition=Ready pods -l app=web').stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(c.kubectlStreaming('wait --for=nonsense pod/x').stderr).toBe('error: unrecognized condition: "nonsense"\n');
    expect(c.kubectlStreaming('wait --for=condition=Ready pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    // In a one-shot run (replay), a wait looks once.
    const pod = c.api.list('Pod', { namespace: 'default' })[0]!.metadata.name;
    expect(c.kubectl(`wait --for=delete pod/${pod}`).stderr).toBe(`error: timed out waiting for the condition on pods/${pod}\n`);
  });

  it('parses Go durations for --timeout', () => {
    expect(parseTimeoutFlag('30s')).toBe(30_000);
    expect(parseTimeoutFlag('1m30s')).toBe(90_000);
    expect(parseTimeoutFlag('0')).toBe(0);
    expect(parseTimeoutFlag('-1s')).toBe(-1000);
    expect(() => parseTimeoutFlag('30')).toThrow('error: invalid argument "30" for "--timeout" flag: time: missing unit in duration "30"');
  });
});

describe('delete --wait', () => {
  it('prints "deleted" at once and finishes when the pod is gone after its graceful termination', () => {
    const c = webCluster();
    const pod = c.api.list('Pod', { namespace: 'default' })[0]!.metadata.name;
    const r = c.kubectlStreaming(`delete pod ${pod} --grace-period=5`);
    expect(r.stdout).toBe(`pod "${pod}" deleted\n`);
    expect(r.session).toBeDefined();
    expect(c.api.get('Pod', 'default', pod)?.metadata.deletionTimestamp).toBeDefined();
    const rest = drive(c, r.session!, 100, 30_000);
    expect(rest).toMatchObject({ done: true, exitCode: 0, stdout: '', stderr: '' });
    expect(c.api.get('Pod', 'default', pod)).toBeUndefined();
  });

  it('--wait=false, --force and scripts return at once', () => {
    const c = webCluster();
    const [a, b] = c.api.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
    expect(c.kubectlStreaming(`delete pod ${a} --wait=false`).session).toBeUndefined();
    expect(c.kubectlStreaming(`delete pod ${b} --force --grace-period=0`).session).toBeUndefined();
  });
});
