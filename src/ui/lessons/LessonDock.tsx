/**
 * The lesson dock, a column beside the live canvas (loaded lazily with the lessons' words): the list of
 * lessons, or one lesson. It stays open while a lesson sends the student to a concept scenario.
 */
import './lessons.css';
import { useTranslation } from 'react-i18next';
import { closeLessonDock, useLessonStore } from '../../store/lessonStore';
import { lessonById } from './catalog';
import { LessonList } from './LessonList';
import { LessonView } from './LessonView';

export default function LessonDock() {
  const { t } = useTranslation();
  const dock = useLessonStore((s) => s.dock);
  if (dock.view === 'closed') return null;
  const lesson = dock.view === 'lesson' ? lessonById(dock.id) : undefined;
  return (
    <aside className="lesson-dock" aria-label={t('lessons.dock')}>
      <button type="button" className="btn btn-quiet btn-round lesson-dock-close" aria-label={t('lessons.close')} onClick={closeLessonDock}>
        ✕
      </button>
      {dock.view === 'list' ? <LessonList /> : null}
      {dock.view === 'lesson' && lesson ? <LessonView key={lesson.id} lesson={lesson} /> : null}
      {dock.view === 'lesson' && !lesson ? <p className="lesson-text is-error">{t('lessons.notFound', { id: dock.id })}</p> : null}
    </aside>
  );
}
