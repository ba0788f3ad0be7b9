/**
 * A failure-panel target a lesson names by what it is for ("a pod of web", "a node that runs web"),
 * resolved against the mirror when the button is pressed, in the panel's own target format.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import type { LessonAction } from './lessonTypes';
import { isPodReady, isTerminating } from './checks';

type Target = NonNullable<Extract<LessonAction, { action: 'failures' }>['target']>;

export function evaluateTarget(target: Target, objects: ObjectsByKind): string {
  if (typeof target === 'string') return target;
  const pods = (Object.values(objects['Pod'] ?? {}) as (Pod & KubeObject)[])
    .filter((p) => (p.metadata.namespace ?? 'default') === 'default' && p.metadata.labels?.['app'] === ('podOf' in target ? target.podOf : target.nodeOf))
    .filter((p) => !isTerminating(p) && !!p.spec?.nodeName)
    .sort((a, b) => Number(isPodReady(b)) - Number(isPodReady(a)) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const first = pods[0];
  if (!first) return '';
  return 'podOf' in target ? `default/${first.metadata.name}` : (first.spec?.nodeName ?? '');
}
