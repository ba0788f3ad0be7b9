import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../store/routeStore';
import { closeLessonDock, openLessons, useLessonStore } from '../../store/lessonStore';
import { useUiStore } from '../../store/uiStore';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { FailureButton } from '../faults/FailureButton';
import { PresenterToggle } from '../presenter/PresenterBar';
import { ScenarioMenu } from '../scenarios/ScenarioMenu';
import { Share } from '../share/Share';
import { LanguageSwitch } from './LanguageSwitch';
import { TimeControls } from './TimeControls';

export function Header() {
  const { t } = useTranslation();
  const toggleHelp = useUiStore((s) => s.toggleHelp);
  const toggleEvents = useUiStore((s) => s.toggleEvents);
  const eventsOpen = useUiStore((s) => s.eventsOpen);
  const workbenchTab = useWorkbenchStore((s) => (s.open ? s.tab : undefined));
  const toggleWorkbench = useWorkbenchStore((s) => s.toggle);
  // The editor, console, events and failure panels belong to the cluster page.
  const onCluster = useRouteStore((s) => s.route.page !== 'scenario' && s.route.page !== 'scenarios');
  const lessonsOpen = useLessonStore((s) => s.dock.view !== 'closed');
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">⎈</span>
        <h1>{t('app.title')}</h1>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <TimeControls />
      <div className="header-tools">
        <ScenarioMenu />
        <button type="button" className="btn btn-quiet" aria-pressed={lessonsOpen} onClick={() => (lessonsOpen ? closeLessonDock() : openLessons())}>
          {t('lessons.open')}
        </button>
                {onCluster ? (
          <>
            <button type="button" className="btn btn-quiet" aria-pressed={workbenchTab === 'editor'} onClick={() => toggleWorkbench('editor')}>
              {t('workbench.editor')}
            </button>
            <button type="button" className="btn btn-quiet" aria-pressed={workbenchTab === 'console'} onClick={() => toggleWorkbench('console')}>
              {t('workbench.console')}
            </button>
            <button type="button" className="btn btn-quiet" aria-pressed={eventsOpen} onClick={() => toggleEvents()}>
              {eventsOpen ? t('events.hide') : t('events.show')}
            </button>
            <FailureButton />
            <PresenterToggle />
          </>
        ) : null}
        <Share />
        <LanguageSwitch />
        <button type="button" className="btn btn-quiet btn-round" onClick={() => toggleHelp()} aria-label={t('header.help')} aria-keyshortcuts="?">
          ?
        </button>
      </div>
    </header>
  );
}
