/**
 * The kubelet process on its machine: `running` (heartbeating: the node Lease every 10 s, node status
 * when it changed or every 5 minutes), `partitioned` (running, containers too, but the API server is
 * unreachable: no heartbeats, no status, no new pods), `poweredOff` (the machine is down: nothing runs).
 */
import { fromCallback, setup } from 'xstate';
import type { VirtualClock } from '../clock/virtualClock';

export interface KubeletHost {
  clock: VirtualClock;
  heartbeat(): void;
  stopAllContainers(): void;
  bootAgain(): void;
  reconnect(): void;
}

/** nodeStatusUpdateFrequency and the node lease renew interval (kubelet defaults). */
export const HEARTBEAT_PERIOD_MS = 10_000;

/** Ticks every 10 s on the virtual clock while invoked; the first tick is immediate (registration). */
const heartbeatLoop = fromCallback<{ type: 'TICK' }, { host: KubeletHost }>(({ input }) => {
  const { host } = input;
  let timer = host.clock.setTimeout(function tick() {
    timer = host.clock.setTimeout(tick, HEARTBEAT_PERIOD_MS);
    host.heartbeat();
  }, 0);
  return () => host.clock.clearTimeout(timer);
});

export const kubeletMachine = setup({
  types: {
    context: {} as { host: KubeletHost },
    input: {} as { host: KubeletHost },
    events: {} as { type: 'POWER_OFF' } | { type: 'POWER_ON' } | { type: 'PARTITION' } | { type: 'HEAL' },
  },
  actors: { heartbeatLoop },
  actions: {
    stopAllContainers: ({ context }) => context.host.stopAllContainers(),
    bootAgain: ({ context }) => context.host.bootAgain(),
    reconnect: ({ context }) => context.host.reconnect(),
  },
}).createMachine({
  id: 'kubelet',
  context: ({ input }) => ({ host: input.host }),
  initial: 'running',
  states: {
    running: {
      invoke: { src: 'heartbeatLoop', input: ({ context }) => ({ host: context.host }) },
      on: { POWER_OFF: 'poweredOff', PARTITION: 'partitioned' },
    },
    partitioned: {
      on: { HEAL: { target: 'running', actions: 'reconnect' }, POWER_OFF: 'poweredOff' },
    },
    poweredOff: {
      entry: 'stopAllContainers',
      on: { POWER_ON: { target: 'running', actions: 'bootAgain' } },
    },
  },
});
