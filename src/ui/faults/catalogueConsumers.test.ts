/**
 * Everything on the page that offers, completes, marks, flashes or undoes a fault agrees with the
 * engine's fault catalogue (engine/faults/catalogue.ts), fault by fault.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_CATALOGUE, FAULT_OPTIONS, faultOption, faultSpec, type FaultSpec } from '../../engine/faults';
import { en } from '../../i18n/en';
import { ko } from '../../i18n/ko';
import { flashesForCue } from '../../store/cueFlashes';
import type { FaultStatus } from '../../worker/protocol';
import { completionSite } from '../console/completion';
import { CATALOGUE, faultMarks, menuItems, targetKindOf, undoFor } from './catalogue';
import { DEFAULT_AFTER_SECONDS, DEFAULT_EXIT_CODE, checkOptions, fieldRange, initialDraft, optionFields, EMPTY_DRAFT } from './faultOptions';

const RUNNING = ['kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd-0', 'etcd-1', 'etcd-2'].map((name) => ({ name, running: true }));
const withActive = (active: FaultStatus['active']): FaultStatus => ({ active, components: RUNNING });
const isPodTarget = (s: FaultSpec) => s.target === 'pod' || s.target === 'podOrDeployment';

describe.each(FAULT_CATALOGUE.map((s) => [s.name, s] as const))('%s', (name, spec) => {
  it('the failure panel offers it exactly when the catalogue does, with its target kind', () => {
    const entry = CATALOGUE.flatMap((g) => g.entries.map((e) => ({ ...e, group: g.group }))).find((e) => e.fault === name);
    if (!spec.offered) return expect(entry).toBeUndefined();
    expect(entry).toMatchObject({ group: spec.area, target: targetKindOf(spec) });
  });

  it('its undo in the in-effect list is the catalogue’s', () => {
    const undo = undoFor({ fault: name, target: 'x', sinceMs: 0 });
    expect(undo?.fault).toBe(spec.undo);
  });

  it('the option fields and their defaults are the catalogue’s', () => {
    expect(optionFields(name)).toHaveLength(FAULT_OPTIONS[name].length);
    expect(DEFAULT_EXIT_CODE[name]).toBe(faultOption(name, 'exitCode')?.default);
    const after = faultOption(name, 'afterMs')?.default;
    expect(DEFAULT_AFTER_SECONDS[name]).toBe(after === undefined ? undefined : after / 1000);
    const exit = faultOption(name, 'exitCode');
    if (exit) {
      expect(fieldRange(name, 'exitCode')).toEqual({ min: exit.min, max: exit.max });
      expect(checkOptions(name, { ...initialDraft(name), exitCode: String(exit.max! + 1) }, []).ok).toBe(false);
      expect(checkOptions(name, { ...initialDraft(name), exitCode: String(exit.max) }, []).ok).toBe(true);
    }
    const percent = faultOption(name, 'percent');
    if (percent) {
      expect(initialDraft(name).percent).toBe(String(percent.suggested));
      expect(checkOptions(name, { ...EMPTY_DRAFT, percent: String(percent.max! + 1) }, []).ok).toBe(false);
    }
  });

  it('the console completes a target of the catalogue’s kind', () => {
    const request = completionSite(`fault ${name} `).request;
    const kinds = request.kind === 'any' ? request.requests : [request];
    const resources = kinds.map((r) => (r.kind === 'names' ? r.resource : r.kind === 'words' ? r.words.join(',') : r.kind)).sort();
    const want: Record<FaultSpec['target'], string[]> = {
      pod: ['pods'],
      podOrDeployment: ['deployment/', 'pods'],
      deployment: ['deployment/', 'deployments'],
      node: ['nodes'],
      worker: ['nodes'],
      zone: ['none'],
      component: ['kube-scheduler,kube-controller-manager,kube-apiserver,etcd-0,etcd-1,etcd-2'],
      podNodeOrDeployment: ['deployment/', 'nodes', 'pods'],
    };
    expect(resources).toEqual(want[spec.target]);
  });

  it('its cue lights what it acts on', () => {
    const target = spec.target === 'component' ? 'kube-scheduler' : 'default/web-1';
    const lit = flashesForCue({ type: 'fault', fault: name, target, phase: spec.restores ? 'healed' : 'injected' }).map((f) => f.target.split(':')[0]);
    const want = spec.target === 'component' ? ['cp'] : spec.target === 'node' || spec.target === 'worker' ? ['node'] : isPodTarget(spec) || spec.target === 'podNodeOrDeployment' ? ['pod'] : [];
    expect(lit).toEqual(want);
  });

  it('a pod carries its mark while the fault is in effect exactly when it lasts until healed', () => {
    const marks = faultMarks(withActive([{ fault: name, target: 'default/web-1', sinceMs: 0 }]));
    expect(marks.pods.has('default/web-1')).toBe(isPodTarget(spec) && spec.undo !== undefined);
  });

  it('its name and, if offered, its explanation are written in English and Korean', () => {
    for (const lang of [en, ko]) {
      expect((lang.faults.names as Record<string, string>)[name]).toBeTruthy();
      if (spec.offered) expect((lang.faults.explain as Record<string, string>)[name]).toBeTruthy();
    }
  });
});

describe('the pod menu', () => {
  it('offers the faults that take a pod, then heal while one is in effect', () => {
    const pod = { kind: 'Pod' as const, namespace: 'default', name: 'web-1' };
    const podFaults = FAULT_CATALOGUE.filter((s) => s.target === 'pod').map((s) => s.name);
    expect(menuItems(pod, withActive([])).map((i) => i.fault)).toEqual(podFaults);
    expect(menuItems(pod, withActive([{ fault: 'oom', target: 'default/web-1', sinceMs: 0 }])).at(-1)?.fault).toBe(faultSpec('oom').undo);
  });
});

describe('fault texts', () => {
  it('Korean translates every engine result the English has', () => {
    expect(Object.keys(ko.faults.results).sort()).toEqual(Object.keys(en.faults.results).sort());
  });
});
