/**
 * Checking a ClusterSnapshot that came from outside the engine (the browser's storage, a file): every
 * field of the shape `Cluster.snapshot()` writes, so a corrupted or foreign value is refused with a
 * reason instead of failing halfway through a replay. What the inputs then do is the cluster's business:
 * a replay applies them as they were first applied.
 */
import type { ClusterSnapshot } from './cluster';
import { isPresetName } from './scenarios/presets';

export type SnapshotCheck = { ok: true; snapshot: ClusterSnapshot } | { ok: false; error: string };

/** The snapshot version this engine writes and replays. */
export const SNAPSHOT_VERSION = 1;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringRecord = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');

function inputError(input: unknown): string | undefined {
  if (!isRecord(input)) return 'is not an object';
  switch (input.op) {
    case 'apply':
      return typeof input.text === 'string' && isRecord(input.options) ? undefined : 'apply needs text and options';
    case 'kubectl':
      return typeof input.line === 'string' && (input.files === undefined || isStringRecord(input.files)) ? undefined : 'kubectl needs a line (and files as text)';
    case 'advance':
      return typeof input.ms === 'number' && Number.isFinite(input.ms) && input.ms >= 0 ? undefined : 'advance needs a duration of 0 ms or more';
    case 'exec': {
      // A line typed into an interactive `kubectl exec -it` shell (recorded by Cluster.kubectlHost().exec).
      const req = input.req;
      if (!isRecord(req)) return 'exec needs a request';
      const words = Array.isArray(req.command) && req.command.every((w) => typeof w === 'string');
      return typeof req.namespace === 'string' && typeof req.pod === 'string' && typeof req.container === 'string' && words ? undefined : 'exec needs a namespace, pod, container and command';
    }
    case 'inject':
      return isRecord(input.fault) && typeof input.fault.fault === 'string' && typeof input.fault.target === 'string' ? undefined : 'inject needs a fault and a target';
    case 'interrupt':
      return undefined;
    case 'chaos':
      if (input.action === 'stop') return undefined;
      return input.action === 'start' && isRecord(input.settings) ? undefined : 'chaos needs start with settings, or stop';
    default:
      return `has an unknown op ${JSON.stringify(input.op)}`;
  }
}

/** The snapshot, if `value` has its shape; else what is wrong, first problem only. */
export function checkSnapshot(value: unknown): SnapshotCheck {
  if (!isRecord(value)) return { ok: false, error: 'the snapshot is not an object' };
  if (value.version !== SNAPSHOT_VERSION) return { ok: false, error: `snapshot version ${JSON.stringify(value.version)} is not ${SNAPSHOT_VERSION}` };
  if (typeof value.seed !== 'number' || !Number.isFinite(value.seed)) return { ok: false, error: 'the snapshot has no seed' };
  if (value.preset !== null && !isPresetName(value.preset)) return { ok: false, error: `unknown preset ${JSON.stringify(value.preset)}` };
  if (typeof value.at !== 'string') return { ok: false, error: 'the snapshot has no time' };
  if (!Array.isArray(value.inputs)) return { ok: false, error: 'the snapshot has no inputs' };
  for (const [i, input] of value.inputs.entries()) {
    const error = inputError(input);
    if (error) return { ok: false, error: `input ${i + 1} ${error}` };
  }
  return { ok: true, snapshot: value as unknown as ClusterSnapshot };
}

/** The snapshot, moved on by `ms` of virtual time (nothing else happened meanwhile). */
export function advanceSnapshot(snapshot: ClusterSnapshot, ms: number): ClusterSnapshot {
  if (!(ms > 0)) return snapshot;
  const inputs = [...snapshot.inputs];
  const last = inputs[inputs.length - 1];
  if (last?.op === 'advance') inputs[inputs.length - 1] = { op: 'advance', ms: last.ms + ms };
  else inputs.push({ op: 'advance', ms });
  return { ...snapshot, inputs };
}
