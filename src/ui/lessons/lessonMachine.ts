/**
 * The lesson flow as a statechart: the student moves through the steps; a task's step can be left only
 * once its check has passed, a prediction's only once a choice is picked (and a pick is final: predict,
 * then observe). The last step's Next completes the lesson. Checks are evaluated outside (the panel
 * watches the page's mirror) and arrive as CHECK_PASSED; once passed, a check stays passed.
 */
import { and, assign, setup } from 'xstate';
import type { LessonStep } from './lessonTypes';

export type StepKind = LessonStep['kind'];

/** Where a student is in one lesson: what `progress.ts` saves. */
export interface LessonProgress {
  step: number;
  /** Step index → the choice picked there. */
  picks: Record<number, string>;
  /** Task steps whose check has passed. */
  done: number[];
  completed: boolean;
}

export interface LessonContext extends LessonProgress {
  lessonId: string;
  kinds: readonly StepKind[];
}

export interface LessonInput {
  lessonId: string;
  kinds: readonly StepKind[];
  saved?: LessonProgress | undefined;
}

export type LessonEvent =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'PICK'; step: number; choice: string }
  | { type: 'CHECK_PASSED'; step: number }
  | { type: 'RESTART' };

export const NEW_PROGRESS: LessonProgress = { step: 0, picks: {}, done: [], completed: false };

function currentKind(ctx: LessonContext): StepKind | undefined {
  return ctx.kinds[ctx.step];
}

export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
  },
  guards: {
    wasCompleted: ({ context }) => context.completed,
    canAdvance: ({ context }) => {
      switch (currentKind(context)) {
        case 'read':
          return true;
        case 'task':
          return context.done.includes(context.step);
        case 'predict':
          return context.picks[context.step] !== undefined;
        default:
          return false;
      }
    },
    isLastStep: ({ context }) => context.step >= context.kinds.length - 1,
    hasPrevious: ({ context }) => context.step > 0,
    canPick: ({ context, event }) =>
      event.type === 'PICK' && event.step === context.step && currentKind(context) === 'predict' && context.picks[event.step] === undefined,
    isPendingTask: ({ context, event }) =>
      event.type === 'CHECK_PASSED' && context.kinds[event.step] === 'task' && event.step <= context.step && !context.done.includes(event.step),
  },
  actions: {
    advance: assign({ step: ({ context }) => context.step + 1 }),
    goBack: assign({ step: ({ context }) => Math.max(0, context.step - 1) }),
    recordPick: assign({
      picks: ({ context, event }) => (event.type === 'PICK' ? { ...context.picks, [event.step]: event.choice } : context.picks),
    }),
    recordCheck: assign({
      done: ({ context, event }) => (event.type === 'CHECK_PASSED' ? [...context.done, event.step].sort((a, b) => a - b) : context.done),
    }),
    markCompleted: assign({ completed: true }),
    reset: assign({ step: 0, picks: {}, done: [], completed: false }),
  },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => {
    const saved = input.saved ?? NEW_PROGRESS;
    const last = Math.max(0, input.kinds.length - 1);
    return { lessonId: input.lessonId, kinds: input.kinds, ...saved, step: Math.min(Math.max(0, saved.step), last) };
  },
  initial: 'resuming',
  states: {
    resuming: {
      always: [{ guard: 'wasCompleted', target: 'complete' }, { target: 'learning' }],
    },
    learning: {
      on: {
        NEXT: [
          { guard: and(['canAdvance', 'isLastStep']), target: 'complete', actions: 'markCompleted' },
          { guard: 'canAdvance', actions: 'advance' },
        ],
        BACK: { guard: 'hasPrevious', actions: 'goBack' },
        PICK: { guard: 'canPick', actions: 'recordPick' },
        CHECK_PASSED: { guard: 'isPendingTask', actions: 'recordCheck' },
        RESTART: { actions: 'reset' },
      },
    },
    complete: {
      on: {
        BACK: { target: 'learning' },
        RESTART: { target: 'learning', actions: 'reset' },
        CHECK_PASSED: { guard: 'isPendingTask', actions: 'recordCheck' },
      },
    },
  },
});
