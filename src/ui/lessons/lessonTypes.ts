/**
 * A lesson as data: a short list of steps, each one of: something to read, a task the student performs
 * in the playground (with buttons that set it up and a check that turns green when it is done), or a
 * prediction the student makes before a change (every choice carries why it is right or wrong).
 * The words live in `content.en.ts` / `content.ko.ts`, under the lesson's id and each step's `key`.
 */
import type { ConceptId } from '../../engine/concepts/types';
import type { FaultName } from '../../engine/faults/types';
import type { CheckSpec } from './checks';

/** What a task's button does for the student. */
export type LessonAction =
  /** Opens a manifest in the editor (the student reads it and presses Apply). */
  | { action: 'editor'; file: string; yaml: string }
  /** Opens the kubectl console (the command to type is in the task's text). */
  | { action: 'console' }
  /**
   * Opens the failure panel, with a fault chosen when given. The target is a name, `''` (the panel's first),
   * or resolved when pressed: the first pod of an app, or a worker node that runs one.
   */
  | { action: 'failures'; fault?: FaultName; target?: string | { podOf: string } | { nodeOf: string }; percent?: number }
  /** Opens a concept scenario (the lesson stays beside it). */
  | { action: 'scenario'; scenario: ConceptId }
  /** Sets the clock's speed, so a slow process (a 5-minute eviction) is watchable. */
  | { action: 'speed'; speed: number }
  /** Applies the journey's small app and opens the replay of its journey through the cluster (ui/journey). */
  | { action: 'journey' };

export type LessonStep =
  | { kind: 'read'; key: string }
  | { kind: 'task'; key: string; actions: readonly LessonAction[]; check: CheckSpec }
  | { kind: 'predict'; key: string; choices: readonly string[]; answer: string };

export type LessonTopic = 'why' | 'containers' | 'architecture' | 'apps' | 'operations';

export interface Lesson {
  id: string;
  topic: LessonTopic;
  steps: readonly LessonStep[];
}

/** One lesson's words in one language. */
export interface LessonText {
  title: string;
  summary: string;
  steps: Record<string, StepText>;
}

export type StepText =
  | { text: string }
  /** `check` names what the automatic check looks for: "3 replicas Ready on at least 2 nodes". */
  | { text: string; check: string }
  /** `why` has one entry per choice: shown after the pick, the picked one first. */
  | { question: string; choices: Record<string, string>; why: Record<string, string> };

export type LessonTexts = Record<string, LessonText>;
