/**
 * Panels the first screen does not show (inspector, failure panel, console, shortcuts), loaded on first
 * use so their code is not parsed before the machines are drawn. `preloadPanels` fetches them once the
 * page is idle, so a first click does not wait for the network.
 */
import { lazy } from 'react';

const loadInspector = () => import('../inspector/Inspector');
const loadFailurePanel = () => import('../faults/FailurePanel');
const loadHelpOverlay = () => import('../shell/HelpOverlay');
const loadConsolePanel = () => import('../console/ConsolePanel');

export const LazyInspector = lazy(() => loadInspector().then((m) => ({ default: m.Inspector })));
export const LazyFailurePanel = lazy(() => loadFailurePanel().then((m) => ({ default: m.FailurePanel })));
export const LazyHelpOverlay = lazy(() => loadHelpOverlay().then((m) => ({ default: m.HelpOverlay })));
export const LazyConsolePanel = lazy(() => loadConsolePanel().then((m) => ({ default: m.ConsolePanel })));

export function preloadPanels(): void {
  for (const load of [loadInspector, loadFailurePanel, loadHelpOverlay, loadConsolePanel]) void load().catch(() => undefined);
}
