/**
 * The lessons' words for the current language (lazy: this module loads with the lesson dock, never with
 * the first screen).
 */
import { useTranslation } from 'react-i18next';
import { lessonTextEn } from './content.en';
import { lessonTextKo } from './content.ko';
import type { LessonText, LessonTexts, StepText } from './lessonTypes';

export function lessonTexts(language: string): LessonTexts {
  return language.startsWith('ko') ? lessonTextKo : lessonTextEn;
}

export function useLessonTexts(): LessonTexts {
  const { i18n } = useTranslation();
  return lessonTexts(i18n.language);
}

const MISSING: LessonText = { title: '?', summary: '', steps: {} };

export function textOf(texts: LessonTexts, id: string): LessonText {
  return texts[id] ?? MISSING;
}

export function stepTextOf(lesson: LessonText, key: string): StepText {
  return lesson.steps[key] ?? { text: key };
}
