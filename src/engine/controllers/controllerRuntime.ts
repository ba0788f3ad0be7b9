/**
 * What every controller shares: watch → queue keys → sync(key) (client-go's informer + workqueue +
 * syncHandler), wrapped in an XState actor whose states are `running` and `stopped`. A stopped
 * controller ignores the world (that is the lesson of a stopped kube-controller-manager: nothing
 * heals); when it starts again it lists everything and reconciles, as a restarted controller does
 * after its informers' initial list. While running it also resyncs every key periodically.
 */
import { createActor, setup, type Actor } from 'xstate';
import type { WatchEvent } from '../apiserver/apiserver';
import { isApiFailure } from '../apiserver/errors';
import type { ControllerContext } from '../context';
import { WorkQueue } from './workqueue';

// The components' shared context lives in engine/context.ts; controllers take it from their runtime.
export type { ControllerContext } from '../context';

/** Told of a sync that failed for another reason than the API server (a TypeError: a bug in the controller). */
export type ControllerBugHandler = (controller: string, key: string, err: unknown) => void;

const logControllerBug: ControllerBugHandler = (controller, key, err) => {
  console.error(`${controller}: sync of ${key} failed with a programming error (it will be retried with backoff)`, err);
};

let controllerBugHandler: ControllerBugHandler = logControllerBug;

/**
 * Sets who hears of controller bugs (the product logs them; the unit tests' setup throws, so the test
 * that met one fails). Returns a function that restores the previous handler.
 */
export function onControllerBug(handler: ControllerBugHandler): () => void {
  const previous = controllerBugHandler;
  controllerBugHandler = handler;
  return () => {
    controllerBugHandler = previous;
  };
}

function reportControllerBug(controller: string, key: string, err: unknown): void {
  controllerBugHandler(controller, key, err);
}

/** What a sync may ask for: look at this key again after a delay. */
export interface SyncResult {
  requeueAfterMs?: number;
}

export interface WatchSpec {
  kind: string;
  /** The keys this watch event makes dirty (e.g. a Pod event → its owner ReplicaSet's key). */
  keys: (event: WatchEvent) => Iterable<string>;
}

export interface ControllerDefinition {
  /** The name Kubernetes gives it, e.g. `replicaset-controller` (also the events' source component). */
  name: string;
  watches: WatchSpec[];
  /** Every key the controller owns, for the initial list and periodic resync. */
  listKeys: () => Iterable<string>;
  sync: (key: string) => SyncResult | void;
  /** Period of the full resync; omit for none. */
  resyncPeriodMs?: number;
}

const controllerMachine = setup({
  types: {
    context: {} as { resyncPeriodMs: number },
    events: {} as { type: 'START' } | { type: 'STOP' },
    input: {} as { resyncPeriodMs: number },
  },
  actions: {
    listAndQueueAll: () => {},
    dropQueue: () => {},
  },
  delays: {
    resyncPeriod: ({ context }) => context.resyncPeriodMs,
  },
  guards: {
    hasResync: ({ context }) => context.resyncPeriodMs > 0,
  },
}).createMachine({
  id: 'controller',
  context: ({ input }) => ({ resyncPeriodMs: input.resyncPeriodMs }),
  initial: 'running',
  states: {
    running: {
      entry: 'listAndQueueAll',
      on: { STOP: 'stopped' },
      after: { resyncPeriod: { guard: 'hasResync', target: 'running', reenter: true } },
    },
    stopped: {
      entry: 'dropQueue',
      on: { START: 'running' },
    },
  },
});

export type ControllerState = 'running' | 'stopped';

export class Controller {
  readonly name: string;
  private readonly queue: WorkQueue;
  private readonly actor: Actor<typeof controllerMachine>;
  private readonly unwatch: Array<() => void> = [];
  /**
   * Counted here, not in the actor's context: an XState event per sync (thousands a second in a large
   * rollout) cost a full macrostep each, and the count changes no state.
   */
  private syncs = 0;

  constructor(
    private readonly def: ControllerDefinition,
    private readonly ctx: ControllerContext,
  ) {
    this.name = def.name;
    this.queue = new WorkQueue(ctx.clock, (key) => this.processKey(key));
    const machine = controllerMachine.provide({
      actions: {
        listAndQueueAll: () => {
          for (const key of def.listKeys()) this.queue.add(key);
        },
        dropQueue: () => this.queue.clear(),
      },
    });
    this.actor = createActor(machine, { input: { resyncPeriodMs: def.resyncPeriodMs ?? 0 }, clock: ctx.clock });
    for (const w of def.watches) {
      this.unwatch.push(
        ctx.api.watch(w.kind, (event) => {
          if (!this.running) return;
          for (const key of w.keys(event)) this.queue.add(key);
        }),
      );
    }
  }

  /** Starts the actor: it lists every key and reconciles. */
  boot(): void {
    this.actor.start();
  }

  get running(): boolean {
    return this.actor.getSnapshot().value === 'running';
  }

  get state(): ControllerState {
    return this.actor.getSnapshot().value as ControllerState;
  }

  /** Number of syncs done, for the UI's activity display and tests. */
  get syncCount(): number {
    return this.syncs;
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  enqueue(key: string, afterMs = 0): void {
    if (!this.running) return;
    if (afterMs > 0) this.queue.addAfter(key, afterMs);
    else this.queue.add(key);
  }

  dispose(): void {
    for (const u of this.unwatch) u();
    this.actor.stop();
  }

  private processKey(key: string): void {
    if (!this.running) return;
    try {
      const result = this.ctx.api.actingAs(this.name, () => this.def.sync(key));
      this.queue.forget(key);
      this.syncs++;
      if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'controller-sync', controller: this.name, key });
      if (result?.requeueAfterMs !== undefined) this.queue.addAfter(key, result.requeueAfterMs);
    } catch (err) {
      // A failed sync is retried with backoff, as client-go does.
      this.queue.addRateLimited(key);
      // What the API server answers (a conflict, a refusal: admission, quota, validation) or its
      // absence (stopped, no etcd quorum) is the world a controller lives in; anything else is a bug.
      if (!isApiFailure(err)) reportControllerBug(this.name, key, err);
    }
  }
}
