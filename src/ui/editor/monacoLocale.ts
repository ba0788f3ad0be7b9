/**
 * Monaco's own words (context menu, find widget, command palette, hovers, quick fixes) in the UI's
 * language. Monaco's `vs/nls` looks each message up in `globalThis._VSCODE_NLS_MESSAGES`, and most of
 * them are looked up once, while its modules evaluate (menu titles, widget labels). So the language's
 * bundle (monaco-editor/esm/nls.messages.LANG.js, which only sets those globals) must run BEFORE the
 * first Monaco module: `loadMonacoEditor` imports it, then the editor. English is Monaco's built-in
 * fallback and fetches nothing; Korean is one extra lazy chunk, fetched only for a Korean UI.
 *
 * A language switch later cannot re-evaluate Monaco: its chrome keeps the language it was loaded with
 * until the page is reloaded (`monacoLanguage` tells the panel, which says so).
 */
import type { Language } from '../../store/uiStore';

const BUNDLES: Partial<Record<Language, () => Promise<unknown>>> = {
  ko: () => import('monaco-editor/esm/nls.messages.ko.js'),
};

let loadedWith: Language | undefined;

/** The language Monaco's own strings were loaded in (undefined before Monaco is loaded). */
export function monacoLanguage(): Language | undefined {
  return loadedWith;
}

export async function loadMonacoEditor<T>(language: Language, importEditor: () => Promise<T>): Promise<T> {
  if (loadedWith === undefined) {
    try {
      await BUNDLES[language]?.();
      loadedWith = language;
    } catch {
      loadedWith = 'en'; // the editor in English rather than no editor
    }
  }
  return importEditor();
}
