/**
 * The page's side of share links: gathering what a link carries from the stores and the worker, telling
 * whether the student has work of their own that opening a link would replace, and putting a shared
 * state in place. Loaded with the share dialog and the opener, never on the first screen.
 */
import { simClient } from '../../client/simClient';
import { fileNameError, type SharedFile, type SharedState } from '../../client/shareLink';
import { isConceptId } from '../../engine/concepts/types';
import { useClusterStore } from '../../store/clusterStore';
import { useLessonStore } from '../../store/lessonStore';
import { useRouteStore } from '../../store/routeStore';
import { WELCOME_FILE, useWorkbenchStore } from '../../store/workbenchStore';
import { STARTER_APP_YAML } from '../../worker/starterApp';
import { formatRoute, type Route } from '../routing/route';

/** The cluster as it is now (a fresh snapshot from the worker), the editor's files, the open lesson or scenario, and the speed. */
export async function gatherShare(): Promise<SharedState> {
  const snapshot = await simClient.request({ type: 'snapshot' });
  const { files, active } = useWorkbenchStore.getState();
  const shared: SharedState = { snapshot, files: shareableFiles(files), speed: useClusterStore.getState().clock.speed };
  if (shared.files.some((f) => f.name === active)) shared.active = active;
  const dock = useLessonStore.getState().dock;
  if (dock.view === 'lesson') shared.lesson = dock.id;
  const route = useRouteStore.getState().route;
  if (route.page === 'scenario' && isConceptId(route.id)) shared.scenario = route.id;
  return shared;
}

/**
 * The files as a link may carry them: a name an older build let through (a slash, a control character,
 * too long) is made plain so the link opens; the welcome file alone is not worth carrying.
 */
export function shareableFiles(files: readonly SharedFile[]): SharedFile[] {
  const out: SharedFile[] = [];
  for (const f of files) {
    // eslint-disable-next-line no-control-regex
    const plain = f.name.replace(/[\\/]/g, '-').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 128);
    if (fileNameError(plain) || out.some((g) => g.name === plain)) continue;
    out.push({ name: plain, text: f.text });
  }
  const onlyWelcome = out.length === 1 && out[0]!.name === WELCOME_FILE.name && out[0]!.text === WELCOME_FILE.text;
  return onlyWelcome ? [] : out;
}

/**
 * Whether opening a link would replace something the student made: editor files other than the welcome
 * file, or a cluster with inputs beyond the starter app coming up (time passing alone is not work).
 * When the worker cannot tell, the answer is yes, so the student is asked.
 */
export async function hasOwnWork(): Promise<boolean> {
  const { files } = useWorkbenchStore.getState();
  if (files.some((f) => f.name !== WELCOME_FILE.name || f.text !== WELCOME_FILE.text)) return true;
  try {
    const snapshot = await simClient.request({ type: 'snapshot' });
    return snapshot.inputs.some((i) => i.op !== 'advance' && !(i.op === 'apply' && i.text === STARTER_APP_YAML));
  } catch {
    return true;
  }
}

/** Puts the shared state in place: the cluster (paused, at the moment it was shared), the files, then the lesson or scenario. */
export function openShared(shared: SharedState): void {
  simClient.replaceCluster(shared.snapshot, { running: false, speed: shared.speed });
  const workbench = useWorkbenchStore.getState();
  workbench.replaceFiles(shared.files);
  if (shared.active !== undefined) workbench.setActive(shared.active);
  if (shared.lesson !== undefined) replaceRoute({ page: 'lesson', id: shared.lesson });
  if (shared.scenario !== undefined) replaceRoute({ page: 'scenario', id: shared.scenario });
  if (shared.lesson === undefined && shared.scenario === undefined) replaceRoute({ page: 'cluster' });
}

/**
 * Leaves `#/share/<data>` for a normal address without a history entry: a reload (or Back) does not
 * import the link again.
 */
export function replaceRoute(route: Route): void {
  history.replaceState(history.state, '', formatRoute(route));
  useRouteStore.setState({ route });
}

/** The address of a link to `data`: this page's address with the share fragment. */
export function shareUrl(data: string): string {
  return `${location.origin}${location.pathname}${location.search}${formatRoute({ page: 'share', data })}`;
}
