import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../store/clusterStore';
import { useRouteStore } from '../store/routeStore';
import { followRoute, useLessonStore } from '../store/lessonStore';
import { useFaultStore } from '../store/faultStore';
import { useUiStore } from '../store/uiStore';
import { ClusterStage } from './canvas/ClusterStage';
import { PresetNotice } from './bigCluster/PresetNotice';
import { useBuildingBigCluster } from './bigCluster/presetRoute';
import { EventsPanel } from './events/EventsPanel';
import { FaultLayer } from './faults/FaultLayer';
import { LazyFailurePanel, LazyHelpOverlay, LazyInspector, preloadPanels } from './firstScreen/lazyPanels';
import { Header } from './shell/Header';
import { WorkerBanner } from './shell/WorkerBanner';
import { SavedClusterNotice } from './shell/SavedClusterNotice';
import { StorageNotices } from './storage/StorageNotices';
import { ShareArrival } from './share/ShareArrival';
import { WelcomeDialog } from './shell/WelcomeDialog';
import { Workbench } from './shell/Workbench';
import { useKeyboardShortcuts } from './shell/useKeyboardShortcuts';
import { Captions } from './presenter/Captions';
import { PresenterBar, usePresenterKeys } from './presenter/PresenterBar';
import { usePresenterStore } from './presenter/presenterStore';
import { loadExplanations } from './explain/loadExplanations';
import { useJourneyStore } from './journey/journeyStore';
import { loadScenarioTexts } from './scenarios/loadScenarioTexts';

// Not on the first screen: the scenario pages (and their texts) load when a scenario address is opened.
const ScenarioPages = lazy(() => Promise.all([import('./scenarios/ScenarioPages'), loadScenarioTexts()]).then(([pages]) => pages));
const LessonDock = lazy(() => import('./lessons/LessonDock'));
const JourneyPlayer = lazy(() => import('./journey/JourneyPlayer'));
// Not needed for the first paint: the timeline loads once the simulation is live.
const TimelineBar = lazy(() => import('./timeline/TimelineBar'));

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
  // The first screen paints from the build's snapshot before the worker runs: no note over a drawn cluster.
  const starting = useClusterStore((s) => s.status === 'starting' && Object.keys(s.objects).length === 0);
  const buildingBig = useBuildingBigCluster();
  // The explanations' texts are not needed for the first paint: fetch them once the cluster is live.
  const live = useClusterStore((s) => s.status === 'running');
  useEffect(() => {
    if (live) void loadExplanations();
  }, [live]);
  const hasSelection = useUiStore((s) => s.selection !== undefined);
  const eventsOpen = useUiStore((s) => s.eventsOpen);
  const onScenarios = useRouteStore((s) => s.route.page === 'scenario' || s.route.page === 'scenarios');
  const lessonOpen = useLessonStore((s) => s.dock.view !== 'closed');
  useEffect(followRoute, []);
  const failuresOpen = useFaultStore((s) => s.panelOpen);
  const helpOpen = useUiStore((s) => s.helpOpen);
  const journeyOpen = useJourneyStore((s) => s.status !== 'closed');
  // The panels the first screen does not show are fetched once the simulation is live, not before:
  // on a slow machine the worker's own script comes first.
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(preloadPanels, 1500);
    return () => clearTimeout(timer);
  }, [live]);
  return (
    <div className={`app${hasSelection ? ' with-inspector' : ''}${eventsOpen ? ' with-events' : ''}${lessonOpen ? ' with-lesson' : ''}${presenter ? ' presenter' : ''}${journeyOpen ? ' with-journey' : ''}`}>
      <Header />
      <WorkerBanner />
      <PresetNotice />
      <SavedClusterNotice />
      <StorageNotices />
      <ShareArrival />
      {/* The lesson dock sits outside the workspace: it stays beside a concept scenario's page too. */}
      <div className="app-body">
        {lessonOpen ? (
          <Suspense fallback={<aside className="lesson-dock" />}>
            <LessonDock />
          </Suspense>
        ) : null}
        {onScenarios ? (
          <Suspense fallback={<div className="starting-note">{t('concepts.opening')}</div>}>
            <ScenarioPages />
          </Suspense>
        ) : (
          <main className="workspace">
            <Workbench />
            <div className="stage">
              <PresenterBar />
              {journeyOpen ? (
                <Suspense fallback={null}>
                  <JourneyPlayer />
                </Suspense>
              ) : null}
              <ClusterStage />
              {starting || buildingBig ? <div className="starting-note">{t(buildingBig ? 'bigCluster.building' : 'app.starting')}</div> : null}
              {live ? (
                <Suspense fallback={null}>
                  <TimelineBar />
                </Suspense>
              ) : null}
              {/* A journey on show is its own caption: the event stream gives the canvas its room meanwhile. */}
              {journeyOpen ? null : presenter ? <Captions /> : <EventsPanel />}
            </div>
            {/* One dock for the side panels: stacked on small screens, side by side on wide ones; never over the canvas. */}
            {failuresOpen || hasSelection ? (
              <div className="side-dock">
                {/* Placeholders hold each panel's place while its code loads: the dock has its final shape at once,
                    so the canvas re-fits to its real width and a panel never shifts under the one that follows. */}
                <Suspense fallback={<div className="failure-panel" aria-hidden="true" />}>{failuresOpen ? <LazyFailurePanel /> : null}</Suspense>
                <Suspense fallback={<div className="inspector" aria-hidden="true" />}>{hasSelection ? <LazyInspector /> : null}</Suspense>
              </div>
            ) : null}
          </main>
        )}
      </div>
      <Suspense fallback={null}>{helpOpen ? <LazyHelpOverlay /> : null}</Suspense>
      <WelcomeDialog />
      <FaultLayer />
    </div>
  );
}
