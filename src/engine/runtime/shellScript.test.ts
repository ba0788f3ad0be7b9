import { describe, expect, it } from 'vitest';
import { runScript } from './shellScript';

const T0 = Date.UTC(2026, 0, 1);
const env = { vars: { GREETING: 'hello' }, podName: 'p', namespace: 'default' };

describe('what sh -c does with the docs scripts', () => {
  it('echo then sleep 3600 prints at once and exits 0 after an hour', () => {
    const r = runScript('echo "Application is running"; sleep 3600', env, T0);
    expect(r.output).toEqual([{ offsetMs: 0, text: 'Application is running' }]);
    expect(r.end).toEqual({ kind: 'exit', afterMs: 3_600_000, code: 0 });
  });

  it('sleep 60; exit 88 exits with 88 after 60 s', () => {
    expect(runScript('sleep 60; exit 88', env, T0).end).toEqual({ kind: 'exit', afterMs: 60_000, code: 88 });
  });

  it('false exits 1; && skips on failure; || runs on failure', () => {
    expect(runScript('false', env, T0).end).toEqual({ kind: 'exit', afterMs: 0, code: 1 });
    expect(runScript('false && echo no || echo yes', env, T0).output.map((o) => o.text)).toEqual(['yes']);
  });

  it('a while-true loop runs forever and prints one line per period, counting', () => {
    const r = runScript('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done', env, T0);
    expect(r.end).toEqual({ kind: 'forever' });
    expect(r.loop?.periodMs).toBe(1000);
    expect(r.loop?.render(3, T0 + 3000)).toEqual(['3: Thu Jan  1 00:00:03 UTC 2026']);
  });

  it('touch, sleep, rm: the liveness example removes /tmp/healthy after 30 s', () => {
    const r = runScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', env, T0);
    expect(r.files).toEqual([
      { offsetMs: 0, path: '/tmp/healthy', exists: true },
      { offsetMs: 30_000, path: '/tmp/healthy', exists: false },
    ]);
  });

  it('trap TERM makes the script answer SIGTERM', () => {
    expect(runScript("trap 'exit 0' TERM; sleep 9999 & wait", env, T0).trapsTerm).toBe(true);
    expect(runScript('sleep 9999', env, T0).trapsTerm).toBe(false);
  });

  it('until nslookup waits for a Service name (the init containers tutorial)', () => {
    const r = runScript('until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done', env, T0);
    expect(r.end.kind).toBe('gate');
    if (r.end.kind !== 'gate') return;
    expect(r.end.gate.host).toBe('myservice.default.svc.cluster.local');
    expect(r.end.gate.periodMs).toBe(2000);
    expect(r.end.gate.pollOutput).toEqual(['waiting for myservice']);
  });

  it('the HPA load generator loops forever against its URL', () => {
    const r = runScript('while sleep 0.01; do wget -q -O- http://php-apache; done', env, T0);
    expect(r.end).toEqual({ kind: 'forever' });
    expect(r.loadTarget).toBe('http://php-apache');
  });

  it('perl bpi(2000) prints 2000 digits of pi after a few seconds', () => {
    const r = runScript("perl -Mbignum=bpi -wle 'print bpi(2000)'", env, T0);
    expect(r.output[0]!.text.startsWith('3.14159265358979323846')).toBe(true);
    expect(r.output[0]!.text.length).toBe(2001);
    expect(r.end.kind === 'exit' && r.end.afterMs).toBeGreaterThan(3000);
  });

  it('writing to /dev/termination-log sets the termination message', () => {
    expect(runScript('sleep 10 && echo Sleep expired > /dev/termination-log', env, T0).terminationMessage).toBe('Sleep expired\n');
  });

  it('environment variables expand, single quotes do not', () => {
    expect(runScript(`echo $GREETING '$GREETING'`, env, T0).output[0]!.text).toBe('hello $GREETING');
  });

  it('an unknown command is taken to run until stopped', () => {
    expect(runScript('/usr/local/bin/my-daemon --serve', env, T0).end).toEqual({ kind: 'forever' });
  });
});

describe('reserved words', () => {
  it('"done" as an argument is a word, not the end of a loop', () => {
    const r = runScript('echo done', env, T0);
    expect(r.output.map((o) => o.text)).toEqual(['done']);
    expect(r.end).toEqual({ kind: 'exit', afterMs: 0, code: 0 });
  });
});
