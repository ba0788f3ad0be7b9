import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../store/clusterStore';
import { useRouteStore } from '../store/routeStore';
import { useUiStore } from '../store/uiStore';
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { EventsPanel } from './events/EventsPanel';
import { FailurePanel } from './faults/FailurePanel';
import { FaultLayer } from './faults/FaultLayer';
import { Inspector } from './inspector/Inspector';
import { Header } from './shell/Header';
import { HelpOverlay } from './shell/HelpOverlay';
import { WorkerBanner } from './shell/WorkerBanner';
import { Workbench } from './shell/Workbench';
import { useKeyboardShortcuts } from './shell/useKeyboardShortcuts';

// Not on the first screen: the scenario pages load when a scenario address is opened.
const ScenarioPages = lazy(() => import('./scenarios/ScenarioPages'));

const LANGUAGE_KEY = 'kube-playground.language';

function useLanguageSync(): void {
  const { i18n } = useTranslation();
  const language = useUiStore((s) => s.language);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // Storage can be unavailable (private mode, file://): the choice just does not persist.
    }
  }, [i18n, language]);
}

export function storedLanguage(): string | undefined {
  try {
    return localStorage.getItem(LANGUAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function App() {
  const { t } = useTranslation();
  useKeyboardShortcuts();
  useLanguageSync();
  const starting = useClusterStore((s) => s.status === 'starting');
  const hasSelection = useUiStore((s) => s.selection !== undefined);
  const eventsOpen = useUiStore((s) => s.eventsOpen);
  const onScenarios = useRouteStore((s) => s.route.page === 'scenario' || s.route.page === 'scenarios');
  return (
    <div className={`app${hasSelection ? ' with-inspector' : ''}${eventsOpen ? ' with-events' : ''}`}>
      <Header />
      <WorkerBanner />
      {onScenarios ? (
        <Suspense fallback={<div className="starting-note">{t('concepts.opening')}</div>}>
          <ScenarioPages />
        </Suspense>
      ) : (
        <main className="workspace">
          <Workbench />
          <div className="stage">
            <ClusterCanvas />
            {starting ? <div className="starting-note">{t('app.starting')}</div> : null}
            <EventsPanel />
          </div>
          <FailurePanel />
          <Inspector />
        </main>
      )}
      <HelpOverlay />
      <FaultLayer />
    </div>
  );
}
