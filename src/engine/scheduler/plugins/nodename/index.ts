/**
 * NodeName (pkg/scheduler/framework/plugins/nodename): a pod that names a node in spec.nodeName fits
 * only that node. (Such pods normally bypass the scheduler: the kubelet of that node runs them.)
 */
import type { FilterFailure, FilterPlugin } from '../../framework/types';

export const NAME = 'NodeName';
export const ERR_REASON = "node(s) didn't match the requested node name";

const FAILURE: FilterFailure = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON] };

export const nodeName: FilterPlugin = {
  name: NAME,
  preFilter(pod) {
    return pod.nodeName !== undefined;
  },
  filter(pod, node) {
    return pod.nodeName === undefined || pod.nodeName === node.name ? undefined : FAILURE;
  },
};
