/**
 * Monaco, its workers and the YAML language with the Kubernetes schema. Imported only by the lazily
 * loaded editor panel, so none of it is in the first screen's JavaScript.
 *
 * The editor core comes without Monaco's other languages (edcore.main rather than editor.main): the
 * playground edits YAML only. Workers are Vite `?worker` imports (bundled, same origin, offline).
 */
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import kubernetesSchema from './schema/kubernetes.schema.json';

export { monaco };

/** Not http(s): monaco-yaml must never try to fetch it (enableSchemaRequest is off too). */
export const SCHEMA_URI = 'inmemory://kube-playground/kubernetes.schema.json';

let configured = false;

export function setUpMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      return label === 'yaml' ? new YamlWorker() : new EditorWorker();
    },
  };
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml', '**/*.yml'], schema: kubernetesSchema as never }],
  });
  return monaco;
}
