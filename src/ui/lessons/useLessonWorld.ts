/** What the checks look at, selected from the page's stores (the mirror, the fault status, the concept view). */
import { useMemo } from 'react';
import { useClusterStore } from '../../store/clusterStore';
import { useConceptStore } from '../../store/conceptStore';
import { useFaultStore } from '../../store/faultStore';
import { useJourneyStore } from '../journey/journeyStore';
import type { LessonWorld } from './checks';

export function useLessonWorld(): LessonWorld {
  const objects = useClusterStore((s) => s.objects);
  const faults = useFaultStore((s) => s.status);
  const concept = useConceptStore((s) => s.view);
  const journeyWatched = useJourneyStore((s) => s.watchedToEnd);
  return useMemo(() => ({ objects, faults, concept, journeyWatched }), [objects, faults, concept, journeyWatched]);
}
