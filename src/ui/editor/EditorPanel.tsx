/**
 * The manifest editor panel: open files, Apply / Dry run / Delete (Ctrl/Cmd+Enter applies), the
 * examples library, export/import, and what the API server answered for each document. Loaded lazily
 * (it brings Monaco) the first time the editor is opened.
 */
import { lazy, memo, Suspense, useCallback, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyResult } from '../../engine/kubectl/apply';
import { useUiStore } from '../../store/uiStore';
import { useWorkbenchStore, type EditorFile } from '../../store/workbenchStore';
import type { KubectlReply } from '../../worker/protocol';
import { simClient } from '../../client/simClient';
import { markersFromResults, type ApiMarker } from './applyMarkers';
import { exportBundle, importBundle } from './bundle';
import { CORPUS_EXAMPLES, corpusSection } from './examples/corpus';
import { STARTER_EXAMPLES } from './examples/starters';
import { addEditorMessages } from './editorMessages';
import { loadMonacoEditor, monacoLanguage } from './monacoLocale';
import './editor.css';

addEditorMessages();

/** Monaco comes after its messages in the UI's language (see monacoLocale.ts). */
const MonacoEditor = lazy(() => loadMonacoEditor(useUiStore.getState().language, () => import('./MonacoEditor')));

type Outcome =
  | { kind: 'apply'; file: string; dryRun: boolean; results: ApplyResult[] }
  | { kind: 'delete'; file: string; reply: KubectlReply }
  | { kind: 'failed'; file: string; message: string };

const CORPUS_SECTIONS = [...new Set(CORPUS_EXAMPLES.map((e) => corpusSection(e.path)))];

