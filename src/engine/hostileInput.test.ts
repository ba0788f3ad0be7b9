/**
 * Hostile and careless input, as property tests (fast-check): manifests, kubectl lines, fault and
 * chaos requests. Whatever comes in, the engine answers in bounded time with a result, never a throw;
 * a refused request leaves the cluster's state exactly as it was (objects, clock, resourceVersion and
 * the random streams, so a refused object consumes no generated name); and the cluster's snapshot
 * always restores, to the same state. Runs are bounded in time for CI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { FAULT_NAMES } from './faults/types';
import { clusterWithWeb } from './testing/faultCluster';
import { chaosConverges } from './testing/chaosConvergence';
import { clusterStateHash } from './testing/stateHash';

/** Longest a single request may take here (generous for a loaded 2-core CI machine). */
const MAX_REQUEST_MS = 5_000;
/**
 * A fixed seed, so CI runs the same cases every time (a failure replays); `FC_SEED=<n>` (or `FC_SEED=random`)
 * explores others. A seed of 1778268394 once found a chaos rate of 5e-324 scheduling its next fault past the last date.
 */
const FC_SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261207);
const RUN_LIMITS = { numRuns: 120, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false, seed: FC_SEED } as const;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(MAX_REQUEST_MS);
  return result;
}

const yamlPiece = fc.constantFrom(
  'a: ', 'b: ', '*x', '*nope', '&x ', '&y ', '[', ']', '{', '}', '- ', ', ', '\n', '  ', '    ', 'e2', 'E0', '.e3', '.', '.nan', '-.inf',
  '0x1F', '0o17', '99999999999999999999', '1e400', '---\n', 'apiVersion: v1\n', 'kind: Pod\n', 'kind: ConfigMap\n', 'kind: List\n',
  'items: ', 'metadata: {name: p}\n', 'metadata: {generateName: g-}\n', 'spec: ', 'data: ', '"', "'", '\\', '!!binary ', '!!int ', '<<: ', '? ', '# c\n',
  ':', '|\n', '>-\n', 'containers: [{name: c, image: nginx}]', 'replicas: ', '\t', '\u0000', '\uFEFF', 'é', '한',
);

const hostileManifest = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(yamlPiece, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.integer({ min: 100, max: 5_000 }).map((n) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`),
  fc.integer({ min: 100, max: 2_000 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k:`).join('\n') + ' 1\n'),
  fc.integer({ min: 3, max: 9 }).map((levels) => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= levels; i++) text += `a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
    return text;
  }),
  // Well-formed objects with one hostile value: refused by validation after admission drew names and uids.
  fc.tuple(fc.constantFrom('e2', '"BAD NAME"', '-1', '99999999999', '""', '[1]', '{}', 'null', '.nan'), fc.constantFrom('name', 'image', 'restartPolicy')).map(
    ([value, field]) => `apiVersion: v1
kind: Pod
metadata:
  generateName: hostile-
spec:
  restartPolicy: ${field === 'restartPolicy' ? value : 'Always'}
  containers:
  - name: ${field === 'name' ? value : 'app'}
    image: ${field === 'image' ? value : 'nginx'}
