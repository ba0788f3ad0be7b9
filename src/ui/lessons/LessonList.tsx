/** The lessons in course order, each with how far the student got (read from saved progress). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../routing/route';
import { LESSONS } from './catalog';
import { textOf, useLessonTexts } from './lessonText';
import { readProgress } from './progress';

export function LessonList() {
  const { t } = useTranslation();
  const texts = useLessonTexts();
  const progress = useMemo(() => readProgress(LESSONS.map((l) => l.id)), []);
  const doneCount = LESSONS.filter((l) => progress[l.id]?.completed).length;
  return (
    <section className="lesson lesson-list" aria-labelledby="lesson-list-title">
      <header className="lesson-header">
        <h2 id="lesson-list-title">{t('lessons.listTitle')}</h2>
        <p className="lesson-hint">{t('lessons.listIntro')}</p>
        <p className="lesson-progress-total">{t('lessons.progress', { done: doneCount, count: LESSONS.length })}</p>
      </header>
      <ol className="lesson-index">
        {LESSONS.map((lesson, i) => {
          const p = progress[lesson.id];
          const text = textOf(texts, lesson.id);
          const status = p?.completed
            ? t('lessons.statusDone')
            : p && (p.step > 0 || p.done.length > 0)
              ? t('lessons.statusStep', { step: p.step + 1, count: lesson.steps.length })
              : t('lessons.statusNew');
          return (
            <li key={lesson.id} className={p?.completed ? 'is-done' : ''}>
              <a href={formatRoute({ page: 'lesson', id: lesson.id })}>
                <span className="lesson-index-title">
                  <span className="lesson-number">{i + 1}.</span> {text.title}
                </span>
                <span className="lesson-index-status">
                  {p?.completed ? '✓ ' : ''}
                  {status}
                </span>
                <span className="lesson-index-summary">{text.summary}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
