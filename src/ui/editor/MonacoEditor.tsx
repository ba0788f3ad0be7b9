/**
 * The Monaco editor itself: one model per open file (URI `file:///NAME`, which the YAML schema matches),
 * the API server's markers from the last apply, and the list of problems under the editor (YAML syntax
 * and schema from monaco-yaml, API errors from apply). Lazily loaded with Monaco.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import type { EditorFile } from '../../store/workbenchStore';
import type { ApiMarker } from './applyMarkers';
import { monaco, setSchemaLanguage, setUpMonaco } from './monacoSetup';
import { problemMessage, SCHEMA_SOURCE } from './yamlMarkers';

/** Marker owner for the API server's answers (monaco-yaml uses its own). */
const API_OWNER = 'kubernetes-api';

export interface Problem {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  source: string;
}

export interface MonacoEditorProps {
  files: readonly EditorFile[];
  active: string;
  onChange(name: string, text: string): void;
  /** Ctrl/Cmd+Enter. */
  onApply(): void;
  /** The last apply's markers for each file. */
  apiMarkers: Readonly<Record<string, readonly ApiMarker[]>>;
  /** Called when the API markers of a file go stale (its text changed). */
  onApiMarkersStale(name: string): void;
  label: string;
}

function uriOf(name: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${encodeURIComponent(name)}`);
}

function severityOf(s: monaco.MarkerSeverity): Problem['severity'] {
  if (s === monaco.MarkerSeverity.Error) return 'error';
  if (s === monaco.MarkerSeverity.Warning) return 'warning';
  return 'info';
}

export default function MonacoEditor(props: MonacoEditorProps) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const models = useRef(new Map<string, monaco.editor.ITextModel>());
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const latest = useRef(props);
  latest.current = props;
  const [problems, setProblems] = useState<Problem[]>([]);
  const activeName = useRef(props.active);
  useEffect(() => setSchemaLanguage(language), [language]);

  // Create the editor once.
  useEffect(() => {
    setUpMonaco();
    const editor = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      wordWrap: 'off',
      fixedOverflowWidgets: true,
      ariaLabel: latest.current.label,
      quickSuggestions: { other: true, comments: false, strings: true },
      // In YAML, Enter ends a line far more often than it picks a suggestion: Tab accepts one instead.
      acceptSuggestionOnEnter: 'off',
    });
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onApply());
    const refreshProblems = () => {
      const model = editor.getModel();
      if (!model) return setProblems([]);
      const list = monaco.editor
        .getModelMarkers({ resource: model.uri })
        .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message, severity: severityOf(m.severity), source: m.owner === API_OWNER ? 'kubernetes' : m.source === SCHEMA_SOURCE ? SCHEMA_SOURCE : 'yaml' }))
        .sort((a, b) => a.line - b.line || a.column - b.column);
      setProblems(list);
    };
    const markersSub = monaco.editor.onDidChangeMarkers(refreshProblems);
    const modelSub = editor.onDidChangeModel(refreshProblems);
    const models_ = models.current;
    return () => {
      markersSub.dispose();
      modelSub.dispose();
      editor.dispose();
      for (const m of models_.values()) m.dispose();
      models_.clear();
      editorRef.current = undefined;
    };
  }, []);

  // Keep one model per file, in step with the store (imports and edits from the inspector replace text).
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const names = new Set(props.files.map((f) => f.name));
    for (const [name, model] of models.current) {
      if (!names.has(name)) {
        model.dispose();
        models.current.delete(name);
        viewStates.current.delete(name);
      }
    }
    for (const file of props.files) {
      let model = models.current.get(file.name);
      if (!model) {
        model = monaco.editor.getModel(uriOf(file.name)) ?? monaco.editor.createModel(file.text, 'yaml', uriOf(file.name));
        const name = file.name;
        const m = model;
        m.onDidChangeContent(() => {
          const text = m.getValue();
          const current = latest.current.files.find((f) => f.name === name);
          if (current && current.text !== text) latest.current.onChange(name, text);
          if (monaco.editor.getModelMarkers({ owner: API_OWNER, resource: m.uri }).length > 0) latest.current.onApiMarkersStale(name);
        });
        models.current.set(file.name, model);
      }
      if (model.getValue() !== file.text) model.pushEditOperations([], [{ range: model.getFullModelRange(), text: file.text }], () => null);
    }
    const target = models.current.get(props.active);
    if (target && editor.getModel() !== target) {
      const previous = editor.getModel();
      if (previous) viewStates.current.set(activeName.current, editor.saveViewState());
      editor.setModel(target);
      const state = viewStates.current.get(props.active);
      if (state) editor.restoreViewState(state);
      activeName.current = props.active;
    }
  }, [props.files, props.active]);

  // The API server's markers from the last apply (only when they change: not per keystroke).
  const fileNames = props.files.map((f) => f.name).join('\n');
  useEffect(() => {
    for (const [name, model] of models.current) {
      const markers = props.apiMarkers[name] ?? [];
      if (markers.length === 0 && monaco.editor.getModelMarkers({ owner: API_OWNER, resource: model.uri }).length === 0) continue;
      monaco.editor.setModelMarkers(
        model,
        API_OWNER,
        markers.map((m) => {
          const line = Math.min(m.line, model.getLineCount());
          return {
            startLineNumber: line,
            startColumn: m.column,
            endLineNumber: line,
            endColumn: Math.max(m.column + 1, model.getLineMaxColumn(line)),
            message: m.message,
            severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            source: 'kubernetes',
          };
        }),
      );
    }
  }, [props.apiMarkers, fileNames]);

  const reveal = (p: Problem) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.setPosition({ lineNumber: p.line, column: p.column });
    editor.revealLineInCenter(p.line);
    editor.focus();
  };

  return (
    <div className="monaco-wrap">
      {/* `nokey`: React Flow ignores keys typed here (it would take Space for panning). */}
      <div className="monaco-host nokey" ref={host} data-testid="monaco-host" />
      <section className="problems" aria-label={t('editor.problems')}>
        {problems.length === 0 ? (
          <p className="muted small">{t('editor.noProblems')}</p>
        ) : (
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.line}:${p.column}:${i}`} className={`problem is-${p.severity}`}>
                <button type="button" className="problem-link" title={p.message} onClick={() => reveal(p)}>
                  <span className="mono">
                    {p.line}:{p.column}
                  </span>{' '}
                  <span className="problem-source">{p.source}</span> {problemMessage(p.message, language)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
