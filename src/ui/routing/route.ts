/**
 * The page's addresses live in the URL fragment (the site is static and may be hosted under any
 * sub-path): `#/` the cluster, `#/scenarios/<id>` a concept scenario, `#/lessons` and `#/lessons/<id>`,
 * `#/presets/<id>` a cluster preset, `#/share/<data>` a share link. Anything else is the cluster.
 */

export type Route =
  | { page: 'cluster' }
  | { page: 'scenarios' }
  | { page: 'scenario'; id: string }
  | { page: 'lessons' }
  | { page: 'lesson'; id: string }
  | { page: 'preset'; id: string }
  | { page: 'share'; data: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [head, ...rest] = path.split('/');
  const arg = rest.join('/');
  switch (head) {
    case 'scenarios':
      return arg ? { page: 'scenario', id: decodeURIComponent(arg) } : { page: 'scenarios' };
    case 'lessons':
      return arg ? { page: 'lesson', id: decodeURIComponent(arg) } : { page: 'lessons' };
    case 'presets':
      return arg ? { page: 'preset', id: decodeURIComponent(arg) } : { page: 'cluster' };
    case 'share':
      return arg ? { page: 'share', data: arg } : { page: 'cluster' };
    default:
      return { page: 'cluster' };
  }
}

export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'cluster':
      return '#/';
    case 'scenarios':
      return '#/scenarios';
    case 'scenario':
      return `#/scenarios/${encodeURIComponent(route.id)}`;
    case 'lessons':
      return '#/lessons';
    case 'lesson':
      return `#/lessons/${encodeURIComponent(route.id)}`;
    case 'preset':
      return `#/presets/${encodeURIComponent(route.id)}`;
    case 'share':
      return `#/share/${route.data}`;
  }
}
