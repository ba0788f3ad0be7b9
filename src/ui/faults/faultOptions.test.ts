import { describe, expect, it } from 'vitest';
import { CRASH_AFTER_MS, OOM_RAMP_MS } from '../../engine/faults/faultInjector';
import { checkOptions, DEFAULT_AFTER_SECONDS, EMPTY_DRAFT, initialDraft, optionFields, type OptionDraft } from './faultOptions';

const draft = (patch: Partial<OptionDraft>): OptionDraft => ({ ...EMPTY_DRAFT, ...patch });
const CONTAINERS = ['count', 'count-log-1', 'count-log-2'];

describe('which option fields a fault shows', () => {
  it.each([
    ['kill-container', ['container', 'exitCode']],
    ['crashloop', ['container', 'exitCode', 'afterSeconds']],
    ['liveness-fail', ['container']],
    ['oom', ['container', 'afterSeconds']],
    ['cpu-load', ['percent']],
    ['bad-image', ['container', 'image']],
    ['node-down', []],
    ['stop', []],
  ] as const)('%s: %j', (fault, fields) => {
    expect(optionFields(fault)).toEqual(fields);
  });

  it('starts from the engine defaults: kill-container 137, crashloop 1, cpu-load 80%', () => {
    expect(initialDraft('kill-container').exitCode).toBe('137');
    expect(initialDraft('crashloop').exitCode).toBe('1');
    expect(initialDraft('cpu-load').percent).toBe('80');
    expect(initialDraft('oom')).toEqual(EMPTY_DRAFT);
    expect(DEFAULT_AFTER_SECONDS.crashloop! * 1000).toBe(CRASH_AFTER_MS);
    expect(DEFAULT_AFTER_SECONDS.oom! * 1000).toBe(OOM_RAMP_MS);
  });
});

describe('checking the options before sending', () => {
  it('kill-container: a chosen container and exit code 137 become the request options', () => {
    expect(checkOptions('kill-container', draft({ container: 'count-log-1', exitCode: '137' }), CONTAINERS)).toEqual({ ok: true, options: { container: 'count-log-1', exitCode: 137 } });
  });

  it('empty fields are left to the engine (first container, its default exit code)', () => {
    expect(checkOptions('kill-container', draft({}), CONTAINERS)).toEqual({ ok: true, options: {} });
  });

  it.each(['256', '-1', '1.5', 'abc', '0x1', '1e2'])('exit code %s is refused', (exitCode) => {
    expect(checkOptions('crashloop', draft({ exitCode }), CONTAINERS)).toEqual({ ok: false, errors: { exitCode: 'exitCode' } });
  });

  it.each(['0', '255', ' 143 '])('exit code %j is accepted', (exitCode) => {
    expect(checkOptions('crashloop', draft({ exitCode }), CONTAINERS)).toEqual({ ok: true, options: { exitCode: Number(exitCode) } });
  });

  it('a container the target does not have is refused', () => {
    expect(checkOptions('oom', draft({ container: 'sidecar' }), CONTAINERS)).toEqual({ ok: false, errors: { container: 'container' } });
  });

  it.each(['nginx:1.27-typo', 'registry.example.com:5000/team/app:v2', 'ghcr.io/org/tool@sha256:' + 'a'.repeat(64), 'busybox'])('image %s is accepted', (image) => {
    expect(checkOptions('bad-image', draft({ image }), ['nginx'])).toEqual({ ok: true, options: { image } });
  });

  it.each(['nginx 1.27', 'Nginx:1', 'nginx:', ':tag', 'a//b'])('image %j is refused', (image) => {
    expect(checkOptions('bad-image', draft({ image }), ['nginx'])).toEqual({ ok: false, errors: { image: 'image' } });
  });

  it('seconds become afterMs; out of range is refused; several errors at once', () => {
    expect(checkOptions('oom', draft({ afterSeconds: '2.5' }), CONTAINERS)).toEqual({ ok: true, options: { afterMs: 2500 } });
    expect(checkOptions('crashloop', draft({ afterSeconds: '0', exitCode: '999' }), CONTAINERS)).toEqual({ ok: false, errors: { afterSeconds: 'afterSeconds', exitCode: 'exitCode' } });
  });

  it('cpu-load needs a percentage from 0 to 1000', () => {
    expect(checkOptions('cpu-load', draft({ percent: '250' }), [])).toEqual({ ok: true, options: { percent: 250 } });
    expect(checkOptions('cpu-load', draft({ percent: '' }), [])).toEqual({ ok: false, errors: { percent: 'percent' } });
    expect(checkOptions('cpu-load', draft({ percent: '5000' }), [])).toEqual({ ok: false, errors: { percent: 'percent' } });
  });

  it('fields a fault does not take are ignored (a leftover exit code does not reach node-down)', () => {
    expect(checkOptions('node-down', draft({ exitCode: '999', image: 'x y' }), [])).toEqual({ ok: true, options: {} });
  });
});
