/**
 * The current page, kept in step with the URL fragment: `navigate` writes the hash, and the browser's
 * back/forward (hashchange) writes the store. Components select `route` and render their page.
 */
import { create } from 'zustand';
import { formatRoute, parseRoute, type Route } from '../ui/routing/route';

export interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

function currentHash(): string {
  return typeof location === 'undefined' ? '' : location.hash;
}

export const useRouteStore = create<RouteState>()((set) => ({
  route: parseRoute(currentHash()),
  navigate: (route) => {
    const hash = formatRoute(route);
    if (typeof location !== 'undefined' && location.hash !== hash) location.hash = hash;
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRouteStore.setState({ route: parseRoute(currentHash()) }));
}
