/**
 * One container's lifecycle on its node, as the kubelet reports it in `containerStatuses[].state`:
 * Waiting (ContainerCreating, ErrImagePull, ImagePullBackOff, InvalidImageName, ErrImageNeverPull,
 * CreateContainerConfigError, CrashLoopBackOff) → Running (→ Stopping while SIGTERM runs its course)
 * → Terminated, and back to Waiting when the kubelet restarts it.
 *
 * The machine owns the waits: the restart and pull back-offs, the pod resync that turns ErrImagePull
 * into ImagePullBackOff, and the grace period after which SIGTERM becomes SIGKILL. What happens when
 * those waits end (pull again, start again, record an event) is the kubelet's: the named actions call
 * the pod worker through `context.host`.
 */
import { setup } from 'xstate';

/** What the machine calls back into (the pod worker). */
export interface ContainerHost {
  /** The crash-loop back-off is over: start the container again. */
  restartAfterBackOff(): void;
  /** ErrImagePull has been seen by a pod sync: report ImagePullBackOff. */
  pullBackOffStarted(): void;
  /** The image pull back-off is over: pull again. */
  pullAgain(): void;
  /** Retry creating a container whose ConfigMap or Secret was missing. */
  retryCreate(): void;
  /** The grace period ran out: SIGKILL. */
  killAfterGracePeriod(): void;
  /** How long to wait, decided by the kubelet's back-off bookkeeping. */
  restartDelayMs(): number;
  pullDelayMs(): number;
  gracePeriodMs(): number;
}

export type ContainerEvent =
  | { type: 'PULL' }
  | { type: 'PULL_FAILED' }
  | { type: 'INVALID_IMAGE' }
  | { type: 'NEVER_PULL' }
  | { type: 'CONFIG_ERROR' }
  | { type: 'STARTED' }
  | { type: 'START_FAILED' }
  | { type: 'EXITED' }
  | { type: 'STOP' }
  | { type: 'BACK_OFF' }
  | { type: 'RESTART' };

/** The pod worker resyncs a failed pod about a second later (the status shows ErrImagePull until then). */
export const POD_RESYNC_AFTER_ERROR_MS = 1000;
/** A container that could not be created for a missing ConfigMap/Secret is retried on the next sync. */
export const CONFIG_RETRY_MS = 10_000;

export const containerMachine = setup({
  types: {
    context: {} as { host: ContainerHost },
    input: {} as { host: ContainerHost },
    events: {} as ContainerEvent,
  },
  actions: {
    restartAfterBackOff: ({ context }) => context.host.restartAfterBackOff(),
    reportPullBackOff: ({ context }) => context.host.pullBackOffStarted(),
    pullAgain: ({ context }) => context.host.pullAgain(),
    retryCreate: ({ context }) => context.host.retryCreate(),
    sigkill: ({ context }) => context.host.killAfterGracePeriod(),
  },
  delays: {
    restartBackOff: ({ context }) => context.host.restartDelayMs(),
    pullBackOff: ({ context }) => context.host.pullDelayMs(),
    podResync: POD_RESYNC_AFTER_ERROR_MS,
    configRetry: CONFIG_RETRY_MS,
    gracePeriod: ({ context }) => context.host.gracePeriodMs(),
  },
}).createMachine({
  id: 'container',
  context: ({ input }) => ({ host: input.host }),
  initial: 'waiting',
  states: {
    waiting: {
      initial: 'containerCreating',
      on: {
        PULL: '.pulling',
        PULL_FAILED: '.errImagePull',
        INVALID_IMAGE: '.invalidImageName',
        NEVER_PULL: '.errImageNeverPull',
        CONFIG_ERROR: '.createContainerConfigError',
        STARTED: 'running',
        START_FAILED: 'terminated',
        STOP: 'terminated',
      },
      states: {
        containerCreating: {},
        pulling: {},
        errImagePull: { after: { podResync: 'imagePullBackOff' } },
        imagePullBackOff: {
          entry: 'reportPullBackOff',
          after: { pullBackOff: { target: 'pulling', actions: 'pullAgain' } },
        },
        invalidImageName: {},
        errImageNeverPull: {},
        createContainerConfigError: { after: { configRetry: { target: 'containerCreating', actions: 'retryCreate' } } },
        crashLoopBackOff: { after: { restartBackOff: { target: 'containerCreating', actions: 'restartAfterBackOff' } } },
      },
    },
    running: {
      on: { EXITED: 'terminated', STOP: 'stopping' },
    },
    stopping: {
      on: { EXITED: 'terminated' },
      after: { gracePeriod: { target: 'terminated', actions: 'sigkill' } },
    },
    terminated: {
      on: { BACK_OFF: 'waiting.crashLoopBackOff', RESTART: 'waiting.containerCreating', EXITED: {} },
    },
  },
});

/** The Waiting reason kubectl shows for each waiting sub-state. */
export const WAITING_REASON: Record<string, string> = {
  containerCreating: 'ContainerCreating',
  pulling: 'ContainerCreating',
  errImagePull: 'ErrImagePull',
  imagePullBackOff: 'ImagePullBackOff',
  invalidImageName: 'InvalidImageName',
  errImageNeverPull: 'ErrImageNeverPull',
  createContainerConfigError: 'CreateContainerConfigError',
  crashLoopBackOff: 'CrashLoopBackOff',
};
