/**
 * Positions in a cluster's recorded history. The inputs (`Cluster.recordedInputs`) are the history:
 * instant inputs (apply, kubectl, inject, chaos, exec) happen at the virtual time reached so far, and
 * `advance` inputs move time on. A cursor says how much of the list a cluster has been through:
 * `inputs[0 .. index)` entirely, then `ms` of `inputs[index]` when that is an advance. Replaying the
 * same inputs up to the same cursor from the same seed gives the same cluster, however the advances
 * are cut (the virtual clock fires timers by due time: one long advance equals many short ones).
 */
import { MAX_ADVANCE_MS, replayInput, type Cluster, type ClusterInput } from '../../engine/cluster';

export interface HistoryCursor {
  index: number;
  /** Virtual milliseconds already replayed of `inputs[index]` (an advance); 0 otherwise. */
  ms: number;
}

export type Inputs = readonly Readonly<ClusterInput>[];

export const HISTORY_START: HistoryCursor = { index: 0, ms: 0 };

export function compareCursors(a: HistoryCursor, b: HistoryCursor): number {
  return a.index !== b.index ? a.index - b.index : a.ms - b.ms;
}

/** Virtual milliseconds from the start of the history to the cursor. */
export function cursorOffset(inputs: Inputs, cursor: HistoryCursor): number {
  let offset = 0;
  for (let i = 0; i < cursor.index && i < inputs.length; i++) {
    const input = inputs[i]!;
    if (input.op === 'advance') offset += input.ms;
  }
  return offset + cursor.ms;
}

/** Total virtual time the inputs cover. */
export function historyLength(inputs: Inputs): number {
  return cursorOffset(inputs, { index: inputs.length, ms: 0 });
}

/**
 * The cursor for "the cluster as it was `offset` ms into the history": every instant input made at or
 * before that time, and time advanced exactly to it. Past the end: the end.
 */
export function cursorAtOffset(inputs: Inputs, offset: number): HistoryCursor {
  let reached = 0;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    if (input.op === 'advance') {
      if (reached + input.ms > offset) return { index: i, ms: Math.max(0, offset - reached) };
      reached += input.ms;
    } else if (reached > offset) {
      return { index: i, ms: 0 };
    }
  }
  return { index: inputs.length, ms: 0 };
}

/** Start offset (virtual ms into the history) of every input. */
export function inputOffsets(inputs: Inputs): number[] {
  const out: number[] = [];
  let reached = 0;
  for (const input of inputs) {
    out.push(reached);
    if (input.op === 'advance') reached += input.ms;
  }
  return out;
}

/**
 * Replays `inputs` on `cluster` from cursor `from` toward `to`. With `outOfTime`, advances go in
 * slices of `sliceMs` and the replay stops (between slices) once it says so: the returned cursor is
 * where the cluster got to, `to` when it finished.
 */
export function replayBetween(cluster: Cluster, inputs: Inputs, from: HistoryCursor, to: HistoryCursor, outOfTime?: () => boolean, sliceMs = 10_000): HistoryCursor {
  let index = from.index;
  let ms = from.ms;
  while (index < to.index || (index === to.index && ms < to.ms)) {
    const input = inputs[index];
    if (!input) break;
    if (input.op !== 'advance') {
      replayInput(cluster, input);
      index++;
      ms = 0;
      continue;
    }
    const end = index === to.index ? to.ms : input.ms;
    const step = Math.min(end - ms, outOfTime ? sliceMs : MAX_ADVANCE_MS);
    if (step > 0) cluster.advance(step);
    ms += Math.max(0, step);
    if (ms >= input.ms && index < to.index) {
      index++;
      ms = 0;
    }
    if (outOfTime?.()) break;
  }
  return { index, ms };
}
