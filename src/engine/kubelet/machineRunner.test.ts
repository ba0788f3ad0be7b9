import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtualClock';
import { containerMachine, type ContainerEvent, type ContainerHost } from './containerMachine';
import { MachineRunner } from './machineRunner';

function recordingHost(log: string[]): ContainerHost {
  return {
    restartAfterBackOff: () => log.push('restartAfterBackOff'),
    pullBackOffStarted: () => log.push('pullBackOffStarted'),
    pullAgain: () => log.push('pullAgain'),
    retryCreate: () => log.push('retryCreate'),
    killAfterGracePeriod: () => log.push('killAfterGracePeriod'),
    restartDelayMs: () => 7000,
    pullDelayMs: () => 3000,
    gracePeriodMs: () => 5000,
  };
}

function valueToPath(v: unknown): string {
  if (typeof v === 'string') return v;
  const [k, child] = Object.entries(v as Record<string, unknown>)[0]!;
  return `${k}.${valueToPath(child)}`;
}

const EVENTS: ContainerEvent['type'][] = ['PULL', 'PULL_FAILED', 'INVALID_IMAGE', 'NEVER_PULL', 'CONFIG_ERROR', 'STARTED', 'START_FAILED', 'EXITED', 'STOP', 'BACK_OFF', 'RESTART'];

describe('MachineRunner runs containerMachine as XState does', () => {
  it('same states and actions as createActor for random events and waits', () => {
    const runner = new MachineRunner(containerMachine);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...EVENTS), fc.integer({ min: 0, max: 12_000 })), { maxLength: 40 }), (steps) => {
        const clockA = new VirtualClock();
        const clockB = new VirtualClock();
        const logA: string[] = [];
        const logB: string[] = [];
        const actor = createActor(containerMachine, { input: { host: recordingHost(logA) }, clock: clockA });
        actor.start();
        const inst = runner.start({ host: recordingHost(logB) }, clockB);
        for (const step of steps) {
          if (typeof step === 'number') {
            clockA.advance(step);
            clockB.advance(step);
          } else {
            actor.send({ type: step } as ContainerEvent);
            inst.send({ type: step });
          }
          expect(inst.value).toBe(valueToPath(actor.getSnapshot().value));
          expect(logB).toEqual(logA);
        }
        actor.stop();
        inst.stop();
      }),
      { numRuns: 300 },
    );
  });
});
