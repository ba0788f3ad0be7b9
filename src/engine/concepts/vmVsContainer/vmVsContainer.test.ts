import { describe, expect, it } from 'vitest';
import type { ConceptView } from '../types';
import { HOST_KERNEL, GUEST_KERNEL, HOST_PID, OOM_EXIT_CODE, VmVsContainerModel } from './model';

function run(m: VmVsContainerModel, ms: number): void {
  for (let t = 0; t < ms; t += 100) m.advance(100);
}

function metric(v: ConceptView, id: string, lane: string) {
  return v.metrics.find((m) => m.id === id && m.lane === lane)?.value;
}

function fact(v: ConceptView, node: string, key: string) {
  return v.nodes.find((n) => n.id === node)?.facts?.[key];
}

describe('vm-vs-container: what a process sees', () => {
  it('inside the container the app is PID 1; the host sees it as an ordinary process with another PID', () => {
    const m = new VmVsContainerModel(1);
    run(m, 1000);
    const v = m.view();
    expect(fact(v, 'machine:kuard:ns-pid', 'inside')).toBe('PID 1');
    expect(fact(v, 'machine:kuard:ns-pid', 'onHost')).toBe(`PID ${HOST_PID}`);
    expect(fact(v, 'machine:host-processes', 'kuard')).toBe(HOST_PID);
    expect(v.nodes.filter((n) => n.kind === 'namespace').map((n) => n.label)).toEqual(['label:ns.pid', 'label:ns.net', 'label:ns.mnt', 'label:ns.uts', 'label:ns.ipc', 'label:ns.user']);
  });

  it('the container shares the host kernel; the VM runs its own', () => {
    const v = new VmVsContainerModel(1).view();
    expect(metric(v, 'kernel', 'machine')).toBe(HOST_KERNEL);
    expect(metric(v, 'kernel', 'vm')).toBe(GUEST_KERNEL);
    expect(metric(v, 'osMemoryMiB', 'vm')).toBeGreaterThan(metric(v, 'osMemoryMiB', 'machine') as number);
  });

  it('without a user namespace the container\'s root is root on the host; with one it maps to an unprivileged uid', () => {
    const m = new VmVsContainerModel(1);
    expect(fact(m.view(), 'machine:kuard:ns-user', 'onHost')).toBe('uid 0 (root!)');
    m.setKnob('userNamespace', true);
    expect(fact(m.view(), 'machine:kuard:ns-user', 'onHost')).toBe('uid 65536');
  });

  it.each([
    { name: 'demand under the quota: not throttled', demand: 0.4, limit: 0.5, want: 0 },
    { name: 'twice the quota: throttled half the time', demand: 1, limit: 0.5, want: 50 },
    { name: 'four times the quota: throttled three quarters', demand: 2, limit: 0.5, want: 75 },
  ])('CPU limit: $name', ({ demand, limit, want }) => {
    const m = new VmVsContainerModel(1);
    m.setKnob('cpuDemand', demand);
    m.setKnob('cpuLimit', limit);
    expect(metric(m.view(), 'throttledPct', 'machine')).toBe(want);
  });

  it('memory over the limit: OOM-killed with exit 137, restarted after 10 s, then 20 s', () => {
    const m = new VmVsContainerModel(1);
    m.setKnob('appMemoryMiB', 512);
    m.setKnob('memoryLimitMiB', 256);
    m.act('restart');
    run(m, 3000);
    let v = m.view();
    expect(metric(v, 'lastExit', 'machine')).toBe(OOM_EXIT_CODE);
    expect(v.nodes.find((n) => n.id === 'machine:kuard')?.health).toBe('failed');
    expect(v.log.some((l) => l.code === 'vmc.oomKilled' && l.params?.exitCode === 137)).toBe(true);
    run(m, 10_000);
    v = m.view();
    expect(metric(v, 'restarts', 'machine')).toBe(1);
    run(m, 3_000);
    const second = m.view().log.filter((l) => l.code === 'vmc.oomKilled');
    expect(second).toHaveLength(2);
    expect(second[1]!.params?.seconds).toBe(20);
  });

  it('memory under the limit: it runs and is never killed', () => {
    const m = new VmVsContainerModel(1);
    run(m, 20_000);
    const v = m.view();
    expect(metric(v, 'restarts', 'machine')).toBe(0);
    expect(v.log.some((l) => l.code === 'vmc.oomKilled')).toBe(false);
  });

  it('the real engine: the arm64-only image crash-loops on amd64 nodes with exec format error, and the nodeSelector puts every pod on arm64', () => {
    const m = new VmVsContainerModel(1);
    run(m, 60_000);
    let v = m.view();
    expect(metric(v, 'podsCrashing', 'cluster')).toBeGreaterThan(0);
    const crash = v.log.find((l) => l.code === 'vmc.podCrashed');
    expect(crash?.params?.output).toBe('exec /kuard: exec format error');
    expect(crash?.params?.exitCode).toBe(255);
    expect(String(crash?.params?.node)).toMatch(/^amd64-/);
    expect(m.setKnob('archSelector', true)).toEqual({ ok: true });
    expect(m.deploymentYaml()).toContain('kubernetes.io/arch: arm64');
    run(m, 180_000);
    v = m.view();
    expect(metric(v, 'podsRunning', 'cluster')).toBe(3);
    expect(metric(v, 'podsCrashing', 'cluster')).toBe(0);
    const podNodes = v.nodes.filter((n) => n.kind === 'container' && n.id.startsWith('cluster:')).map((n) => n.parent);
    expect(new Set(podNodes)).toEqual(new Set(['cluster:arm64-a']));
  });

  it.each([
    { knob: 'cpuLimit', value: 0, code: 'knob.outOfRange' },
    { knob: 'memoryLimitMiB', value: -256, code: 'knob.outOfRange' },
    { knob: 'appMemoryMiB', value: 1e12, code: 'knob.outOfRange' },
    { knob: 'image', value: 'kuard-s390x', code: 'knob.notChoice' },
  ])('refuses $knob = $value', ({ knob, value, code }) => {
    const m = new VmVsContainerModel(1);
    const r = m.setKnob(knob, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });
});
