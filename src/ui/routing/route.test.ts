import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './route';

describe('hash routes', () => {
  const cases: { name: string; hash: string; want: Route }[] = [
    { name: 'empty is the cluster', hash: '', want: { page: 'cluster' } },
    { name: 'root is the cluster', hash: '#/', want: { page: 'cluster' } },
    { name: 'a scenario by id', hash: '#/scenarios/vm-vs-container', want: { page: 'scenario', id: 'vm-vs-container' } },
    { name: 'the scenario menu', hash: '#/scenarios', want: { page: 'scenarios' } },
    { name: 'the lesson list', hash: '#/lessons', want: { page: 'lessons' } },
    { name: 'a lesson by id', hash: '#/lessons/self-healing', want: { page: 'lesson', id: 'self-healing' } },
    { name: 'a preset', hash: '#/presets/big-cluster', want: { page: 'preset', id: 'big-cluster' } },
    { name: 'a share link keeps its data as is', hash: '#/share/N4Ig-abc_d', want: { page: 'share', data: 'N4Ig-abc_d' } },
    { name: 'an unknown page is the cluster', hash: '#/nowhere', want: { page: 'cluster' } },
  ];
  for (const c of cases) {
    it(c.name, () => expect(parseRoute(c.hash)).toEqual(c.want));
  }
  it('formats what it parses', () => {
    for (const c of cases.slice(1)) {
      if (c.name.startsWith('an unknown')) continue;
      expect(parseRoute(formatRoute(c.want))).toEqual(c.want);
    }
  });
});
