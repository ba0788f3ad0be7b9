/**
 * Monaco, its workers and the YAML language with the Kubernetes schema. Imported only by the lazily
 * loaded editor panel, so none of it is in the first screen's JavaScript.
 *
 * The editor core comes without Monaco's other languages (edcore.main rather than editor.main): the
 * playground edits YAML only. Workers are Vite `?worker` imports (bundled, same origin, offline).
 */
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml, type MonacoYaml, type MonacoYamlOptions } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import kubernetesSchema from './schema/kubernetes.schema.json';
import { tidyYamlMarker } from './yamlMarkers';
import { localizeSchema } from './schema/localizeSchema';
import { useUiStore } from '../../store/uiStore';

export { monaco };

/** Not http(s): monaco-yaml must never try to fetch it (enableSchemaRequest is off too). */
export const SCHEMA_URI = 'inmemory://kube-playground/kubernetes.schema.json';

let configured = false;
let yaml: MonacoYaml | undefined;
let schemaLanguage: string | undefined;

/** The schema entry for the page's language: hovers and completion docs in Korean for the common fields. */
function schemas(language: string): MonacoYamlOptions['schemas'] {
  return [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml', '**/*.yml'], schema: localizeSchema(kubernetesSchema as never, language) }];
}

/** Switches the schema's descriptions to the page's language (the editor stays open; no reload needed). */
export function setSchemaLanguage(language: string): void {
  if (!yaml || schemaLanguage === language) return;
  schemaLanguage = language;
  void yaml.update({ schemas: schemas(language) });
}

function createWorker(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

interface LegacyWorkerOptions {
  moduleId: string;
  label?: string;
  createData?: unknown;
}

/**
 * The Monaco API as monaco-yaml sees it: its markers pass through tidyYamlMarker (readable sources and
 * messages), and `createWebWorker` speaks the pre-0.54 form.
 *
 * monaco-yaml 5 (through monaco-worker-manager 2) calls `editor.createWebWorker({ moduleId, label,
 * createData })`, the API before 0.54; 0.54 wants the Worker itself and leaves sending `createData` to
 * the caller (what its own JSON language does: a first message, then createData). This adapter does
 * exactly that, so the YAML worker's unchanged start-up handshake still works.
 */
function forMonacoYaml(m: typeof monaco): typeof monaco {
  const createWebWorker = (opts: LegacyWorkerOptions) => {
    const worker = createWorker(opts.label ?? 'editorWorkerService');
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return m.editor.createWebWorker({ worker });
  };
  const setModelMarkers: typeof m.editor.setModelMarkers = (model, owner, markers) =>
    m.editor.setModelMarkers(model, owner, owner === 'yaml' ? markers.map(tidyYamlMarker) : markers);
  return { ...m, editor: { ...m.editor, createWebWorker, setModelMarkers } } as unknown as typeof monaco;
}

export function setUpMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) => createWorker(label),
  };
  schemaLanguage = useUiStore.getState().language;
  yaml = configureMonacoYaml(forMonacoYaml(monaco), {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    // The hover would end with "Source: \\kubernetes.schema.json" (the in-memory URI): nothing for a student.
    hoverSchemaSource: false,
    schemas: schemas(schemaLanguage),
  });
  return monaco;
}
