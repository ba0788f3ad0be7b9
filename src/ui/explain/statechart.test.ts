import { describe, expect, it } from 'vitest';
import { containerMachine } from '../../engine/kubelet/containerMachine';
import { kubeletMachine } from '../../engine/kubelet/kubeletMachine';
import { chartOf, isActive, nextTransitions, type MachineConfigLike } from './statechart';

const container = chartOf(containerMachine.config as MachineConfigLike);
const kubelet = chartOf(kubeletMachine.config as MachineConfigLike);

describe('statechart of the engine’s machines', () => {
  it('lists every state of the container machine, nested as the machine is', () => {
    expect(container.map((s) => s.path)).toContain('waiting.imagePullBackOff');
    expect(container.find((s) => s.path === 'waiting')).toMatchObject({ depth: 0, initial: true });
    expect(container.find((s) => s.path === 'waiting.containerCreating')).toMatchObject({ depth: 1, initial: true });
  });

  it.each([
    { name: 'running: exits, or is stopped', current: 'running', want: ['EXITED→terminated', 'STOP→stopping'] },
    { name: 'stopping: the grace period ends in SIGKILL', current: 'stopping', want: ['EXITED→terminated', 'after:gracePeriod→terminated'] },
    { name: 'terminated: back-off or restart', current: 'terminated', want: ['BACK_OFF→waiting.crashLoopBackOff', 'RESTART→waiting.containerCreating'] },
    { name: 'crash-loop back-off: its own delay first, then the waiting state’s events', current: 'waiting.crashLoopBackOff', want: ['after:restartBackOff→waiting.containerCreating', 'PULL→waiting.pulling'] },
    { name: 'image pull back-off pulls again after its delay', current: 'waiting.imagePullBackOff', want: ['after:pullBackOff→waiting.pulling'] },
  ])('$name', ({ current, want }) => {
    const got = nextTransitions(container, current).map((t) => `${t.trigger}→${t.target}`);
    for (const w of want) expect(got).toContain(w);
  });

  it('the kubelet: running, partitioned, powered off', () => {
    expect(kubelet.map((s) => s.path)).toEqual(['running', 'partitioned', 'poweredOff']);
    expect(nextTransitions(kubelet, 'poweredOff').map((t) => `${t.trigger}→${t.target}`)).toEqual(['POWER_ON→running']);
  });

  it('a parent is active with its child', () => {
    expect(isActive('waiting', 'waiting.pulling')).toBe(true);
    expect(isActive('waiting.pulling', 'waiting')).toBe(false);
  });
});
