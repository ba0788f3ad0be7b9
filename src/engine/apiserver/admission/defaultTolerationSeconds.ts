/**
 * DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds): a new pod that does
 * not already tolerate the node lifecycle controller's NoExecute taints gets tolerations for
 * `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` for 300 s, so it is evicted five
 * minutes after its node fails.
 */
import type { Toleration } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from '../apiserver';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const DEFAULT_TOLERATION_SECONDS = 300;

/** Whether a toleration tolerates a NoExecute taint with this key (Toleration.ToleratesTaint). */
function toleratesNoExecute(t: Toleration, key: string): boolean {
  if (t.effect && t.effect !== 'NoExecute') return false;
  if (t.key && t.key !== key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  return true;
}

export const defaultTolerationSecondsPlugin: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  kinds: ['Pod'],
  admit(obj, ctx) {
    if (ctx.operation !== 'CREATE') return;
    const spec = obj.spec as { tolerations?: Toleration[] } | undefined;
    if (!spec || typeof spec !== 'object') return;
    const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
    const added: Toleration[] = [];
    for (const key of [NOT_READY_TAINT, UNREACHABLE_TAINT]) {
      if (tolerations.some((t) => t && toleratesNoExecute(t, key))) continue;
      added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
    if (added.length > 0) spec.tolerations = [...tolerations, ...added];
  },
};
