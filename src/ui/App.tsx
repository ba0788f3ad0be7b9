import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../store/clusterStore';
import { useFaultStore } from '../store/faultStore';
import { useUiStore } from '../store/uiStore';
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { EventsPanel } from './events/EventsPanel';
import { FaultLayer } from './faults/FaultLayer';
import { LazyFailurePanel, LazyHelpOverlay, LazyInspector, preloadPanels } from './firstScreen/lazyPanels';
import { Header } from './shell/Header';
import { WorkerBanner } from './shell/WorkerBanner';
import { Workbench } from './shell/Workbench';
import { useKeyboardShortcuts } from './shell/useKeyboardShortcuts';

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
  // The first screen paints from the build's snapshot before the worker runs: no note over a drawn cluster.
  const starting = useClusterStore((s) => s.status === 'starting' && Object.keys(s.objects).length === 0);
  const hasSelection = useUiStore((s) => s.selection !== undefined);
  const eventsOpen = useUiStore((s) => s.eventsOpen);
  const failuresOpen = useFaultStore((s) => s.panelOpen);
  const helpOpen = useUiStore((s) => s.helpOpen);
  useEffect(() => {
    const timer = setTimeout(preloadPanels, 1500);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className={`app${hasSelection ? ' with-inspector' : ''}${eventsOpen ? ' with-events' : ''}`}>
      <Header />
      <WorkerBanner />
      <main className="workspace">
        <Workbench />
        <div className="stage">
          <ClusterCanvas />
          {starting ? <div className="starting-note">{t('app.starting')}</div> : null}
          <EventsPanel />
        </div>
        <Suspense fallback={null}>{failuresOpen ? <LazyFailurePanel /> : null}</Suspense>
        <Suspense fallback={null}>{hasSelection ? <LazyInspector /> : null}</Suspense>
      </main>
      <Suspense fallback={null}>{helpOpen ? <LazyHelpOverlay /> : null}</Suspense>
      <FaultLayer />
    </div>
  );
}
