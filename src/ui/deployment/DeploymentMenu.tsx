import { useEffect } from 'react';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { useTranslation } from 'react-i18next';
import { useDismissableMenu } from '../menus/useDismissableMenu';
import { objectKey } from '../../engine/objects';
import { useClusterStore } from '../../store/clusterStore';
import { kindOf } from '../../store/selectors';
import { simClient } from '../../client/simClient';
import { sendFault } from '../faults/sendFault';
import { useFaultStore } from '../../store/faultStore';
import { DEPLOYMENT_ACTIONS, deploymentCommand } from './deploymentActions';
import { useDeploymentMenuStore } from './deploymentMenuStore';

const RESULT_MS = 6000;

/** Runs a kubectl line for the menu and keeps what it printed for the result strip. */
export async function runMenuCommand(line: string): Promise<void> {
  const store = useDeploymentMenuStore.getState();
  try {
    const r = await simClient.kubectl(line.replace(/^kubectl /, ''));
    store.setResult(line, (r.exitCode === 0 ? r.stdout : r.stderr || r.stdout).trim(), r.exitCode === 0);
  } catch (e) {
    store.setResult(line, e instanceof Error ? e.message : String(e), false);
  }
}

/** Right-click (or the "Actions…" button) on a Deployment: scale, restart, undo, through kubectl. */
export function DeploymentMenu() {
  const { t } = useTranslation();
  const menu = useDeploymentMenuStore((s) => s.menu);
  const close = useDeploymentMenuStore((s) => s.close);
  const replicas = useClusterStore((s) => (menu ? ((kindOf(s.objects, 'Deployment')[objectKey(menu.namespace, menu.name)] as Deployment | undefined)?.spec?.replicas ?? 1) : 0));
  const ref = useDismissableMenu(menu !== undefined, close);
  if (!menu) return null;
  const left = Math.min(menu.x, window.innerWidth - 300);
  const top = Math.min(menu.y, window.innerHeight - 240);
  return (
    <div ref={ref} className="fault-menu deployment-menu" role="menu" aria-label={t('deploymentMenu.label', { name: menu.name })} style={{ left, top }} data-testid="deployment-menu">
      <div className="fault-menu-title">deployment/{menu.name}</div>
      {DEPLOYMENT_ACTIONS.map((action) => {
        const line = deploymentCommand(action, menu.namespace, menu.name, replicas);
        return (
          <div key={action} className="fault-menu-row">
            <button
              type="button"
              role="menuitem"
              className="fault-menu-item"
              disabled={!line}
              title={line}
              onClick={() => {
                close();
                if (line) void runMenuCommand(line);
              }}
            >
              {t(`deploymentMenu.${action}`)}
            </button>
          </div>
        );
      })}
      <div className="fault-menu-row">
        <button
          type="button"
          role="menuitem"
          className="fault-menu-item is-fault"
          onClick={() => {
            close();
            void sendFault({ fault: 'bad-image', target: `${menu.namespace}/${menu.name}` });
            useFaultStore.getState().togglePanel(true);
          }}
        >
          {t('deploymentMenu.bad-image')}
        </button>
      </div>
    </div>
  );
}

/** The last menu command and kubectl's answer, at the canvas's foot for a few seconds. */
export function DeploymentMenuResult() {
  const result = useDeploymentMenuStore((s) => s.result);
  useEffect(() => {
    if (!result) return;
    const handle = setTimeout(() => useDeploymentMenuStore.getState().clearResult(result.seq), RESULT_MS);
    return () => clearTimeout(handle);
  }, [result]);
  if (!result) return null;
  return (
    <div className={`menu-result ${result.ok ? 'is-ok' : 'is-error'}`} role="status" data-testid="menu-result">
      <code>$ {result.line}</code>
      <span>{result.output}</span>
    </div>
  );
}

/** Opens the menu at the pointer (right-click) or under the element (keyboard, the Actions button). */
export function openDeploymentMenu(e: React.MouseEvent, namespace: string, name: string): void {
  e.preventDefault();
  e.stopPropagation();
  let { clientX: x, clientY: y } = e;
  if (x === 0 && y === 0) {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    x = r.left;
    y = r.bottom;
  }
  useDeploymentMenuStore.getState().open(x, y, namespace, name);
}
