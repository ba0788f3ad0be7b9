// Monaco's editor core without its bundled languages (edcore.main.js has no typings of its own: it
// re-exports editor.api) and the YAML tokenizer contribution.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor/esm/vs/editor/editor.api';
}
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
/** Sets `globalThis._VSCODE_NLS_MESSAGES` / `_VSCODE_NLS_LANGUAGE` for Monaco's `vs/nls` (monacoLocale.ts). */
declare module 'monaco-editor/esm/nls.messages.ko.js';
