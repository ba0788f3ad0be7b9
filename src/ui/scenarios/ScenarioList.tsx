/** `#/scenarios`: every concept scenario with a line on what it shows. */
import { useTranslation } from 'react-i18next';
import { CONCEPT_META, SCENARIO_MENU } from '../../engine/concepts/catalog';
import { formatRoute } from '../routing/route';

export function ScenarioList({ missing }: { missing?: string }) {
  const { t } = useTranslation();
  return (
    <main className="scenario-list-page" aria-labelledby="scenario-list-title">
      <div className="scenario-top">
        <a className="btn btn-quiet scenario-back" href="#/">
          ← {t('concepts.back')}
        </a>
        <h2 id="scenario-list-title">{t('concepts.listTitle')}</h2>
      </div>
      {missing ? (
        <p className="scenario-failure" role="alert">
          {t('concepts.notFound', { id: missing })}
        </p>
      ) : null}
      <p className="scenario-intro">{t('concepts.listIntro')}</p>
      <ul className="scenario-cards">
        {SCENARIO_MENU.map((id) => (
          <li key={id} className="scenario-card">
            <a href={formatRoute({ page: 'scenario', id })}>
              <span className="scenario-card-icon" aria-hidden="true">
                {CONCEPT_META[id].icon}
              </span>
              <span className="scenario-card-title">{t(`concepts.scenarios.${id}.title`)}</span>
              <span className="scenario-card-summary">{t(`concepts.scenarios.${id}.summary`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