function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function EditorPanel() {
  const { t } = useTranslation();
  const files = useWorkbenchStore((s) => s.files);
  const active = useWorkbenchStore((s) => s.active);
  const activeFile: EditorFile | undefined = files.find((f) => f.name === active);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [markers, setMarkers] = useState<Record<string, readonly ApiMarker[]>>({});
  const [busy, setBusy] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);

  const apply = useCallback(
    async (dryRun: boolean) => {
      const file = useWorkbenchStore.getState().files.find((f) => f.name === useWorkbenchStore.getState().active);
      if (!file) return;
      setBusy(true);
      try {
        const results = await simClient.request({
          type: 'apply',
          yaml: file.text,
          source: file.name,
          ...(dryRun ? { dryRun: 'server' as const } : {}),
          ...(file.edits ? { mode: 'replace' as const } : {}),
        });
        setOutcome({ kind: 'apply', file: file.name, dryRun, results });
        setMarkers((m) => ({ ...m, [file.name]: markersFromResults(results) }));
      } catch (err) {
        setOutcome({ kind: 'failed', file: file.name, message: err instanceof Error ? err.message : String(err) });
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const remove = async () => {
    if (!activeFile || !window.confirm(t('editor.deleteConfirm', { name: activeFile.name }))) return;
    setBusy(true);
    try {
      const reply = await simClient.request({ type: 'deleteManifests', yaml: activeFile.text, source: activeFile.name });
      setOutcome({ kind: 'delete', file: activeFile.name, reply });
    } catch (err) {
      setOutcome({ kind: 'failed', file: activeFile.name, message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const openExample = useCallback(async (value: string) => {
    const store = useWorkbenchStore.getState();
    const starter = STARTER_EXAMPLES.find((e) => `starter:${e.id}` === value);
    if (starter) return void store.addFile(starter.fileName, starter.text);
    const doc = CORPUS_EXAMPLES.find((e) => `docs:${e.path}` === value);
    if (doc) store.addFile(doc.path.split('/').pop()!, await doc.load());
  }, []);

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const store = useWorkbenchStore.getState();
    for (const file of Array.from(e.target.files ?? [])) {
      for (const f of importBundle(await file.text(), file.name)) store.addFile(f.name, f.text);
    }
    e.target.value = '';
  };

  const onChange = useCallback((name: string, text: string) => useWorkbenchStore.getState().setText(name, text), []);
  const onStale = useCallback((name: string) => setMarkers((m) => ({ ...m, [name]: [] })), []);
  const onApplyShortcut = useCallback(() => void apply(false), [apply]);

  return (
    <section className="editor-panel" aria-label={t('editor.label')}>
      <div className="file-tabs" role="tablist" aria-label={t('editor.files')}>
        {files.map((f) => (
          <div key={f.name} className={`file-tab${f.name === active ? ' is-active' : ''}`}>
            <button type="button" role="tab" aria-selected={f.name === active} className="file-tab-name mono" onClick={() => useWorkbenchStore.getState().setActive(f.name)}>
              {f.edits ? '✎ ' : ''}
              {f.name}
            </button>
            <button type="button" className="file-tab-close" aria-label={t('editor.closeFile', { name: f.name })} onClick={() => useWorkbenchStore.getState().closeFile(f.name)}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-quiet btn-small" onClick={() => useWorkbenchStore.getState().addFile('untitled.yaml', '')}>
          + {t('editor.newFile')}
        </button>
      </div>
      <div className="editor-toolbar">
        {activeFile?.edits ? (
          <button type="button" className="btn btn-primary" disabled={busy} title={t('editor.saveHint')} aria-keyshortcuts="Control+Enter" onClick={() => void apply(false)}>
            {t('editor.save')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={busy} title={t('editor.applyHint')} aria-keyshortcuts="Control+Enter" onClick={() => void apply(false)}>
            {t('editor.apply')}
          </button>
        )}
        <button type="button" className="btn" disabled={busy} title={t('editor.dryRunHint')} onClick={() => void apply(true)}>
          {t('editor.dryRun')}
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} title={t('editor.deleteHint')} onClick={() => void remove()}>
          {t('editor.delete')}
        </button>
        <ExamplesMenu onPick={openExample} />
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-quiet btn-small" title={t('editor.exportHint')} onClick={() => downloadText('kube-playground-files.yaml', exportBundle(useWorkbenchStore.getState().files))}>
          {t('editor.export')}
        </button>
        <button type="button" className="btn btn-quiet btn-small" title={t('editor.importHint')} onClick={() => importInput.current?.click()}>
          {t('editor.import')}
        </button>
        <input ref={importInput} type="file" accept=".yaml,.yml,text/yaml,application/yaml" multiple hidden onChange={(e) => void onImport(e)} data-testid="import-files" />
      </div>
      {activeFile?.edits ? <p className="editing-note small">{t('editor.editing', { kind: activeFile.edits.kind, name: activeFile.edits.name })}</p> : null}
      <MonacoLanguageNote />
      <Suspense fallback={<p className="muted monaco-wrap workbench-loading">{t('editor.loading')}</p>}>
        <MonacoEditor files={files} active={active} onChange={onChange} onApply={onApplyShortcut} apiMarkers={markers} onApiMarkersStale={onStale} label={t('editor.label')} />
      </Suspense>
      <section className="apply-results" aria-label={t('editor.results')} aria-live="polite">
        <Results outcome={outcome} />
      </section>
    </section>
  );
}

/** After a language switch, Monaco's own menus keep the language they loaded with: say so, offer the reload. */
function MonacoLanguageNote() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const loaded = monacoLanguage();
  if (!loaded || loaded === language) return null;
  return (
    <p className="editing-note small monaco-language-note" role="status">
      {t('editor.monacoStale', { language: t(`editor.monacoLanguage.${loaded}`) })}{' '}
      <button type="button" className="btn btn-quiet btn-small" onClick={() => window.location.reload()}>
        {t('editor.reload')}
      </button>
    </p>
  );
}

/** The examples library: the starters, then the Kubernetes docs' manifests by folder (a few hundred options: memoised). */
const ExamplesMenu = memo(function ExamplesMenu({ onPick }: { onPick: (value: string) => Promise<void> }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <select className="examples-select" aria-label={t('editor.examples')} value="" onChange={(e) => void onPick(e.target.value)}>
      <option value="">{t('editor.examplesPick')}</option>
      <optgroup label={t('editor.starters')}>
        {STARTER_EXAMPLES.map((e) => (
          <option key={e.id} value={`starter:${e.id}`}>
            {e.title[language]}
          </option>
        ))}
      </optgroup>
      {CORPUS_SECTIONS.map((section) => (
        <optgroup key={section} label={t('editor.docsExamples', { section })}>
          {CORPUS_EXAMPLES.filter((e) => corpusSection(e.path) === section).map((e) => (
            <option key={e.path} value={`docs:${e.path}`}>
              {e.path.replace(/^examples\//, '')}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
});

function Results({ outcome }: { outcome: Outcome | undefined }) {
  const { t } = useTranslation();
  if (!outcome) return <p className="muted small">{t('editor.noResults')}</p>;
  switch (outcome.kind) {
    case 'apply':
      if (outcome.results.length === 0) return <p className="muted small">{t('editor.nothingToApply')}</p>;
      return (
        <ol className="result-list">
          {outcome.results.map((r, i) => (
            <li key={i} className={r.action === 'error' ? 'is-error' : 'is-ok'}>
              <span aria-hidden="true">{r.action === 'error' ? '✗' : '✓'}</span>
              <pre className="mono">
                {r.warning ? `${r.warning}\n` : ''}
                {r.message}
              </pre>
            </li>
          ))}
        </ol>
      );
    case 'delete':
      return (
        <pre className={`mono result-text${outcome.reply.exitCode === 0 ? '' : ' is-error'}`}>
          {outcome.reply.stdout}
          {outcome.reply.stderr}
        </pre>
      );
    case 'failed':
      return <p className="is-error">{t('editor.requestFailed', { message: outcome.message })}</p>;
  }
}
