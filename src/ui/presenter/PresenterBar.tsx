import { useEffect, useState } from 'react';
import { loadNarration } from './loadNarration';
import { useTranslation } from 'react-i18next';
import { DEMO_IDS, DEMOS } from './demos';
import { usePresenterStore } from './presenterStore';
import { endDemo, nextStep, startDemo } from './runDemo';
import { startJourney } from '../journey/journeyActions';
import { useJourneyStore } from '../journey/journeyStore';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable || target.closest('.monaco-editor') !== null;
}

/** P toggles presenter mode; in a demo, N, → and Page Down (what a presentation clicker sends) go on. */
export function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        usePresenterStore.getState().toggle();
        return;
      }
      const { on, run } = usePresenterStore.getState();
      // A journey on show (and no demo running): the clicker steps through its hops.
      if (on && !run && useJourneyStore.getState().status === 'open' && (e.key === 'n' || e.key === 'N' || e.key === 'ArrowRight' || e.key === 'PageDown')) {
        e.preventDefault();
        useJourneyStore.getState().next();
        return;
      }
      if (!on || !run) return;
      if (e.key === 'n' || e.key === 'N' || e.key === 'ArrowRight' || e.key === 'PageDown') {
        e.preventDefault();
        nextStep();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The header's switch for presenter mode. */
export function PresenterToggle() {
  const { t } = useTranslation();
  const on = usePresenterStore((s) => s.on);
  return (
    <button type="button" className="btn btn-quiet" aria-pressed={on} title={t('presenter.toggleHint')} aria-keyshortcuts="P" onClick={() => usePresenterStore.getState().toggle()}>
      {t('presenter.toggle')}
    </button>
  );
}

/** Above the canvas in presenter mode: the demos, one click each; in a demo, what to say and the next step. */
export function PresenterBar() {
  const { t } = useTranslation();
  const on = usePresenterStore((s) => s.on);
  const run = usePresenterStore((s) => s.run);
  const journeyOpen = useJourneyStore((s) => s.status !== 'closed');
  const [narrationReady, setNarrationReady] = useState(false);
  useEffect(() => {
    if (on) void loadNarration().then(() => setNarrationReady(true));
  }, [on]);
  if (!on) return null;
  // The journey's player takes the bar's place above the canvas while it is on show.
  if (!run && journeyOpen) return null;
  if (!run) {
    return (
      <nav className="presenter-bar" aria-label={t('presenter.demosLabel')}>
        <span className="presenter-bar-label">{t('presenter.demos')}</span>
        {DEMO_IDS.map((id) => (
          <button key={id} type="button" className="btn presenter-demo" onClick={() => void startDemo(id)}>
            {t(`presenter.names.${id}`)}
          </button>
        ))}
        <button type="button" className="btn presenter-demo" title={t('journey.followHint')} onClick={startJourney}>
          {t('journey.follow')}
        </button>
      </nav>
    );
  }
  const demo = DEMOS[run.demo];
  const step = demo.steps[run.step]!;
  const last = run.step + 1 >= demo.steps.length;
  return (
    <section className="presenter-bar is-running" aria-label={t(`presenter.names.${run.demo}`)} data-testid="presenter-demo" data-step={run.step}>
      <div className="presenter-step">
        <div className="presenter-step-head">
          <strong>{t(`presenter.names.${run.demo}`)}</strong>
          <span>{t('presenter.stepOf', { step: run.step + 1, total: demo.steps.length })}</span>
          {run.busy ? <span className="muted">{t('presenter.running')}</span> : null}
        </div>
        <p className="presenter-narration" aria-live="polite">
          {run.missing ? t('presenter.missing', { what: run.missing }) : narrationReady ? t(`presenter.steps.${run.demo}.${step.key}`) : '…'}
        </p>
        {run.outcomes.length > 0 ? (
          <ul className="presenter-outcomes">
            {run.outcomes
              .filter((o) => !o.line.startsWith('speed'))
              .map((o, i) => (
                <li key={i} className={o.ok ? undefined : 'is-error'}>
                  <code>$ {o.line}</code> {o.output ? <span>{o.output.split('\n')[0]}</span> : null}
                </li>
              ))}
          </ul>
        ) : null}
      </div>
      <div className="presenter-actions">
        <button type="button" className="btn btn-primary presenter-next" onClick={nextStep} disabled={run.busy} aria-keyshortcuts="N ArrowRight PageDown" title={t('presenter.nextHint')}>
          {last ? t('presenter.finish') : `${t('presenter.next')} ▶`}
        </button>
        <button type="button" className="btn btn-quiet" onClick={endDemo}>
          {t('presenter.end')}
        </button>
      </div>
    </section>
  );
}
