/**
 * One lesson beside the live canvas: the current step, Back/Next, and the lesson machine that decides
 * when Next is allowed. The current task's check is evaluated against the page's mirror on every change;
 * the machine keeps it once it passed. Progress is saved on every transition.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../routing/route';
import { LESSONS } from './catalog';
import { evaluateCheck } from './checks';
import { runLessonAction } from './lessonActions';
import { lessonMachine } from './lessonMachine';
import { textOf, stepTextOf, useLessonTexts } from './lessonText';
import type { Lesson } from './lessonTypes';
import { readProgress, writeProgress } from './progress';
import { PredictStep, ReadStep, TaskStep } from './StepBody';
import { useLessonWorld } from './useLessonWorld';

export function LessonView({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const texts = useLessonTexts();
  const text = textOf(texts, lesson.id);
  const input = useMemo(() => ({ lessonId: lesson.id, kinds: lesson.steps.map((s) => s.kind), saved: readProgress([lesson.id])[lesson.id] }), [lesson]);
  const actor = useActorRef(lessonMachine, { input });
  const ctx = useSelector(actor, (s) => s.context);
  const complete = useSelector(actor, (s) => s.matches('complete'));
  const canNext = useSelector(actor, (s) => s.can({ type: 'NEXT' }));

  useEffect(() => {
    const sub = actor.subscribe((s) => writeProgress(lesson.id, s.context));
    return () => sub.unsubscribe();
  }, [actor, lesson.id]);

  const world = useLessonWorld();
  const step = lesson.steps[ctx.step];
  const done = ctx.done.includes(ctx.step);
  const passed = !complete && step?.kind === 'task' && !done && evaluateCheck(step.check, world);
  useEffect(() => {
    if (passed) actor.send({ type: 'CHECK_PASSED', step: ctx.step });
  }, [passed, ctx.step, actor]);

  // A task that needs a faster clock (a 5-minute eviction) sets it when the student reaches it.
  useEffect(() => {
    if (complete || step?.kind !== 'task' || done) return;
    for (const a of step.actions) if (a.action === 'speed') runLessonAction(a);
    // Only on arriving at the step, not on every check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx.step, complete]);

  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [ctx.step, complete]);

  const index = LESSONS.findIndex((l) => l.id === lesson.id);
  const nextLesson = LESSONS[index + 1];
  const count = lesson.steps.length;
  const isLast = ctx.step >= count - 1;

  return (
    <section className="lesson" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <a className="lesson-back-link" href={formatRoute({ page: 'lessons' })}>
          ← {t('lessons.allLessons')}
        </a>
        <h2 id="lesson-title">
          <span className="lesson-number">{index + 1}.</span> {text.title}
        </h2>
        <ol className="lesson-dots" aria-label={t('lessons.stepOf', { step: ctx.step + 1, count })}>
          {lesson.steps.map((s, i) => (
            <li
              key={i}
              className={`${i === ctx.step && !complete ? 'is-current' : ''}${i < ctx.step || complete ? ' is-past' : ''} kind-${s.kind}`}
              aria-hidden="true"
            />
          ))}
        </ol>
      </header>
      {complete ? (
        <div className="lesson-step">
          <h3 ref={heading} tabIndex={-1} className="lesson-complete">
            ✓ {t('lessons.completed')}
          </h3>
          <p className="lesson-text">{t('lessons.completedNote')}</p>
          <div className="lesson-actions">
            {nextLesson ? (
              <a className="btn btn-primary" href={formatRoute({ page: 'lesson', id: nextLesson.id })}>
                {t('lessons.nextLesson', { title: textOf(texts, nextLesson.id).title })}
              </a>
            ) : null}
            <button type="button" className="btn" onClick={() => actor.send({ type: 'RESTART' })}>
              {t('lessons.restart')}
            </button>
          </div>
        </div>
      ) : step ? (
        <div className="lesson-step" key={ctx.step}>
          <h3 ref={heading} tabIndex={-1} className="lesson-step-count">
            {t('lessons.stepOf', { step: ctx.step + 1, count })}
          </h3>
          {step.kind === 'read' ? <ReadStep text={stepTextOf(text, step.key)} /> : null}
          {step.kind === 'task' ? <TaskStep step={step} text={stepTextOf(text, step.key)} done={done} /> : null}
          {step.kind === 'predict' ? (
            <PredictStep step={step} text={stepTextOf(text, step.key)} picked={ctx.picks[ctx.step]} onPick={(choice) => actor.send({ type: 'PICK', step: ctx.step, choice })} />
          ) : null}
        </div>
      ) : null}
      {!complete ? (
        <footer className="lesson-footer">
          <button type="button" className="btn" disabled={ctx.step === 0} onClick={() => actor.send({ type: 'BACK' })}>
            {t('lessons.back')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!canNext} onClick={() => actor.send({ type: 'NEXT' })}>
            {isLast ? t('lessons.finish') : t('lessons.next')}
          </button>
        </footer>
      ) : null}
    </section>
  );
}
