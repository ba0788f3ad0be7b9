/**
 * The scripted way: a fixed sequence A → B → C → D, each step an imperative command that assumes the
 * step before it worked and that the world is as the author pictured it. It runs once, top to bottom, and
 * stops at the first failing step (as `set -e` does), leaving whatever the steps before it made. After the
 * last step nobody looks again: an instance that dies later stays dead, and the balancer keeps its list.
 */
import type { VirtualClock } from '../../clock/virtualClock';
import { nextWebName, type World } from './world';

export const SCRIPT_STEPS = ['A', 'B', 'C', 'D'] as const;
export type ScriptStep = (typeof SCRIPT_STEPS)[number];

export const STEP_MS: Record<ScriptStep, number> = { A: 1_000, B: 2_000, C: 1_500, D: 500 };

/** Why a command failed: codes the page translates. */
export type FailReason = 'alreadyExists' | 'outage' | 'noDatabase' | 'noNetwork';

export type ScriptStatus =
  | { state: 'idle' }
  | { state: 'running'; step: ScriptStep }
  | { state: 'done' }
  | { state: 'failed'; step: ScriptStep; reason: FailReason };

export interface ScriptHost {
  clock: VirtualClock;
  world: () => World;
  replicas: () => number;
  /** Whether the infrastructure refuses to start things right now (the outage fault). */
  outage: () => boolean;
  /** Called as the script enters each step (the scenario may start an outage there). */
  onStep: (step: ScriptStep, instance?: number) => void;
  log: (code: string, params: Record<string, string | number>) => void;
}

export class ScriptRunner {
  status: ScriptStatus = { state: 'idle' };
  /** Steps that finished in this run, in order. */
  finished: ScriptStep[] = [];

  constructor(
    private readonly host: ScriptHost,
    private readonly idempotent: () => boolean,
  ) {}

  run(): void {
    this.finished = [];
    this.step('A');
  }

  private step(step: ScriptStep, instance = 1): void {
    this.status = { state: 'running', step };
    this.host.onStep(step, instance);
    if (instance === 1) this.host.log('declarative.stepStarted', { step });
    const ms = STEP_MS[step];
    this.host.clock.setTimeout(() => {
      const reason = this.execute(step, instance);
      if (reason) {
        this.status = { state: 'failed', step, reason };
        this.host.log(`declarative.scriptStopped.${reason}`, { step, done: this.finished.join(' ') || '-' });
        return;
      }
      if (step === 'C' && instance < this.host.replicas()) return this.step('C', instance + 1);
      this.finished.push(step);
      this.host.log('declarative.stepDone', { step });
      const next = SCRIPT_STEPS[SCRIPT_STEPS.indexOf(step) + 1];
      if (next) this.step(next);
      else {
        this.status = { state: 'done' };
        this.host.log('declarative.scriptDone', {});
      }
    }, ms);
  }

  /** One command; returns why it failed, if it did. */
  private execute(step: ScriptStep, instance: number): FailReason | undefined {
    const w = this.host.world();
    const careful = this.idempotent();
    switch (step) {
      case 'A':
        // `docker network create shop-net`: an error if it exists, unless the script checks first.
        if (w.network) return careful ? undefined : 'alreadyExists';
        if (this.host.outage()) return 'outage';
        w.network = true;
        return undefined;
      case 'B':
        if (w.database !== 'stopped') return careful ? undefined : 'alreadyExists';
        if (!w.network) return 'noNetwork';
        if (this.host.outage()) return 'outage';
        w.database = 'running';
        return undefined;
      case 'C': {
        // `start web-<i>`: the script names its instances; a careful one skips a name that already runs.
        const name = `web-${instance}`;
        if (w.web.some((i) => i.name === name)) return careful ? undefined : 'alreadyExists';
        if (w.database !== 'running') return 'noDatabase';
        if (this.host.outage()) return 'outage';
        w.web.push({ name: w.web.some((i) => i.name === name) ? nextWebName(w) : name, state: 'running' });
        return undefined;
      }
      case 'D':
        // The balancer gets the list the author wrote: web-1 … web-N, whatever actually runs.
        if (this.host.outage()) return 'outage';
        w.lb = Array.from({ length: this.host.replicas() }, (_, i) => `web-${i + 1}`);
        return undefined;
    }
  }
}
