import { describe, expect, it } from 'vitest';
import { hostHarness } from '../../worker/hostHarness';
import type { SendRequest } from '../../worker/protocol';
import { parseCompanion, runCompanion } from './companion';

describe('console companion commands: parsing', () => {
  it.each([
    { name: 'a fault with its target', words: ['fault', 'delete-pod', 'web-abc'], want: { kind: 'fault', request: { type: 'inject', fault: 'delete-pod', target: 'web-abc' } } },
    { name: 'options are typed as the engine checks them', words: ['fault', 'crashloop', 'web-abc', 'exit=2', 'after=5s'], want: { kind: 'fault', request: { type: 'inject', fault: 'crashloop', target: 'web-abc', options: { exitCode: 2, afterMs: 5000 } } } },
    { name: 'cpu-load takes its percentage as a bare word', words: ['fault', 'cpu-load', 'deployment/web', '80'], want: { kind: 'fault', request: { fault: 'cpu-load', options: { percent: 80 } } } },
    { name: 'an unknown fault is an error', words: ['fault', 'meteor', 'worker-1'], want: { kind: 'error', message: expect.stringMatching(/^unknown fault "meteor" \(expected one of: kill-container, /) } },
    { name: 'a fault without a target shows the usage', words: ['fault', 'node-down'], want: { kind: 'error', message: expect.stringMatching(/^usage: fault <name> <target>/) } },
    { name: 'a bad option is an error', words: ['fault', 'node-down', 'worker-1', 'percent=3'], want: { kind: 'error', message: 'fault node-down has no option "percent"' } },
    { name: 'chaos on with settings', words: ['chaos', 'on', 'rate=4', 'seed=42'], want: { kind: 'chaos', command: { action: 'on', request: { rate: '4', seed: '42' } } } },
    { name: 'chaos with nothing after it shows the usage', words: ['chaos'], want: { kind: 'error', message: expect.stringMatching(/^usage: chaos on/) } },
  ])('$name', ({ words, want }) => {
    expect(parseCompanion(words)).toMatchObject(want);
  });

  it('a kubectl line is not a companion command', () => {
    expect(parseCompanion(['get', 'pods'])).toBeUndefined();
    expect(parseCompanion(['kubectl', 'fault', 'x'])).toBeUndefined();
  });
});

/** The real worker host answering requests, as the console's simClient would get them. */
function workerRequest(): SendRequest {
  const h = hostHarness();
  h.call({ type: 'init' });
  return h.send;
}

describe('console companion commands: running them against the worker', () => {
  it('fault delete-pod prints what happened; a bad target is an error line, not a crash', async () => {
    const request = workerRequest();
    await request({ type: 'clock', command: { action: 'step', ms: 30_000 } });
    const pods = (await request({ type: 'names', resource: 'pods' })) as string[];
    expect(pods).toHaveLength(3);
    expect(await runCompanion(parseCompanion(['fault', 'delete-pod', pods[0]!])!, request)).toEqual({ stdout: `pod "${pods[0]}" deleted` });
    expect(await runCompanion(parseCompanion(['fault', 'delete-pod', 'nope'])!, request)).toEqual({ stderr: 'error: pod "nope" not found in namespace "default"' });
    expect(await runCompanion(parseCompanion(['fault', 'meteor', 'x'])!, request)).toMatchObject({ stderr: expect.stringMatching(/^error: unknown fault "meteor"/) });
  });

  it('chaos on, status and off print the engine’s messages', async () => {
    const request = workerRequest();
    expect(await runCompanion(parseCompanion(['chaos', 'on', 'rate=8', 'seed=3'])!, request)).toMatchObject({ stdout: expect.stringMatching(/^chaos on: 8 faults per minute on average, seed 3 \(/) });
    await request({ type: 'clock', command: { action: 'step', ms: 60_000 } });
    const status = await runCompanion(parseCompanion(['chaos', 'status'])!, request);
    const lines = status.stdout!.split('\n');
    expect(lines[0]).toMatch(/^chaos on: 8 faults per minute on average, seed 3 .*; next fault at \d\d:\d\d:\d\d$/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => /^\[\d\d:\d\d:\d\d\] chaos /.test(l))).toBe(true);
    expect(await runCompanion(parseCompanion(['chaos', 'off'])!, request)).toMatchObject({ stdout: expect.stringMatching(/^chaos off \(\d+ faults? injected so far/) });
    expect(await runCompanion(parseCompanion(['chaos', 'off'])!, request)).toEqual({ stderr: 'error: chaos is not on' });
    expect(await runCompanion(parseCompanion(['chaos', 'on', 'rate=0'])!, request)).toEqual({ stderr: 'error: chaos rate must be a number of faults per minute above 0 and at most 60, not "0"' });
  });
});
