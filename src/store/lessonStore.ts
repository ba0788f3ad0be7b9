/**
 * Which lesson the dock beside the canvas shows. It follows `#/lessons/<id>` (and `#/lessons`: the list),
 * but outlives the route: a lesson that sends the student to a concept scenario (`#/scenarios/<id>`) stays
 * open beside it. Closing the dock forgets it.
 */
import { create } from 'zustand';
import type { Route } from '../ui/routing/route';
import { useRouteStore } from './routeStore';

export type LessonDock = { view: 'closed' } | { view: 'list' } | { view: 'lesson'; id: string };

export interface LessonDockState {
  dock: LessonDock;
  setDock(dock: LessonDock): void;
}

export const useLessonStore = create<LessonDockState>()((set) => ({
  dock: { view: 'closed' },
  setDock: (dock) => set({ dock }),
}));

const isScenarioPage = (route: Route): boolean => route.page === 'scenario' || route.page === 'scenarios';

/**
 * The dock after the route changed: lesson routes open it; a scenario page keeps it (the lesson sent the
 * student there), and so does coming back from one; any other page closes it (browser back from a lesson).
 */
export function dockAfterRoute(prev: Route | undefined, next: Route, dock: LessonDock): LessonDock {
  if (next.page === 'lessons') return { view: 'list' };
  if (next.page === 'lesson') return { view: 'lesson', id: next.id };
  if (isScenarioPage(next) || (prev && isScenarioPage(prev))) return dock;
  return { view: 'closed' };
}

/** Keeps the dock in step with the route from now on (and sets it for the current one). */
export function followRoute(): () => void {
  const set = useLessonStore.getState().setDock;
  set(dockAfterRoute(undefined, useRouteStore.getState().route, useLessonStore.getState().dock));
  return useRouteStore.subscribe((s, prev) => {
    if (s.route !== prev.route) set(dockAfterRoute(prev.route, s.route, useLessonStore.getState().dock));
  });
}

export function openLessons(): void {
  useRouteStore.getState().navigate({ page: 'lessons' });
}

export function closeLessonDock(): void {
  useLessonStore.getState().setDock({ view: 'closed' });
  const { route, navigate } = useRouteStore.getState();
  if (route.page === 'lessons' || route.page === 'lesson') navigate({ page: 'cluster' });
}
