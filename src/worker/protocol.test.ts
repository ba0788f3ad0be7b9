/**
 * The page–worker protocol is exhaustive both ways: every request type has a reply type (checked by the
 * type checker), the worker answers every request type with a reply of that type (checked at run time
 * against the real SimulationHost), and an unknown request gets an error reply, never `ok` with nothing.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ApplyResult } from '../engine/kubectl/apply';
import { hostHarness } from './hostHarness';
import type { ClockState, KubectlReply, Replies, RequestOf, SendRequest, ToWorker, ToWorkerType } from './protocol';

describe('protocol types', () => {
  it('every request type has a reply type, and every reply type a request', () => {
    expectTypeOf<Exclude<ToWorkerType, keyof Replies>>().toBeNever();
    expectTypeOf<Exclude<keyof Replies, ToWorkerType>>().toBeNever();
  });

  it('a request resolves with its own reply type; a malformed request does not compile', () => {
    const send = (() => new Promise(() => undefined)) as SendRequest;
    expectTypeOf(send({ type: 'apply', yaml: '' })).resolves.toEqualTypeOf<ApplyResult[]>();
    expectTypeOf(send({ type: 'kubectl', line: 'get pods' })).resolves.toEqualTypeOf<KubectlReply>();
    expectTypeOf(send({ type: 'names', resource: 'pods' })).resolves.toEqualTypeOf<string[]>();
    expectTypeOf(send({ type: 'clock', command: { action: 'pause' } })).resolves.toEqualTypeOf<ClockState>();
    const never = () => {
      // @ts-expect-error a misspelt field is refused
      void send({ type: 'apply', yaml: '', dryrun: 'server' });
      // @ts-expect-error a field of the wrong type is refused
      void send({ type: 'names', resource: 3 });
      // @ts-expect-error an unknown request type is refused
      void send({ type: 'teleport' });
    };
    expect(typeof never).toBe('function');
  });
});

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n';

/** One well-formed request of each type (the mapped type makes a new request type fail here until it has one). */
function sampleRequests(snapshot: Replies['snapshot']): { [K in ToWorkerType]: RequestOf<K> } {
  return {
    init: { type: 'init' },
    apply: { type: 'apply', yaml: POD },
    deleteManifests: { type: 'deleteManifests', yaml: POD, source: 'probe.yaml', dryRun: 'server' },
    delete: { type: 'delete', kind: 'ConfigMap', name: 'absent' },
    kubectl: { type: 'kubectl', line: 'get pods' },
    kubectlCancel: { type: 'kubectlCancel', stream: 99 },
    kubectlInput: { type: 'kubectlInput', stream: 99, line: 'hostname' },
    clock: { type: 'clock', command: { action: 'step', ms: 500 } },
    reset: { type: 'reset' },
    snapshot: { type: 'snapshot' },
    restore: { type: 'restore', snapshot },
    explain: { type: 'explain', namespace: 'default', name: 'probe' },
    lifecycle: { type: 'lifecycle', namespace: 'default', name: 'probe' },
    names: { type: 'names', resource: 'po' },
    editable: { type: 'editable', kind: 'Pod', namespace: 'default', name: 'probe' },
    export: { type: 'export' },
    chartSeries: { type: 'chartSeries', kind: 'Node', name: 'worker-1' },
    crash: { type: 'crash' },
    ping: { type: 'ping' },
    inject: { type: 'inject', fault: 'node-down', target: 'worker-1' },
    chaos: { type: 'chaos', action: 'status' },
    // In this order: a scenario opens, is played with, and closes.
    conceptOpen: { type: 'conceptOpen', concept: 'eras', seed: 1 },
    conceptKnob: { type: 'conceptKnob', knob: 'apps', value: 3 },
    conceptAction: { type: 'conceptAction', action: 'spike' },
    conceptClose: { type: 'conceptClose' },
    journeyStart: { type: 'journeyStart' },
    journeyStop: { type: 'journeyStop' },
    // The timeline: a look at the start of the history, then a fork from there.
    history: { type: 'history' },
    seek: { type: 'seek', target: { at: 0 } },
    fork: { type: 'fork' },
  };
}

