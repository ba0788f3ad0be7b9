/**
 * The legacy Endpoints controller (pkg/controller/endpoint): one `Endpoints` object per Service with a
 * selector, named like the Service and carrying its labels, listing ready pod addresses under
 * `addresses` and the others under `notReadyAddresses` (terminating pods are left out unless the Service
 * sets publishNotReadyAddresses). Unlike EndpointSlices it has no ownerReference: the controller itself
 * deletes it when the Service goes. Services without a selector are left alone (their Endpoints belong
 * to the user, or to the apiserver for `kubernetes`).
 */
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { isDeepEqual } from '../../apiserver/deepEqual';
import { fromLabelSelector } from '../../apiserver/labels';
import { objectKey, splitKey } from '../../objects';
import { ServiceSelectorIndex } from '../endpointslice/serviceSelectorIndex';
import { sameLabels } from '../endpointslice/podEndpoints';
import { endpointSubsetsFor } from './subsets';

export const ENDPOINTS_CONTROLLER_NAME = 'endpoints-controller';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

export function createEndpointsController(ctx: ControllerContext): Controller {
  const { api } = ctx;
  const services = new ServiceSelectorIndex(api);
  let writing = false;

  function syncService(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = api.get<Service>('Service', namespace, name);
    const current = api.get<Endpoints>('Endpoints', namespace, name);
    if (!svc) {
      // The Service was deleted: so is the Endpoints object this controller made for it.
      if (current?.metadata.annotations?.[TRIGGER_TIME_ANNOTATION] !== undefined) write(() => api.delete('Endpoints', namespace, name));
      return;
    }
    if (!svc.spec?.selector || svc.metadata.deletionTimestamp) return;
    const selector = fromLabelSelector({ matchLabels: svc.spec.selector }) ?? [];
    const pods = api.list<Pod>('Pod', { namespace, selector });
    const subsets = endpointSubsetsFor(svc, pods);
    const labels: Record<string, string> = { ...svc.metadata.labels };
    if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';

    if (current && isDeepEqual(current.subsets ?? [], subsets) && sameLabels(current.metadata.labels, labels)) return;
    const next: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        ...(current ? current.metadata : { name, namespace }),
        labels,
        // Marks the object as this controller's (checkLeftoverEndpoints relies on it) and says when it changed.
        annotations: { ...current?.metadata.annotations, [TRIGGER_TIME_ANNOTATION]: ctx.clock.nowRfc3339() },
      },
      ...(subsets.length > 0 ? { subsets } : {}),
    };
    if (Object.keys(labels).length === 0) delete next.metadata!.labels;
    write(() => (current ? api.update<Endpoints>(next) : api.create<Endpoints>(next)));
  }

  function write(fn: () => unknown): void {
    writing = true;
    try {
      fn();
    } finally {
      writing = false;
    }
  }

  return new Controller(
    {
      name: ENDPOINTS_CONTROLLER_NAME,
      watches: [
        { kind: 'Service', keys: (ev) => services.onServiceEvent(ev as never) },
        { kind: 'Pod', keys: (ev) => services.servicesForPodEvent(ev as never) },
        {
          // An Endpoints object someone deleted is made again (the controller's onEndpointsDelete).
          kind: 'Endpoints',
          keys: (ev) => (writing || ev.type !== 'DELETED' ? [] : [objectKey(ev.object.metadata.namespace, ev.object.metadata.name)]),
        },
      ],
      listKeys: () => services.relist(),
      sync: (key) => syncService(key),
    },
    ctx,
  );
}
