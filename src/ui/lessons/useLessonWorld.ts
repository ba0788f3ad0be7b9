/** What the checks look at, selected from the page's stores (the mirror, the fault status, the concept view). */
import { useMemo } from 'react';
import { useClusterStore } from '../../store/clusterStore';
import { useConceptStore } from '../../store/conceptStore';
import { useFaultStore } from '../../store/faultStore';
import type { LessonWorld } from './checks';

export function useLessonWorld(): LessonWorld {
  const objects = useClusterStore((s) => s.objects);
  const faults = useFaultStore((s) => s.status);
  const concept = useConceptStore((s) => s.view);
  return useMemo(() => ({ objects, faults, concept }), [objects, faults, concept]);
}
