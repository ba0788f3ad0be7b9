/**
 * What a task's buttons do: open a manifest in the editor, the console, the failure panel set on a
 * fault and target, or a concept scenario; speed the clock up. Only one tool is open at a time beside
 * the lesson, so the canvas keeps its room. The cluster itself is changed by the student, not here.
 */
import { useClusterStore } from '../../store/clusterStore';
import { useFaultStore } from '../../store/faultStore';
import { useRouteStore } from '../../store/routeStore';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { simClient } from '../../client/simClient';
import { evaluateTarget } from './actionTargets';
import { startJourney } from '../journey/journeyActions';
import type { LessonAction } from './lessonTypes';

export function runLessonAction(action: LessonAction): void {
  const workbench = useWorkbenchStore.getState();
  const faults = useFaultStore.getState();
  switch (action.action) {
    case 'editor': {
      const existing = workbench.files.find((f) => f.name === action.file);
      if (existing && !existing.edits) {
        workbench.setText(action.file, action.yaml);
        workbench.setActive(action.file);
      } else {
        workbench.addFile(action.file, action.yaml);
      }
      faults.togglePanel(false);
      workbench.show('editor');
      return;
    }
    case 'console':
      faults.togglePanel(false);
      workbench.show('console');
      return;
    case 'failures': {
      workbench.close();
      if (!action.fault) {
        faults.togglePanel(true);
        return;
      }
      const target = evaluateTarget(action.target ?? '', useClusterStore.getState().objects);
      faults.openPanelWith(action.fault, target);
      if (action.percent !== undefined) useFaultStore.getState().setOption('percent', String(action.percent));
      return;
    }
    case 'scenario':
      useRouteStore.getState().navigate({ page: 'scenario', id: action.scenario });
      return;
    case 'speed':
      void simClient.clock({ action: 'speed', speed: action.speed }).catch(() => undefined);
      return;
    case 'journey':
      workbench.close();
      faults.togglePanel(false);
      startJourney();
      return;
  }
}
