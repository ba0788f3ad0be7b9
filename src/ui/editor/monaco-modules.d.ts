// Monaco's editor core without its bundled languages (edcore.main.js has no typings of its own: it
// re-exports editor.api) and the YAML tokenizer contribution.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor/esm/vs/editor/editor.api';
}
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
