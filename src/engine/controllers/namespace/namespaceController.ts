/**
 * The namespace controller (pkg/controller/namespace, `namespace-controller`). Deleting a namespace
 * only marks it (deletionTimestamp, phase Terminating); this controller then deletes every namespaced
 * object in it (pods stop gracefully, so it waits for them), reports progress in the namespace's
 * status conditions, and when nothing is left removes the `kubernetes` finalizer, which lets the
 * namespace go.
 */
import type { Namespace, NamespaceCondition } from 'kubernetes-types/core/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { isDeepEqual } from '../../apiserver/deepEqual';
import { RESOURCE_TYPES } from '../../apiserver/resources';

export const NAMESPACE_CONTROLLER_NAME = 'namespace-controller';
/** How soon to look again while content remains (pods finishing their grace period). */
const CONTENT_RECHECK_MS = 1_000;

const NAMESPACED_KINDS = RESOURCE_TYPES.filter((r) => r.namespaced && r.kind !== 'Event');

function conditions(remaining: Map<string, number>, finalizers: Map<string, number>, now: string): NamespaceCondition[] {
  const cond = (type: string, status: 'True' | 'False', reason: string, message: string): NamespaceCondition => ({ type, status, reason, message, lastTransitionTime: now });
  const out = [
    cond('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
    cond('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    cond('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
  ];
  if (remaining.size > 0) {
    const parts = [...remaining].map(([resource, n]) => `${resource} has ${n} resource instances`);
    out.push(cond('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${parts.join(', ')}`));
  } else out.push(cond('NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'));
  if (finalizers.size > 0) {
    const parts = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`);
    out.push(cond('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`));
  } else out.push(cond('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'));
  return out;
}

export function createNamespaceController(ctx: ControllerContext): Controller {
  const { api, clock } = ctx;

  function syncNamespace(name: string): { requeueAfterMs?: number } | void {
    const ns = api.get<Namespace>('Namespace', undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const resource of NAMESPACED_KINDS) {
      let left = 0;
      for (const obj of api.list(resource.kind, { namespace: name })) {
        if (!obj.metadata.deletionTimestamp) api.delete(resource.kind, name, obj.metadata.name);
        const still = api.peek(resource.kind, name, obj.metadata.name);
        if (!still) continue;
        left++;
        for (const f of still.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
      }
      // The message names the group-qualified resource, e.g. `pods.` for the core group.
      if (left > 0) remaining.set(`${resource.plural}.${resource.group}`, left);
    }
    const nextConditions = conditions(remaining, finalizers, clock.nowRfc3339());
    const current = ns.status?.conditions ?? [];
    const same = current.length === nextConditions.length && current.every((c, i) => c.type === nextConditions[i]!.type && c.status === nextConditions[i]!.status && c.message === nextConditions[i]!.message);
    if (!same) {
      const merged = nextConditions.map((c) => {
        const old = current.find((o) => o.type === c.type);
        return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
      });
      if (!isDeepEqual(merged, current)) api.updateStatus<Namespace>({ ...ns, status: { ...ns.status, conditions: merged } });
    }
    if (remaining.size > 0) return { requeueAfterMs: CONTENT_RECHECK_MS };
    // Events recorded while the content was going do not hold the namespace up.
    for (const ev of api.list('Event', { namespace: name })) api.delete('Event', name, ev.metadata.name);
    api.finalize('Namespace', undefined, name);
  }

  return new Controller(
    {
      name: NAMESPACE_CONTROLLER_NAME,
      watches: [{ kind: 'Namespace', keys: (ev) => (ev.type !== 'DELETED' && ev.object.metadata.deletionTimestamp ? [ev.object.metadata.name] : []) }],
      listKeys: function* () {
        for (const ns of api.peekList('Namespace')) if (ns.metadata.deletionTimestamp) yield ns.metadata.name;
      },
      sync: syncNamespace,
    },
    ctx,
  );
}
