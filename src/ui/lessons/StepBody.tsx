/** One step of a lesson: text to read, a task with its buttons and live check, or a prediction. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { runLessonAction } from './lessonActions';
import { withoutVerdict } from './lessonText';
import type { LessonAction, LessonStep, StepText } from './lessonTypes';
import { RichText } from './RichText';

function textField(text: StepText, field: 'text' | 'check'): string {
  return field in text ? ((text as Record<string, unknown>)[field] as string) : '';
}

export function ReadStep({ text }: { text: StepText }) {
  return (
    <p className="lesson-text">
      <RichText text={textField(text, 'text')} />
    </p>
  );
}

function actionLabel(t: (key: string, opts?: Record<string, unknown>) => string, action: LessonAction): string {
  switch (action.action) {
    case 'editor':
      return `${t('lessons.actions.editor')}: ${action.file}`;
    case 'speed':
      return t('lessons.actions.speed', { speed: action.speed });
    default:
      return t(`lessons.actions.${action.action}`);
  }
}

export function TaskStep({ step, text, done }: { step: Extract<LessonStep, { kind: 'task' }>; text: StepText; done: boolean }) {
  const { t } = useTranslation();
  const what = textField(text, 'check');
  const buttons = step.actions.filter((a) => a.action !== 'speed');
  return (
    <>
      <p className="lesson-text">
        <RichText text={textField(text, 'text')} />
      </p>
      {buttons.length > 0 ? (
        <div className="lesson-actions">
          {buttons.map((a, i) => (
            <button key={i} type="button" className="btn" onClick={() => runLessonAction(a)}>
              {actionLabel(t, a)}
            </button>
          ))}
        </div>
      ) : null}
      <p className={`lesson-check ${done ? 'is-done' : 'is-pending'}`} data-check-state={done ? 'done' : 'pending'} data-testid="lesson-check" role="status">
        <span className="lesson-check-icon" aria-hidden="true">
          {done ? '✓' : '…'}
        </span>
        <RichText text={t(done ? 'lessons.checkDone' : 'lessons.checkPending', { what })} />
      </p>
    </>
  );
}

export function PredictStep({
  step,
  text,
  picked,
  onPick,
}: {
  step: Extract<LessonStep, { kind: 'predict' }>;
  text: StepText;
  picked: string | undefined;
  onPick: (choice: string) => void;
}) {
  const { t } = useTranslation();
  const feedback = useRef<HTMLDivElement>(null);
  // The explanation appears below the choices: bring it into view on a short screen.
  useEffect(() => {
    if (picked !== undefined) feedback.current?.scrollIntoView({ block: 'nearest' });
  }, [picked]);
  if (!('question' in text)) return null;
  const right = picked === step.answer;
  return (
    <>
      <fieldset className="lesson-predict">
        <legend>
          <RichText text={text.question} />
        </legend>
        <p className="lesson-hint">{t('lessons.predictHint')}</p>
        <div className="lesson-choices">
          {step.choices.map((c) => (
            <button
              key={c}
              type="button"
              className={`lesson-choice${picked === c ? ' is-picked' : ''}${picked !== undefined && c === step.answer ? ' is-answer' : ''}`}
              aria-pressed={picked === c}
              disabled={picked !== undefined}
              onClick={() => onPick(c)}
            >
              <RichText text={text.choices[c] ?? c} />
            </button>
          ))}
        </div>
      </fieldset>
      {picked !== undefined ? (
        <div ref={feedback} className={`lesson-feedback ${right ? 'is-right' : 'is-wrong'}`} role="status" data-testid="prediction-feedback">
          <p>
            <strong>{right ? `✓ ${t('lessons.right')}` : `✗ ${t('lessons.wrong')}`}</strong> <RichText text={text.why[picked] ?? ''} />
          </p>
          {!right ? (
            <p>
              <strong>
                <RichText text={t('lessons.answerWas', { choice: text.choices[step.answer] ?? step.answer })} />
              </strong>{' '}
              <RichText text={withoutVerdict(text.why[step.answer] ?? '')} />
            </p>
          ) : null}
          <p className="lesson-hint">{t('lessons.watchNow')}</p>
        </div>
      ) : null}
    </>
  );
}
