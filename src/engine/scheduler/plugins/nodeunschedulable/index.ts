/**
 * NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable): a cordoned node
 * (`spec.unschedulable: true`) accepts only pods that tolerate the `node.kubernetes.io/unschedulable`
 * NoSchedule taint.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import type { FilterFailure, FilterPlugin } from '../../framework/types';
import { tolerationsTolerateTaint } from '../../../apiserver/tolerations';

export const NAME = 'NodeUnschedulable';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
const FAILURE: FilterFailure = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_UNSCHEDULABLE] };

export const nodeUnschedulable: FilterPlugin = {
  name: NAME,
  filter(pod, node) {
    if (!node.unschedulable) return undefined;
    return tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT) ? undefined : FAILURE;
  },
};
