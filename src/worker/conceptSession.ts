/**
 * The open concept scenario, owned by the worker beside the cluster. While one is open, the clock loop
 * advances it instead of the cluster (so the cluster waits exactly as it was), and its view is posted
 * when something changed: after time moved, a knob turned or an action ran, at most once per frame.
 * The models load after the first screen (deferredModules.ts); the host makes `open` wait for them.
 */
import type { ConceptId, ConceptModel, ConceptResult, ConceptView, KnobValue } from '../engine/concepts/types';
import { advanceSlices } from './clockLoop';
import { conceptsModule, loaded } from './deferredModules';
import type { ConceptOpened } from './protocol';

export class ConceptSession {
  private model: ConceptModel | undefined;
  private changed = false;

  get isOpen(): boolean {
    return this.model !== undefined;
  }

  get openId(): ConceptId | undefined {
    return this.model?.id;
  }

  /** Opens (or re-opens, from the start) a scenario; throws for an id that names none. */
  open(id: string, seed: number): ConceptOpened {
    const factory = loaded(conceptsModule).conceptFactory(id);
    if (!factory) throw new Error(`there is no concept scenario called "${id}"`);
    const model = factory({ seed });
    this.model = model;
    this.changed = false;
    return { id: model.id, knobs: model.knobs, actions: model.actions, view: model.view() };
  }

  close(): void {
    this.model = undefined;
    this.changed = false;
  }

  setKnob(knob: string, value: KnobValue): ConceptResult {
    const result = this.require().setKnob(knob, value);
    if (result.ok) this.changed = true;
    return result;
  }

  act(action: string, params?: Record<string, string>): ConceptResult {
    const result = this.require().act(action, params);
    if (result.ok) this.changed = true;
    return result;
  }

  /** Virtual time for the scenario, in the same slices the cluster gets. */
  advance(ms: number, slice: number): void {
    const model = this.require();
    for (const step of advanceSlices(ms, slice)) model.advance(step);
    if (ms > 0) this.changed = true;
  }

  /** The view if it changed since the last call (the frame loop posts it), else undefined. */
  takeChangedView(): ConceptView | undefined {
    if (!this.model || !this.changed) return undefined;
    this.changed = false;
    return this.model.view();
  }

  private require(): ConceptModel {
    if (!this.model) throw new Error('no concept scenario is open');
    return this.model;
  }
}
