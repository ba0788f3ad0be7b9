import { describe, expect, it } from 'vitest';
import { isConceptId } from '../../engine/concepts/types';
import { LESSONS } from './catalog';
import { lessonTextEn } from './content.en';
import { lessonTextKo } from './content.ko';
import { FIRST_LESSON_ID } from './firstLesson';
import { withoutVerdict } from './lessonText';

describe('lesson catalogue', () => {
  it('has at least 14 lessons with unique ids, the first being the welcome’s', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(LESSONS[0]!.id).toBe(FIRST_LESSON_ID);
  });

  it('every lesson has a task with a check and a prediction', () => {
    for (const l of LESSONS) {
      expect(l.steps.some((s) => s.kind === 'task'), l.id).toBe(true);
      expect(l.steps.some((s) => s.kind === 'predict'), l.id).toBe(true);
    }
  });

  it('every prediction’s answer is one of its choices', () => {
    for (const l of LESSONS) for (const s of l.steps) if (s.kind === 'predict') expect(s.choices, `${l.id}/${s.key}`).toContain(s.answer);
  });

  it('scenario buttons name concept scenarios that exist', () => {
    for (const l of LESSONS)
      for (const s of l.steps)
        if (s.kind === 'task') for (const a of s.actions) if (a.action === 'scenario') expect(isConceptId(a.scenario), `${l.id}/${s.key}`).toBe(true);
  });

  it.each([
    { name: 'English “Right:”', text: 'Right: add copies of the busy service.', want: 'Add copies of the busy service.' },
    { name: 'English “Yes.”', text: 'Yes. Adding machines has no ceiling.', want: 'Adding machines has no ceiling.' },
    { name: 'Korean “맞습니다.”', text: '맞습니다. 바쁜 서비스만 늘립니다.', want: '바쁜 서비스만 늘립니다.' },
    { name: 'no verdict to drop', text: 'Nodes cache images.', want: 'Nodes cache images.' },
  ])('the answer’s explanation for a wrong pick drops the verdict: $name', ({ text, want }) => {
    expect(withoutVerdict(text)).toBe(want);
  });

  it('every right answer’s explanation still says something once its verdict is dropped', () => {
    for (const texts of [lessonTextEn, lessonTextKo])
      for (const l of LESSONS)
        for (const s of l.steps) {
          const st = texts[l.id]!.steps[s.key]!;
          if (s.kind === 'predict' && 'why' in st) expect(withoutVerdict(st.why[s.answer]!).length, `${l.id}/${s.key}`).toBeGreaterThan(15);
        }
  });

  describe.each([
    { language: 'en', texts: lessonTextEn },
    { language: 'ko', texts: lessonTextKo },
  ])('$language text', ({ texts }) => {
    it('has a title, a summary and every step’s words, in the right shape', () => {
      for (const l of LESSONS) {
        const text = texts[l.id];
        expect(text?.title, l.id).toBeTruthy();
        expect(text?.summary, l.id).toBeTruthy();
        for (const s of l.steps) {
          const st = text!.steps[s.key];
          expect(st, `${l.id}/${s.key}`).toBeDefined();
          if (s.kind === 'read') expect('text' in st! && st.text.length > 0).toBe(true);
          if (s.kind === 'task') expect('check' in st! && st.check.length > 0 && st.text.length > 0, `${l.id}/${s.key}`).toBe(true);
          if (s.kind === 'predict') {
            expect('question' in st!, `${l.id}/${s.key}`).toBe(true);
            if (!('question' in st!)) continue;
            expect(Object.keys(st.choices).sort()).toEqual([...s.choices].sort());
            expect(Object.keys(st.why).sort()).toEqual([...s.choices].sort());
          }
        }
      }
    });

    it('has no lesson the catalogue does not know, and balanced backticks', () => {
      expect(Object.keys(texts).sort()).toEqual(LESSONS.map((l) => l.id).sort());
      const all = JSON.stringify(texts);
      for (const m of all.matchAll(/"(?:[^"\\]|\\.)*"/g)) expect((m[0].match(/`/g) ?? []).length % 2, m[0]).toBe(0);
    });
  });
});
