/**
 * The first visit's welcome: what this is, and two ways in (the first lesson, or free exploring).
 * Shown once; the help overlay opens it again.
 */
import { useTranslation } from 'react-i18next';
import { useGuideStore } from '../../store/guideStore';
import { useRouteStore } from '../../store/routeStore';
import { FIRST_LESSON_ID } from '../lessons/firstLesson';

export function WelcomeDialog() {
  const { t } = useTranslation();
  const open = useGuideStore((s) => s.welcomeOpen);
  const dismiss = useGuideStore((s) => s.dismissWelcome);
  if (!open) return null;
  const startLesson = () => {
    dismiss();
    useRouteStore.getState().navigate({ page: 'lesson', id: FIRST_LESSON_ID });
  };
  return (
    <div className="overlay" onClick={dismiss}>
      <div
        className="dialog welcome-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="welcome-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') dismiss();
        }}
      >
        <h2 id="welcome-title">
          <span aria-hidden="true">⎈ </span>
          {t('guide.welcomeTitle')}
        </h2>
        <p>{t('guide.welcomeBody')}</p>
        <p>{t('guide.welcomeHow')}</p>
        <div className="welcome-actions">
          <button type="button" className="btn btn-primary" onClick={startLesson} autoFocus>
            {t('guide.startLesson')}
          </button>
          <button type="button" className="btn" onClick={dismiss}>
            {t('guide.explore')}
          </button>
        </div>
      </div>
    </div>
  );
}
