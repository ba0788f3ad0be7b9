import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedState } from '../../client/shareLink';
import { addShareDialogTexts } from './dialogMessages';

// The dialog's and the opener's words arrive with this chunk.
addShareDialogTexts();

/**
 * "the lesson “Self-healing”", "the scenario “Eras”", or "the cluster page": where a shared state opens.
 * Lesson titles load with the lessons' texts (lazily, the chunk the lesson dock uses).
 */
export function usePlaceText(shared: Pick<SharedState, 'lesson' | 'scenario'> | undefined): string {
  const { t, i18n } = useTranslation();
  const lesson = shared?.lesson;
  const [lessonTitle, setLessonTitle] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (lesson === undefined) return;
    let cancelled = false;
    void import('../lessons/lessonText').then(({ lessonTexts, textOf }) => {
      const title = textOf(lessonTexts(i18n.language), lesson).title;
      if (!cancelled) setLessonTitle(title === '?' ? lesson : title);
    });
    return () => {
      cancelled = true;
    };
  }, [lesson, i18n.language]);
  if (!shared) return '';
  const lessonName = lessonTitle ?? lesson ?? '';
  const scenarioName = shared.scenario ? t(`concepts.scenarios.${shared.scenario}.title`) : '';
  if (lesson && shared.scenario) return t('share.placeLessonAndScenario', { lesson: lessonName, scenario: scenarioName });
  if (lesson) return t('share.placeLesson', { name: lessonName });
  if (shared.scenario) return t('share.placeScenario', { name: scenarioName });
  return t('share.placeCluster');
}

/** "your 3 editor files" (the sharer's), "3 editor files" (a link's), "no editor files". */
export function filesText(t: (key: string, options?: Record<string, unknown>) => string, count: number, whose: 'mine' | 'link'): string {
  if (count === 0) return t('share.noFiles');
  return whose === 'mine' ? t('share.filesMine', { count }) : t('share.files', { count });
}
