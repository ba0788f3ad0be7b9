/** The scenario's idea in a few sentences, and a "what to try" list: both from its messages. */
import { useTranslation } from 'react-i18next';
import { useConceptText } from './useConceptText';

export function ScenarioExplainer({ scenario }: { scenario: string }) {
  const { t } = useTranslation();
  const text = useConceptText(scenario);
  return (
    <>
      <section className="scenario-try" aria-label={t('concepts.whatToTry')}>
        <h3>{t('concepts.whatToTry')}</h3>
        <ol>
          {text.list('tryList').map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      </section>
      <section className="scenario-idea" aria-label={t('concepts.idea')}>
        <h3>{t('concepts.idea')}</h3>
        {text.list('explanation').map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
    </>
  );
}