`,
  ),
);

const kubectlWord = fc.oneof(
  fc.constantFrom(
    'get', 'describe', 'delete', 'scale', 'logs', 'top', 'apply', 'create', 'run', 'expose', 'rollout', 'label', 'autoscale', 'wait', 'set',
    'image', 'undo', 'status', 'pods', 'pod', 'deployment', 'deploy/web', 'web', 'nodes', 'namespace', 'default', 'kube-system', 'svc', 'events',
    '-A', '--all', '-o', 'yaml', 'json', 'wide', '-f', 'x.yaml', '-l', 'app=web', '--replicas=99999999999999999999', '--replicas=-1', '--replicas=NaN',
    '--max=99999999999', '--cpu-percent=1e309', '--cpu-percent=-5', '--timeout=99999999999999999999h', '--for=delete', '--for=condition=Ready',
    '--grace-period=NaN', '--tail=-9999999999999999999', '--image=nginx', '--', '"', "'", '|', '$(x)', '\\', '=',
  ),
  fc.string({ maxLength: 12 }),
);
const kubectlLine = fc.array(kubectlWord, { maxLength: 8 }).map((words) => words.join(' '));

/** Verbs that only read: whatever their arguments, the cluster's state must not move. */
const READ_ONLY_VERBS = new Set(['get', 'describe', 'logs', 'top', 'wait']);

describe('hostile input: manifests', () => {
  it('every manifest gets results (never a throw) in bounded time; a refused one changes nothing, and the snapshot restores', () => {
    const cluster = createCluster({ seed: 3, preset: 'default' });
    fc.assert(
      fc.property(hostileManifest, (text) => {
        const before = clusterStateHash(cluster);
        const inputs = cluster.snapshot().inputs.length;
        const results = timed(() => cluster.apply(text, { source: 'hostile.yaml' }));
        expect(Array.isArray(results)).toBe(true);
        for (const r of results) {
          expect(typeof r.message).toBe('string');
          if (r.action === 'error') expect(r.error?.line ?? 1).toBeGreaterThan(0);
        }
        if (results.every((r) => r.action === 'error')) {
          expect(clusterStateHash(cluster)).toBe(before);
          expect(cluster.snapshot().inputs.length).toBe(inputs);
        }
      }),
      RUN_LIMITS,
    );
    const restored = timed(() => createCluster({ restore: cluster.snapshot() }));
    expect(clusterStateHash(restored)).toBe(clusterStateHash(cluster));
  });

  it('a refused object consumes no generated name: the next accepted pod gets the name it would have had', () => {
    const fresh = () => createCluster({ seed: 5, preset: 'default' });
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec: {containers: [{name: app, image: nginx}]}\n';
    const refused = 'apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec: {containers: [{name: "BAD NAME", image: nginx}]}\n';
    const a = fresh();
    const b = fresh();
    expect(b.apply(refused, { mode: 'create' })[0]!.action).toBe('error');
    const names = [a, b].map((c) => c.apply(pod, { mode: 'create' })[0]!.name);
    expect(names[1]).toBe(names[0]);
  });
});

describe('hostile input: kubectl lines', () => {
  it('every line answers (never a throw) in bounded time; read-only verbs change nothing', () => {
    const cluster = clusterWithWeb();
    fc.assert(
      fc.property(kubectlLine, (line) => {
        const before = clusterStateHash(cluster);
        const r = timed(() => cluster.kubectl(line, { files: { 'x.yaml': 'a: *nope\n' } }));
        expect(typeof r.stdout).toBe('string');
        expect(typeof r.stderr).toBe('string');
        expect(Number.isInteger(r.exitCode)).toBe(true);
        const verb = line.trim().split(/\s+/)[0] ?? '';
        if (READ_ONLY_VERBS.has(verb)) expect(clusterStateHash(cluster)).toBe(before);
        timed(() => cluster.advance(1_000));
      }),
      RUN_LIMITS,
    );
    const restored = timed(() => createCluster({ restore: cluster.snapshot() }));
    expect(clusterStateHash(restored)).toBe(clusterStateHash(cluster));
  });

  it('the immortal namespaces cannot be deleted (NamespaceLifecycle admission)', () => {
    const cluster = createCluster({ seed: 1, preset: 'default' });
    for (const ns of ['default', 'kube-system', 'kube-public']) {
      const r = cluster.kubectl(`delete namespace ${ns}`);
      expect(r.stderr).toBe(`Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n`);
      expect(cluster.api.peek('Namespace', undefined, ns)).toBeDefined();
    }
  });
});

describe('hostile input: faults and chaos', () => {
  const faultRequest = fc.oneof(
    fc.anything(),
    fc.record(
      {
        fault: fc.oneof(fc.constantFrom(...FAULT_NAMES), fc.string({ maxLength: 10 })),
        target: fc.oneof(fc.constantFrom('worker-1', 'control-plane', 'deployment/web', 'web', 'kube-scheduler', 'etcd-1', ''), fc.string({ maxLength: 10 })),
        percent: fc.oneof(fc.double(), fc.constantFrom('80', '1e309', '-1', 'NaN', '5000')),
        afterMs: fc.oneof(fc.double(), fc.constantFrom('30s', '99999999999999999999h', 'soon')),
        exitCode: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 4 })),
        container: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
      },
      { requiredKeys: [] },
    ),
  );
  const chaosRequest = fc.oneof(
    fc.anything(),
    fc.record(
      {
        rate: fc.oneof(fc.double(), fc.string({ maxLength: 6 }), fc.anything()),
        seed: fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 6 }), fc.anything()),
        kinds: fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.anything(), { maxLength: 4 }), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  );

  it('every fault request answers ok or an error (never a throw); a refused one changes nothing', () => {
    const cluster = clusterWithWeb();
    fc.assert(
      fc.property(faultRequest, (request) => {
        const before = clusterStateHash(cluster);
        const r = timed(() => cluster.inject(request as never));
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(typeof r.error).toBe('string');
          expect(clusterStateHash(cluster)).toBe(before);
        }
        timed(() => cluster.advance(2_000));
      }),
      RUN_LIMITS,
    );
    const restored = timed(() => createCluster({ restore: cluster.snapshot() }));
    expect(clusterStateHash(restored)).toBe(clusterStateHash(cluster));
  });

  it('every chaos request answers ok or an error (never a throw); a refused one changes nothing', () => {
    const cluster = clusterWithWeb();
    fc.assert(
      fc.property(chaosRequest, (request) => {
        const before = clusterStateHash(cluster);
        const r = timed(() => cluster.chaos.start(request as never));
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(clusterStateHash(cluster)).toBe(before);
        else cluster.chaos.stop();
        timed(() => cluster.advance(1_000));
      }),
      RUN_LIMITS,
    );
  });

  it('advance refuses NaN, infinities, negatives and more than a day per call, with a clear error', () => {
    const cluster = createCluster({ seed: 1 });
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, 24 * 3_600_000 + 1, 1e30]) {
      expect(() => cluster.advance(bad)).toThrow(/advance/);
    }
    expect(cluster.clock.now()).toBe(createCluster({ seed: 1 }).clock.now());
  });
});

describe('chaos converges (property over seeds, bounded for CI; scripts/chaos-convergence.ts runs many more)', () => {
  it('after chaos stops, the Deployment is whole again and no fault is left, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 12 }), (seed, rate) => {
        expect(chaosConverges(seed, rate)).toEqual([]);
      }),
      { numRuns: 4, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
    );
  });
});
