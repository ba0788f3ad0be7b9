/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a selector, the
 * EndpointSlices (`<service>-<5 chars>`, labelled `kubernetes.io/service-name` and managed-by
 * `endpointslice-controller.k8s.io`, owned by the Service) that list the pods the selector matches.
 * Services without a selector get no slices from it (the apiserver or the user provides endpoints).
 *
 * It watches Services, Pods (only changes that can change an endpoint) and its own slices (a slice
 * someone else changed or deleted is put right), ignoring the echoes of its own writes as the real
 * controller's endpointSliceTracker does.
 */
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { objectKey, ownerReferenceTo, splitKey, type Stored } from '../../objects';
import { fromLabelSelector } from '../../apiserver/labels';
import { ServiceSelectorIndex } from './serviceSelectorIndex';
import { desiredPortGroups, ZONE_LABEL } from './desiredEndpoints';
import { DEFAULT_MAX_ENDPOINTS_PER_SLICE, reconcileSlices, type StoredSlice } from './reconcileSlices';

export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'endpointslice-controller.k8s.io';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';

export interface EndpointSliceControllerOptions {
  /** --max-endpoints-per-slice (default 100). */
  maxEndpointsPerSlice?: number;
}

export function createEndpointSliceController(ctx: ControllerContext, opts: EndpointSliceControllerOptions = {}): Controller {
  const { api } = ctx;
  const maxPerSlice = opts.maxEndpointsPerSlice ?? DEFAULT_MAX_ENDPOINTS_PER_SLICE;
  const services = new ServiceSelectorIndex(api);
  /** True while this controller writes slices: the watch events of its own writes are not work. */
  let writing = false;

  function sliceLabels(svc: Stored<Service>): Record<string, string> {
    const labels: Record<string, string> = { ...svc.metadata.labels, [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
    if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    return labels;
  }

  function syncService(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = api.get<Service>('Service', namespace, name);
    // A deleted Service's slices go with it through their ownerReference (garbage collector).
    if (!svc || !svc.spec?.selector || svc.metadata.deletionTimestamp) return;
    const selector = fromLabelSelector({ matchLabels: svc.spec.selector }) ?? [];
    const pods = api.list<Pod>('Pod', { namespace, selector });
    const zoneOf = (node: string) => api.peek<Node>('Node', undefined, node)?.metadata.labels?.[ZONE_LABEL];
    const desired = desiredPortGroups(svc, pods, zoneOf);
    const existing = api.list<EndpointSlice>('EndpointSlice', {
      namespace,
      selector: [
        { key: SERVICE_NAME_LABEL, operator: 'In', values: [name] },
        { key: MANAGED_BY_LABEL, operator: 'In', values: [MANAGED_BY_VALUE] },
      ],
    });
    const labels = sliceLabels(svc);
    const plan = reconcileSlices(desired, existing, labels, maxPerSlice);
    writing = true;
    try {
      applyPlan(plan, svc, labels);
    } finally {
      writing = false;
    }
  }

  function applyPlan(plan: ReturnType<typeof reconcileSlices>, svc: Stored<Service>, labels: Record<string, string>): void {
    const namespace = svc.metadata.namespace;
    const name = svc.metadata.name;

    for (const s of plan.update) {
      const next: Stored<EndpointSlice> = { ...s.slice, metadata: { ...s.slice.metadata, labels: { ...s.slice.metadata.labels, ...labels } }, endpoints: s.endpoints };
      if (s.ports) next.ports = s.ports;
      else delete next.ports;
      api.update<EndpointSlice>(next);
    }
    for (const c of plan.create) {
      const slice: EndpointSlice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { generateName: `${name}-`, namespace, labels, ownerReferences: [ownerReferenceTo(svc)] },
        addressType: 'IPv4',
        endpoints: c.endpoints,
        ...(c.ports ? { ports: c.ports } : {}),
      };
      api.create<EndpointSlice>(slice);
    }
    for (const s of plan.delete) {
      api.delete('EndpointSlice', namespace, s.metadata.name);
    }
  }

  return new Controller(
    {
      name: ENDPOINTSLICE_CONTROLLER_NAME,
      watches: [
        { kind: 'Service', keys: (ev) => services.onServiceEvent(ev as never) },
        { kind: 'Pod', keys: (ev) => services.servicesForPodEvent(ev as never) },
        {
          kind: 'EndpointSlice',
          keys: (ev) => {
            if (writing) return [];
            const slice = ev.object as StoredSlice;
            const labels = slice.metadata.labels;
            if (labels?.[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE || !labels[SERVICE_NAME_LABEL]) return [];
            return [objectKey(slice.metadata.namespace, labels[SERVICE_NAME_LABEL])];
          },
        },
      ],
      listKeys: () => services.relist(),
      sync: (key) => syncService(key),
    },
    ctx,
  );
}
