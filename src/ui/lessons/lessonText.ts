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

/**
 * The right answer's explanation shown to a student who picked another: without its own verdict
 * ("Right: …", "맞습니다. …"), which is addressed to a student who picked it.
 */
export function withoutVerdict(text: string): string {
  const rest = text.replace(/^(Right|Yes)[.:!]\s*|^맞습니다[.:!]?\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
