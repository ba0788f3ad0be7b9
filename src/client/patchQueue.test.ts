import { describe, expect, it } from 'vitest';
import type { ObjectChange } from '../worker/protocol';
import { MAX_CHANGES_PER_APPLY, MAX_WAIT_MS, PatchQueue, waitAfter } from './patchQueue';

const change = (name: string): ObjectChange => ({ type: 'added', kind: 'Pod', namespace: 'default', name, resourceVersion: '1', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name } } });

function harness(costPerApply: number) {
  let clock = 0;
  const applied: { names: string[]; replace: boolean }[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const queue = new PatchQueue({
    apply: (changes, replace) => {
      applied.push({ names: changes.map((c) => c.name), replace });
      clock += costPerApply;
    },
    now: () => clock,
    setTimer: (run, ms) => {
      const t = { at: clock + ms, run };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
    afterRender: (run) => run(),
  });
  const runTimers = () => {
    while (timers.length > 0) {
      const t = timers.shift()!;
      clock = Math.max(clock, t.at);
      t.run();
    }
  };
  return { queue, applied, timers, runTimers, advance: (ms: number) => (clock += ms) };
}

describe('PatchQueue', () => {
  it.each([
    { name: 'a cheap apply does not delay the next', cost: 1, want: 0 },
    { name: 'a dear apply waits eight times its cost', cost: 20, want: 160 },
    { name: 'the wait is capped', cost: 500, want: MAX_WAIT_MS },
  ])('$name', ({ cost, want }) => expect(waitAfter(cost)).toBe(want));

  it('applies cheap batches one by one, on the next task', () => {
    const h = harness(1);
    h.queue.push([change('a')], false);
    expect(h.applied).toEqual([]);
    h.runTimers();
    h.queue.push([change('b')], false);
    h.runTimers();
    expect(h.applied.map((a) => a.names)).toEqual([['a'], ['b']]);
  });

  it('after a dear apply, batches that arrive meanwhile go in together once the wait is over', () => {
    const h = harness(50);
    h.queue.push([change('a')], false);
    h.runTimers();
    h.queue.push([change('b')], false);
    h.queue.push([change('c')], false);
    h.queue.push([change('d')], false);
    expect(h.timers[0]!.at - 50).toBe(400);
    h.runTimers();
    expect(h.applied.map((a) => a.names)).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('a flood is applied over several tasks, whole messages at a time', () => {
    const h = harness(1);
    const message = (prefix: string) => Array.from({ length: MAX_CHANGES_PER_APPLY / 2 }, (_, i) => change(`${prefix}${i}`));
    h.queue.push(message('a'), false);
    h.queue.push(message('b'), false);
    h.queue.push(message('c'), false);
    h.runTimers();
    expect(h.applied.map((a) => a.names.length)).toEqual([MAX_CHANGES_PER_APPLY, MAX_CHANGES_PER_APPLY / 2]);
    expect(h.applied[1]!.names[0]).toBe('c0');
  });

  it('a replace drops what waited and applies at once', () => {
    const h = harness(50);
    h.queue.push([change('a')], false);
    h.queue.push([change('whole')], true);
    expect(h.applied).toEqual([{ names: ['whole'], replace: true }]);
    expect(h.timers).toEqual([]);
    expect(h.queue.waiting).toBe(0);
  });
});
