/**
 * One concept scenario at `#/scenarios/<id>`: opens it in the worker on arrival (the cluster then waits),
 * closes it on leaving. The diagram and the numbers on the left; controls, what to try, the idea and the
 * log on the right.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { useConceptStore } from '../../store/conceptStore';
import { ConceptCanvas } from './ConceptCanvas';
import { MetricsBoard } from './MetricsBoard';
import { ScenarioControls } from './ScenarioControls';
import { ScenarioExplainer } from './ScenarioExplainer';
import { ScenarioLog, formatScenarioTime } from './ScenarioLog';
import { closeScenario, openScenario } from './scenarioRequests';
import { useConceptText } from './useConceptText';

export function ScenarioPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const text = useConceptText(id);
  const view = useConceptStore((s) => (s.view?.id === id ? s.view : undefined));
  const controls = useConceptStore((s) => (s.controls?.id === id ? s.controls : undefined));
  const ready = useClusterStore((s) => s.status === 'running');
  // A restarted worker has forgotten the scenario: open it again.
  const restarts = useClusterStore((s) => s.restarts);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    if (!ready) return;
    let live = true;
    setFailure(undefined);
    openScenario(id).catch((err: unknown) => {
      if (live) setFailure(err instanceof Error ? err.message : String(err));
    });
    return () => {
      live = false;
      void closeScenario().catch(() => undefined);
    };
  }, [id, ready, restarts]);

  return (
    <main className="scenario-page" aria-labelledby="scenario-title">
      <div className="scenario-top">
        <a className="btn btn-quiet scenario-back" href="#/">
          ← {t('concepts.back')}
        </a>
        <h2 id="scenario-title">{text.title()}</h2>
        {view ? (
          <div className="scenario-clock" role="timer" aria-label={t('concepts.time')}>
            <span className="clock-label">{t('concepts.time')}</span>
            <span className="clock-value" data-testid="scenario-clock">
              {formatScenarioTime(view.nowMs)}
            </span>
          </div>
        ) : null}
      </div>
      {failure ? (
        <p className="scenario-failure" role="alert">
          {t('concepts.openFailed', { message: failure })}
        </p>
      ) : null}
      <div className="scenario-body">
        <div className="scenario-stage">
          {view ? (
            <>
              <ConceptCanvas view={view} />
              <MetricsBoard view={view} />
            </>
          ) : (
            <p className="scenario-opening">{t('concepts.opening')}</p>
          )}
        </div>
        <aside className="scenario-side">
          {controls && view ? <ScenarioControls scenario={id} knobs={controls.knobs} actions={controls.actions} values={view.knobs} /> : null}
          <ScenarioExplainer scenario={id} />
          {view ? <ScenarioLog view={view} /> : null}
        </aside>
      </div>
    </main>
  );
}
