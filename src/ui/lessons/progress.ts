/**
 * Lesson progress in localStorage, one entry per lesson. What comes back is checked field by field:
 * anything malformed (an old format, a hand-edited value) is dropped rather than trusted.
 */
import { NEW_PROGRESS, type LessonProgress } from './lessonMachine';

export const PROGRESS_KEY = 'kube-playground.lesson-progress';

export type ProgressByLesson = Record<string, LessonProgress>;

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000;

export function parseProgress(raw: unknown): LessonProgress | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (!isIndex(r['step']) || typeof r['completed'] !== 'boolean') return undefined;
  const done = Array.isArray(r['done']) ? r['done'].filter(isIndex) : [];
  const picks: Record<number, string> = {};
  if (r['picks'] && typeof r['picks'] === 'object') {
    for (const [k, v] of Object.entries(r['picks'] as Record<string, unknown>)) {
      const i = Number(k);
      if (isIndex(i) && typeof v === 'string' && v.length <= 40) picks[i] = v;
    }
  }
  return { step: r['step'], completed: r['completed'], done: [...new Set(done)].sort((a, b) => a - b), picks };
}

/** Reads every lesson's progress; ids not in `knownIds` are ignored. */
export function readProgress(knownIds: readonly string[], storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): ProgressByLesson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(PROGRESS_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const out: ProgressByLesson = {};
  for (const id of knownIds) {
    const p = parseProgress((parsed as Record<string, unknown>)[id]);
    if (p) out[id] = p;
  }
  return out;
}

export function writeProgress(id: string, progress: LessonProgress, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeStorage()): void {
  if (!storage) return;
  try {
    const all = JSON.parse(storage.getItem(PROGRESS_KEY) ?? '{}') as unknown;
    const base = all && typeof all === 'object' && !Array.isArray(all) ? (all as Record<string, unknown>) : {};
    const { step, picks, done, completed } = progress;
    storage.setItem(PROGRESS_KEY, JSON.stringify({ ...base, [id]: { step, picks, done, completed } }));
  } catch {
    // Storage full or unavailable: progress lasts for this visit only.
  }
}

export function progressOf(all: ProgressByLesson, id: string): LessonProgress {
  return all[id] ?? NEW_PROGRESS;
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
