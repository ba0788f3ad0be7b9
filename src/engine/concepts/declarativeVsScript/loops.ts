/**
 * The declarative way: one desired state, and independent control loops, each owning one part. Every
 * period a loop looks at the world as it is now (not as it remembers it), compares it with the desired
 * state, and takes one step to close the gap; a step that fails is simply tried again next period.
 * Nothing orders the loops: the web loop waits until the database runs because it looks, not because it
 * comes after. That is how Kubernetes' controllers work (level-triggered, `syncHandler` per object:
 * pkg/controller), and why they reach the goal from any starting point and after any fault.
 */
import type { VirtualClock } from '../../clock/virtualClock';
import type { FailReason } from './script';
import { nextWebName, runningWeb, type World } from './world';

export const LOOP_IDS = ['network', 'database', 'web', 'lb'] as const;
export type LoopId = (typeof LOOP_IDS)[number];

export const OP_MS = { network: 1_000, database: 2_000, web: 1_500, lb: 200 } as const;

export interface LoopHost {
  clock: VirtualClock;
  world: () => World;
  replicas: () => number;
  periodMs: () => number;
  outage: () => boolean;
  log: (code: string, params: Record<string, string | number>) => void;
}

export interface LoopState {
  id: LoopId;
  /** Working on a step now. */
  busy: boolean;
  lastAction?: string;
  lastFailure?: FailReason;
  /** Virtual time of its last look at the world. */
  lastCheckMs?: number;
}

export class ControlLoops {
  readonly loops: Record<LoopId, LoopState> = {
    network: { id: 'network', busy: false },
    database: { id: 'database', busy: false },
    web: { id: 'web', busy: false },
    lb: { id: 'lb', busy: false },
  };
  private running = false;

  constructor(private readonly host: LoopHost) {}

  get started(): boolean {
    return this.running;
  }

  /** The desired state is declared: every loop starts looking, each on its own beat. */
  start(): void {
    if (this.running) return;
    this.running = true;
    LOOP_IDS.forEach((id, i) => this.host.clock.setTimeout(() => this.tick(id), (this.host.periodMs() * i) / LOOP_IDS.length));
  }

  private tick(id: LoopId): void {
    const loop = this.loops[id];
    loop.lastCheckMs = this.host.clock.now();
    if (!loop.busy) this.reconcile(id);
    this.host.clock.setTimeout(() => this.tick(id), this.host.periodMs());
  }

  private act(id: LoopId, action: string, params: Record<string, string | number>, finish: () => void, undo: () => void): void {
    const loop = this.loops[id];
    loop.busy = true;
    loop.lastAction = action;
    this.host.log(`declarative.loop.${action}`, params);
    this.host.clock.setTimeout(() => {
      loop.busy = false;
      if (this.host.outage()) {
        undo();
        loop.lastFailure = 'outage';
        this.host.log(`declarative.loopFailed.${action}`, {});
        return;
      }
      delete loop.lastFailure;
      finish();
    }, OP_MS[id]);
  }

  private reconcile(id: LoopId): void {
    const w = this.host.world();
    switch (id) {
      case 'network':
        if (!w.network) this.act(id, 'createNetwork', {}, () => (this.host.world().network = true), () => undefined);
        return;
      case 'database':
        if (w.network && w.database === 'stopped') {
          w.database = 'starting';
          this.act(id, 'startDatabase', {}, () => (this.host.world().database = 'running'), () => (this.host.world().database = 'stopped'));
        }
        return;
      case 'web': {
        const want = this.host.replicas();
        if (w.web.length > want) {
          // Too many: stop the newest extras (a ReplicaSet deletes the surplus).
          const extra = w.web.slice(want).map((i) => i.name);
          w.web = w.web.slice(0, want);
          this.host.log('declarative.loop.stopWeb', { names: extra.join(' ') });
          return;
        }
        if (w.web.length < want && w.database === 'running') {
          const names: string[] = [];
          while (w.web.length < want) {
            const name = nextWebName(w);
            w.web.push({ name, state: 'starting' });
            names.push(name);
          }
          const drop = () => {
            const world = this.host.world();
            world.web = world.web.filter((i) => !(names.includes(i.name) && i.state === 'starting'));
          };
          this.act(
            id,
            'startWeb',
            { names: names.join(' ') },
            () => {
              for (const i of this.host.world().web) if (names.includes(i.name)) i.state = 'running';
            },
            drop,
          );
        }
        return;
      }
      case 'lb': {
        const want = runningWeb(w).map((i) => i.name);
        const same = want.length === w.lb.length && want.every((n) => w.lb.includes(n));
        if (!same) this.act(id, 'updateBalancer', { backends: want.join(' ') || '-' }, () => (this.host.world().lb = runningWeb(this.host.world()).map((i) => i.name)), () => undefined);
        return;
      }
    }
  }
}
