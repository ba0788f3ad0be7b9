import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { lessonMachine, type LessonProgress } from './lessonMachine';
import type { StepKind } from './lessonMachine';

const KINDS: StepKind[] = ['read', 'predict', 'task', 'read'];

function start(saved?: LessonProgress, kinds: StepKind[] = KINDS) {
  const actor = createActor(lessonMachine, { input: { lessonId: 'demo', kinds, saved } });
  actor.start();
  return actor;
}

describe('lesson machine', () => {
  it('a read step lets the student go on at once', () => {
    const a = start();
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().context.step).toBe(1);
  });

  it('a prediction must be picked before Next, and a pick is final', () => {
    const a = start({ step: 1, picks: {}, done: [], completed: false });
    expect(a.getSnapshot().can({ type: 'NEXT' })).toBe(false);
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().context.step).toBe(1);
    a.send({ type: 'PICK', step: 1, choice: 'wrong' });
    a.send({ type: 'PICK', step: 1, choice: 'right' });
    expect(a.getSnapshot().context.picks).toEqual({ 1: 'wrong' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().context.step).toBe(2);
  });

  it('a pick for another step than the current one is ignored', () => {
    const a = start();
    a.send({ type: 'PICK', step: 1, choice: 'x' });
    expect(a.getSnapshot().context.picks).toEqual({});
  });

  it('a task blocks Next until its check passes, and stays passed', () => {
    const a = start({ step: 2, picks: { 1: 'a' }, done: [], completed: false });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().context.step).toBe(2);
    a.send({ type: 'CHECK_PASSED', step: 2 });
    a.send({ type: 'CHECK_PASSED', step: 2 });
    expect(a.getSnapshot().context.done).toEqual([2]);
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().context.step).toBe(3);
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().can({ type: 'NEXT' })).toBe(true);
  });

  it('a check for a step the student has not reached yet is not recorded', () => {
    const a = start();
    a.send({ type: 'CHECK_PASSED', step: 2 });
    expect(a.getSnapshot().context.done).toEqual([]);
  });

  it('a check for a read or predict step is not recorded', () => {
    const a = start({ step: 3, picks: { 1: 'a' }, done: [2], completed: false });
    a.send({ type: 'CHECK_PASSED', step: 1 });
    expect(a.getSnapshot().context.done).toEqual([2]);
  });

  it('Next on the last step completes the lesson', () => {
    const a = start({ step: 3, picks: { 1: 'a' }, done: [2], completed: false });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('complete');
    expect(a.getSnapshot().context.completed).toBe(true);
  });

  it('Back never goes before the first step', () => {
    const a = start();
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().context.step).toBe(0);
  });

  it('resumes a completed lesson as complete, and Restart clears it', () => {
    const a = start({ step: 3, picks: { 1: 'a' }, done: [2], completed: true });
    expect(a.getSnapshot().value).toBe('complete');
    a.send({ type: 'RESTART' });
    expect(a.getSnapshot().value).toBe('learning');
    expect(a.getSnapshot().context).toMatchObject({ step: 0, picks: {}, done: [], completed: false });
  });

  it('a saved step beyond the lesson (it got shorter) is clamped to the last step', () => {
    const a = start({ step: 12, picks: {}, done: [], completed: false });
    expect(a.getSnapshot().context.step).toBe(3);
  });
});
