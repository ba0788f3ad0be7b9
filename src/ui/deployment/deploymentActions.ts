/**
 * The Deployment's menu on the canvas: each action is the kubectl line a student would type, sent to the
 * worker's kubectl, so the menu teaches the command as it runs it.
 */
export type DeploymentAction = 'scale-up' | 'scale-down' | 'rollout-restart' | 'rollout-undo';

export const DEPLOYMENT_ACTIONS: readonly DeploymentAction[] = ['scale-up', 'scale-down', 'rollout-restart', 'rollout-undo'];

/** Largest replica count the menu's "+1" goes to: more only clutters the canvas (kubectl takes any). */
export const MENU_MAX_REPLICAS = 20;

/** The kubectl line for an action, or undefined when it does not apply (scaling below 0 or above the cap). */
export function deploymentCommand(action: DeploymentAction, namespace: string, name: string, replicas: number): string | undefined {
  const ns = namespace === 'default' ? '' : ` -n ${namespace}`;
  switch (action) {
    case 'scale-up':
      return replicas >= MENU_MAX_REPLICAS ? undefined : `kubectl scale deployment/${name} --replicas=${replicas + 1}${ns}`;
    case 'scale-down':
      return replicas <= 0 ? undefined : `kubectl scale deployment/${name} --replicas=${replicas - 1}${ns}`;
    case 'rollout-restart':
      return `kubectl rollout restart deployment/${name}${ns}`;
    case 'rollout-undo':
      return `kubectl rollout undo deployment/${name}${ns}`;
  }
}
