/**
 * The service account controller (pkg/controller/serviceaccount, `serviceaccount-controller`): every
 * active namespace has a ServiceAccount named `default` (what pods run as when they name none); one
 * that is deleted is made again. Since 1.24 no token Secret is created for it.
 */
import type { Namespace, ServiceAccount } from 'kubernetes-types/core/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';

export const SERVICEACCOUNT_CONTROLLER_NAME = 'serviceaccount-controller';
export const DEFAULT_SERVICE_ACCOUNT = 'default';

export function createServiceAccountController(ctx: ControllerContext): Controller {
  const { api } = ctx;

  function syncNamespace(name: string): void {
    const ns = api.get<Namespace>('Namespace', undefined, name);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    if (api.get('ServiceAccount', name, DEFAULT_SERVICE_ACCOUNT)) return;
    api.create<ServiceAccount>({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: name } });
  }

  return new Controller(
    {
      name: SERVICEACCOUNT_CONTROLLER_NAME,
      watches: [
        { kind: 'Namespace', keys: (ev) => (ev.type === 'DELETED' ? [] : [ev.object.metadata.name]) },
        {
          kind: 'ServiceAccount',
          keys: (ev) => (ev.type === 'DELETED' && ev.object.metadata.name === DEFAULT_SERVICE_ACCOUNT ? [ev.object.metadata.namespace ?? 'default'] : []),
        },
      ],
      listKeys: () => api.peekList('Namespace').map((ns) => ns.metadata.name),
      sync: syncNamespace,
    },
    ctx,
  );
}
