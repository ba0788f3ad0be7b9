/**
 * Renders the app. Loaded by main.tsx after the simulation worker has been started, so the worker's
 * boot (its bundle, createCluster) overlaps with the parsing of React, React Flow and the UI.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n';
import { languageFromLocale, useUiStore } from '../store/uiStore';
import { persistWorkbench } from '../store/workbenchStore';
import { App, storedLanguage } from './App';
import './styles.css';
// After the base styles: these override some of them (palette, pod text size, focus rings).
import './explain/explain.css';
import './presenter/presenter.css';

export function mountApp(root: HTMLElement): void {
  const saved = storedLanguage();
  if (saved) useUiStore.getState().setLanguage(languageFromLocale(saved));
  initI18n(useUiStore.getState().language);
  persistWorkbench();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
