/**
 * The example scripts under scenarios/ replayed through the whole engine, compared with their
 * recorded transcripts (`<name>.expected`, each read and checked against real kubectl output by
 * hand). Regenerate after an intended change with `UPDATE_TRANSCRIPTS=1 npx vitest run src/cli`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './script';

const DIR = join(import.meta.dirname, 'scenarios');
const readFile = (path: string) => readFileSync(join(DIR, path), 'utf8');

describe('scenario transcripts', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.k8s'))) {
    it(file, () => {
      const result = runScript(readFile(file), { readFile });
      const expectedPath = join(DIR, file.replace(/\.k8s$/, '.expected'));
      if (process.env.UPDATE_TRANSCRIPTS) writeFileSync(expectedPath, result.output);
      expect(result.exitCode).toBe(0);
      expect(result.output).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

describe('script directives', () => {
  it('a kubectl error is output and the script goes on', () => {
    const r = runScript('kubectl get pod nope\nkubectl get ns default', { preset: null });
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe('$ kubectl get pod nope\nError from server (NotFound): pods "nope" not found\n\n$ kubectl get ns default\nNAME      STATUS   AGE\ndefault   Active   0s\n\n');
  });

  it.each([
    { name: 'an unknown directive stops the script', text: '# hi\nsleep 5', want: '$ sleep 5\nerror: line 2: unknown directive "sleep" (expected kubectl, wait, fault or chaos)\n' },
    { name: 'a bad duration stops the script', text: 'wait soon', want: '$ wait soon\nerror: line 1: invalid duration "soon": use a number with a unit, such as 500ms, 30s, 5m or 1h\n' },
    { name: 'a fault on a pod that does not exist stops the script', text: 'fault kill-container nope', want: '$ fault kill-container nope\nerror: line 1: pod "nope" not found in namespace "default"\n' },
    { name: 'bad chaos settings stop the script', text: 'chaos on rate=fast', want: '$ chaos on rate=fast\nerror: line 1: chaos rate must be a number of faults per minute above 0 and at most 60, not "fast"\n' },
    { name: 'chaos off when it is not on stops the script', text: 'chaos off', want: '$ chaos off\nerror: line 1: chaos is not on\n' },
    { name: 'an unknown fault stops the script', text: 'fault meteor worker-1', want: '$ fault meteor worker-1\nerror: line 1: unknown fault "meteor" (expected one of: kill-container, crashloop, delete-pod, liveness-fail, readiness-fail, oom, cpu-load, node-down, node-up, partition, heal, bad-image, stop, start, zone-down, zone-up)\n' },
  ])('$name', ({ text, want }) => {
    const r = runScript(text, { preset: null });
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(want);
  });

  it('wait advances virtual time', () => {
    const r = runScript('wait 1m30s', { preset: null });
    expect(r.cluster.clock.now() - Date.parse('2026-01-01T00:00:00Z')).toBe(90_000);
  });
});
