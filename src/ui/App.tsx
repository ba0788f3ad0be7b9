import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../store/clusterStore';
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
import { Captions } from './presenter/Captions';
import { PresenterBar, usePresenterKeys } from './presenter/PresenterBar';
import { usePresenterStore } from './presenter/presenterStore';
import { loadExplanations } from './explain/loadExplanations';

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
  usePresenterKeys();
  useLanguageSync();
  const presenter = usePresenterStore((s) => s.on);
  const starting = useClusterStore((s) => s.status === 'starting');
  // The explanations' texts are not needed for the first paint: fetch them once the cluster is live.
  useEffect(() => {
    if (!starting) void loadExplanations();
  }, [starting]);
  const hasSelection = useUiStore((s) => s.selection !== undefined);
  const eventsOpen = useUiStore((s) => s.eventsOpen);
  return (
    <div className={`app${hasSelection ? ' with-inspector' : ''}${eventsOpen ? ' with-events' : ''}${presenter ? ' presenter' : ''}`}>
      <Header />
      <WorkerBanner />
      <main className="workspace">
        <Workbench />
        <div className="stage">
          <PresenterBar />
          <ClusterCanvas />
          {starting ? <div className="starting-note">{t('app.starting')}</div> : null}
          {presenter ? <Captions /> : <EventsPanel />}
        </div>
        {/* One dock for the side panels: stacked on small screens, side by side on wide ones; never over the canvas. */}
        <div className="side-dock">
          <FailurePanel />
          <Inspector />
        </div>
      </main>
      <HelpOverlay />
      <FaultLayer />
    </div>
  );
}
