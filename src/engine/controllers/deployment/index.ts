/** createDeploymentController: the Deployment controller wired to the API server's watches. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { WatchEvent } from '../../apiserver/apiserver';
import { fromLabelSelector, matchesSelector } from '../../apiserver/labels';
import { controllerOf, keyOf, objectKey, type Stored } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { DEPLOYMENT_CONTROLLER_NAME, DeploymentSyncer } from './deploymentController';

export { DeploymentSyncer, DEPLOYMENT_CONTROLLER_NAME } from './deploymentController';

export function createDeploymentController(ctx: ControllerContext): Controller {
  const syncer = new DeploymentSyncer(ctx);

  const deploymentKeyOf = (obj: Stored): string | undefined => {
    const ref = controllerOf(obj);
    return ref?.kind === 'Deployment' ? objectKey(obj.metadata.namespace, ref.name) : undefined;
  };

  /** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan ReplicaSet. */
  const deploymentsMatching = (rs: Stored<ReplicaSet>): string[] => {
    const namespace = rs.metadata.namespace ?? 'default';
    const keys: string[] = [];
    for (const d of ctx.api.peekList<Deployment>('Deployment', { namespace })) {
      const selector = fromLabelSelector(d.spec?.selector);
      if (selector && selector.length > 0 && matchesSelector(selector, rs.metadata.labels)) keys.push(keyOf(d));
    }
    return keys;
  };

  const replicaSetKeys = (event: WatchEvent): string[] => {
    const rs = event.object as Stored<ReplicaSet>;
    const keys: string[] = [];
    const oldKey = event.old ? deploymentKeyOf(event.old) : undefined;
    const key = deploymentKeyOf(rs);
    if (oldKey && oldKey !== key) keys.push(oldKey);
    if (key) keys.push(key);
    else if (event.type !== 'DELETED') keys.push(...deploymentsMatching(rs));
    return keys;
  };

  /** A pod gone for good can let a Recreate rollout proceed (deletePod in deployment_controller.go). */
  const podKeys = (event: WatchEvent): string[] => {
    if (event.type !== 'DELETED') return [];
    const ref = controllerOf(event.object);
    if (ref?.kind !== 'ReplicaSet') return [];
    const rs = ctx.api.peek<ReplicaSet>('ReplicaSet', event.object.metadata.namespace, ref.name);
    if (!rs) return [];
    const key = deploymentKeyOf(rs);
    if (!key) return [];
    const { namespace, name } = { namespace: rs.metadata.namespace, name: controllerOf(rs)!.name };
    const d = ctx.api.peek<Deployment>('Deployment', namespace, name);
    return d?.spec?.strategy?.type === 'Recreate' ? [key] : [];
  };

  return new Controller(
    {
      name: DEPLOYMENT_CONTROLLER_NAME,
      watches: [
        { kind: 'Deployment', keys: (e) => [keyOf(e.object)] },
        { kind: 'ReplicaSet', keys: replicaSetKeys },
        { kind: 'Pod', keys: podKeys },
      ],
      listKeys: () => ctx.api.peekList('Deployment').map((d) => keyOf(d)),
      sync: (key) => syncer.sync(key),
    },
    ctx,
  );
}