const isClock = (c: ClockState) => typeof c.now === 'number' && typeof c.running === 'boolean' && typeof c.speed === 'number';
const isKubectlReply = (r: KubectlReply) => typeof r.stdout === 'string' && typeof r.stderr === 'string' && typeof r.exitCode === 'number';

/** What each reply must look like at run time. */
const REPLY_SHAPES: { [K in ToWorkerType]: (result: Replies[K]) => boolean } = {
  init: isClock,
  apply: (r) => Array.isArray(r) && r.every((d) => typeof d.action === 'string' && typeof d.message === 'string'),
  deleteManifests: isKubectlReply,
  delete: isKubectlReply,
  kubectl: isKubectlReply,
  kubectlCancel: (r) => typeof r === 'boolean',
  kubectlInput: (r) => typeof r === 'boolean',
  clock: isClock,
  reset: isClock,
  snapshot: (r) => r.version === 1 && Array.isArray(r.inputs),
  restore: isClock,
  explain: (r) => r === null || typeof r === 'object',
  lifecycle: (r) => r === null || (typeof r.node === 'string' && Array.isArray(r.containers)),
  names: (r) => Array.isArray(r) && r.every((n) => typeof n === 'string'),
  editable: (r) => typeof r === 'string' && r.includes('kind: Pod'),
  export: (r) => typeof r === 'string' && r.includes('name: probe') && !r.includes('status:'),
  chartSeries: (r) => r?.kind === 'Node' && r.times.length > 0 && r.values.length === r.fields.length && r.values.every((v) => v.length === r.times.length),
  crash: (r) => r === null,
  ping: (r) => r === null,
  inject: (r) => typeof r.ok === 'boolean',
  chaos: (r) => typeof r.ok === 'boolean',
  conceptOpen: (r) => r.id === 'eras' && r.knobs.length > 0 && r.view.id === 'eras',
  conceptKnob: (r) => r.ok,
  conceptAction: (r) => r.ok,
  conceptClose: (r) => r === null,
  journeyStart: (r) => r.name === 'journey' && r.hops.some((h) => h.stage === 'applied') && r.state === 'recording',
  journeyStop: (r) => r === null,
  history: (r) => r.start <= r.now && Array.isArray(r.marks) && Array.isArray(r.stops),
  seek: (r) => r.viewing === r.start && typeof r.replayMs === 'number',
  fork: (r) => isClock(r) && !r.running,
};

describe('protocol at run time (the real SimulationHost)', () => {
  const h = hostHarness();
  h.call({ type: 'init' });
  h.call({ type: 'apply', yaml: POD });
  h.frame(33);
  const samples = sampleRequests(h.call({ type: 'snapshot' }));
  // init, reset and restore rebuild the cluster: they go last so the others find the pod.
  const order = (Object.keys(samples) as ToWorkerType[]).sort((a, b) => Number(REBUILDS.has(a)) - Number(REBUILDS.has(b)));

  for (const type of order) {
    it(`${type} gets an ok reply of its own type`, () => {
      const reply = h.reply(samples[type]);
      expect(reply.request).toBe(type);
      if (!reply.ok) throw new Error(`${type} failed: ${reply.error.message}`);
      expect(reply.result).not.toBeUndefined();
      expect((REPLY_SHAPES[type] as (r: unknown) => boolean)(reply.result)).toBe(true);
    });
  }

  it('an unknown request type gets an error reply naming it, not ok with nothing', () => {
    const before = h.sent.length;
    h.host.handle({ type: 'teleport', id: 9999 } as unknown as ToWorker);
    const reply = h.sent.slice(before).find((m) => m.type === 'reply');
    expect(reply).toMatchObject({ type: 'reply', id: 9999, ok: false, error: { message: expect.stringContaining('teleport') } });
  });
});

const REBUILDS: ReadonlySet<ToWorkerType> = new Set(['init', 'reset', 'restore']);
