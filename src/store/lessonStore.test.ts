import { describe, expect, it } from 'vitest';
import { dockAfterRoute, type LessonDock } from './lessonStore';

const lesson: LessonDock = { view: 'lesson', id: 'scaling' };

describe('the lesson dock follows the route', () => {
  it.each([
    { name: '#/lessons opens the list', prev: undefined, next: { page: 'lessons' }, dock: { view: 'closed' }, want: { view: 'list' } },
    { name: '#/lessons/<id> opens that lesson', prev: { page: 'cluster' }, next: { page: 'lesson', id: 'scaling' }, dock: { view: 'closed' }, want: lesson },
    { name: 'a scenario page keeps the lesson open beside it', prev: { page: 'lesson', id: 'scaling' }, next: { page: 'scenario', id: 'eras' }, dock: lesson, want: lesson },
    { name: 'back from the scenario to the cluster keeps it too', prev: { page: 'scenario', id: 'eras' }, next: { page: 'cluster' }, dock: lesson, want: lesson },
    { name: 'browser back from the lesson to the cluster closes it', prev: { page: 'lesson', id: 'scaling' }, next: { page: 'cluster' }, dock: lesson, want: { view: 'closed' } },
    { name: 'first load on the cluster: closed', prev: undefined, next: { page: 'cluster' }, dock: { view: 'closed' }, want: { view: 'closed' } },
  ] as const)('$name', ({ prev, next, dock, want }) => {
    expect(dockAfterRoute(prev, next, dock)).toEqual(want);
  });
});
