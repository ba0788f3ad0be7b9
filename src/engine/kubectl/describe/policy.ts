/**
 * `kubectl describe` for PodDisruptionBudgets, ResourceQuotas and LimitRanges (describe.go:
 * describePodDisruptionBudgetV1, describeQuota, describeLimitRange).
 */
import type { LimitRange, ResourceQuota } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { formatLabelSelector, intOrString } from '../printers/format';
import { describeEvents, eventsFor } from './common';
import { PrefixWriter } from './prefixWriter';

export function describePodDisruptionBudget(api: ApiServer, obj: Stored, nowMs: number): string {
  const pdb = obj as Stored<PodDisruptionBudget>;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
  if (pdb.spec?.minAvailable !== undefined) w.write(0, `Min available:\t${intOrString(pdb.spec.minAvailable)}\n`);
  else if (pdb.spec?.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${intOrString(pdb.spec.maxUnavailable)}\n`);
  w.write(0, `Selector:\t${pdb.spec?.selector ? formatLabelSelector(pdb.spec.selector) : '<unset>'}\n`);
  const st = pdb.status;
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st?.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st?.expectedPods ?? 0}\n`);
  describeEvents(w, eventsFor(api, pdb), nowMs);
  return w.toString();
}

/** SortableResourceNames: plain string order of the resource names. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function describeResourceQuota(_api: ApiServer, obj: Stored): string {
  const q = obj as Stored<ResourceQuota>;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${q.metadata.name}\n`);
  w.write(0, `Namespace:\t${q.metadata.namespace ?? ''}\n`);
  const scopes = [...(q.spec?.scopes ?? [])].sort(byName);
  if (scopes.length > 0) w.write(0, `Scopes:\t${scopes.join(', ')}\n`);
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const hard = q.status?.hard ?? {};
  const used = q.status?.used ?? {};
  for (const name of Object.keys(hard).sort(byName)) w.write(0, `${name}\t${String(used[name] ?? '0')}\t${String(hard[name])}\n`);
  return w.toString();
}

export function describeLimitRange(_api: ApiServer, obj: Stored): string {
  const lr = obj as Stored<LimitRange>;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${lr.metadata.name}\n`);
  w.write(0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const item of lr.spec?.limits ?? []) {
    const names = new Set<string>();
    for (const list of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) for (const k of Object.keys(list ?? {})) names.add(k);
    // kubectl walks a Go map here (no fixed order); the playground lists the resources by name.
    for (const k of [...names].sort(byName)) {
      const cell = (list: Record<string, string | number> | undefined) => (list?.[k] !== undefined ? String(list[k]) : '-');
      w.write(0, `${item.type}\t${k}\t${cell(item.min)}\t${cell(item.max)}\t${cell(item.defaultRequest)}\t${cell(item.default)}\t${cell(item.maxLimitRequestRatio)}\n`);
    }
  }
  return w.toString();
}
