import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAULT_CODES, FAULT_TEXT_EN } from '../../engine/faults/resultText';
import { faultResultTour } from '../../engine/testing/faultCluster';
import { en } from '../../i18n/en';
import { ko } from '../../i18n/ko';
import { outcomeText, translateFaultText } from './resultText';

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('fault result translations', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false } });
  });

  it.each([...Object.keys(FAULT_TEXT_EN)])('%s has an English and a Korean text with the same placeholders', (key) => {
    const enText = (en.faults.results as Record<string, string>)[key];
    const koText = (ko.faults.results as Record<string, string>)[key];
    expect(enText).toBe(FAULT_TEXT_EN[key as keyof typeof FAULT_TEXT_EN]);
    expect(koText, `faults.results.${key} missing in ko`).toBeTruthy();
    expect(koText).not.toBe(enText);
    expect(placeholders(koText!), key).toEqual(placeholders(enText!).filter((p) => p !== 'nodeList').concat(enText!.includes('{{nodeList}}') ? ['nodes'] : []).sort());
  });

  it('every code resolves in both languages (i18next finds the key, with its plural forms)', () => {
    for (const lng of ['en', 'ko']) {
      const t = i18n.getFixedT(lng);
      for (const code of FAULT_CODES) expect(i18n.exists(`faults.results.${code}`, { lng, count: 2 }), `${lng}: ${code}`).toBe(true);
      expect(t('faults.results.deployment-healed', { deployment: 'web', count: 1 })).not.toMatch(/faults\.results/);
    }
  });

  it('the page says in English exactly what the engine printed, and in Korean something Korean', () => {
    const en = i18n.getFixedT('en');
    const ko = i18n.getFixedT('ko');
    for (const { request, result } of faultResultTour()) {
      const engineText = result.ok ? result.message : result.error;
      expect(outcomeText(en, result), request).toBe(engineText);
      const korean = outcomeText(ko, result);
      expect(korean, request).not.toMatch(/\{\{|faults\.results/);
      expect(korean, request).toMatch(/[가-힣]/);
    }
  });

  it('kill-container in Korean, and a wrapped NotFound translated inside its wrapper', () => {
    const ko = i18n.getFixedT('ko');
    expect(translateFaultText(ko, { code: 'container-killed', params: { container: 'count-log-1', pod: 'counter', exitCode: 137 } })).toBe('"counter" Pod의 "count-log-1" 컨테이너를 종료했습니다 (종료 코드 137)');
    expect(translateFaultText(ko, { code: 'heal-bad-target', params: {}, cause: { code: 'pod-not-found', params: { pod: 'ghost', namespace: 'default' } } })).toBe(
      '네임스페이스 "default"에 "ghost" Pod가 없습니다 (복구 대상은 Pod, Node, deployment/이름 중 하나입니다)',
    );
  });

  it('an outcome without a code (made on the page) shows its own text', () => {
    expect(outcomeText(i18n.getFixedT('ko'), { ok: false, error: 'worker gone' })).toBe('worker gone');
  });
});
