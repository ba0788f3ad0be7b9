/**
 * The workbench dock beside the canvas: the manifest editor and the kubectl console, one tab each.
 * The editor (Monaco) loads on first open and both stay mounted afterwards, so switching tabs keeps
 * the editor's undo history and the console's screen.
 */
import { lazy, Suspense, useState, Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { LazyConsolePanel } from '../firstScreen/lazyPanels';
import './workbench.css';

const EditorPanel = lazy(() => import('../editor/EditorPanel'));

class LoadBoundary extends Component<{ children: ReactNode; fallback: (message: string) => ReactNode }, { error: string | undefined }> {
  override state = { error: undefined as string | undefined };
  static getDerivedStateFromError(err: unknown) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  override render() {
    return this.state.error !== undefined ? this.props.fallback(this.state.error) : this.props.children;
  }
}

export function Workbench() {
  const { t } = useTranslation();
  const open = useWorkbenchStore((s) => s.open);
  const tab = useWorkbenchStore((s) => s.tab);
  const [loaded, setLoaded] = useState({ editor: false, console: false });
  // First open of a tab mounts it for good (React's "adjust state during render" pattern).
  if (open && !loaded[tab]) setLoaded({ ...loaded, [tab]: true });
  const editorLoaded = loaded.editor || (open && tab === 'editor');
  const consoleLoaded = loaded.console || (open && tab === 'console');
  if (!open && !editorLoaded && !consoleLoaded) return null;
  return (
    <aside className="workbench" aria-label={t('workbench.label')} hidden={!open}>
      <div className="workbench-tabs" role="tablist">
        {(['editor', 'console'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={`workbench-tab${tab === name ? ' is-active' : ''}`} onClick={() => useWorkbenchStore.getState().show(name)}>
            {t(`workbench.${name}`)}
          </button>
        ))}
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-quiet btn-round" aria-label={t('workbench.close')} onClick={() => useWorkbenchStore.getState().close()}>
          ✕
        </button>
      </div>
      <div className="workbench-body" hidden={tab !== 'editor'}>
        {editorLoaded ? (
          <LoadBoundary fallback={(message) => <p className="is-error">{t('editor.loadFailed', { message })}</p>}>
            <Suspense fallback={<p className="muted workbench-loading">{t('editor.loading')}</p>}>
              <EditorPanel />
            </Suspense>
          </LoadBoundary>
        ) : null}
      </div>
      <div className="workbench-body" hidden={tab !== 'console'}>
        {consoleLoaded ? (
          <Suspense fallback={null}>
            <LazyConsolePanel active={open && tab === 'console'} />
          </Suspense>
        ) : null}
      </div>
    </aside>
  );
}
