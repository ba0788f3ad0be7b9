/** The scenario pages, loaded lazily (not part of the first screen): the list, or one scenario by id. */
import { SCENARIO_MENU } from '../../engine/concepts/catalog';
import type { ConceptId } from '../../engine/concepts/types';
import { useRouteStore } from '../../store/routeStore';
import { ScenarioList } from './ScenarioList';
import { ScenarioPage } from './ScenarioPage';
import './scenarios.css';

export default function ScenarioPages() {
  const route = useRouteStore((s) => s.route);
  if (route.page === 'scenario') {
    if ((SCENARIO_MENU as readonly string[]).includes(route.id)) return <ScenarioPage key={route.id} id={route.id as ConceptId} />;
    return <ScenarioList missing={route.id} />;
  }
  return <ScenarioList />;
}
