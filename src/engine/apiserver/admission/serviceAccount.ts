/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount): a pod runs as `default` unless it names
 * another account, which must exist; and, unless automounting is off, it gets the projected API token
 * volume `kube-api-access-<suffix>` mounted in every container at
 * /var/run/secrets/kubernetes.io/serviceaccount.
 *
 * `default` always counts as present: the serviceaccount controller creates it in every namespace.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- admission edits loosely typed JSON */
import { NAME_SUFFIX_ALPHABET } from '../../clock/random';
import { ApiError } from '../errors';
import type { AdmissionPlugin } from '../apiserver';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

function tokenVolume(name: string): Record<string, unknown> {
  return {
    name,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

export const serviceAccountPlugin: AdmissionPlugin = {
  name: 'ServiceAccount',
  kinds: ['Pod'],
  admit(obj, ctx) {
    if (ctx.operation !== 'CREATE') return;
    const spec = obj.spec as Record<string, any> | undefined;
    if (!spec || typeof spec !== 'object') return;
    // A mirror pod is left as the kubelet wrote it: no service account, no token (shouldIgnore/checkMirrorPod).
    if (obj.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return;
    if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT;
    spec.serviceAccount = spec.serviceAccountName;
    const name: string = spec.serviceAccountName;
    const namespace = obj.metadata.namespace;
    let account: { automountServiceAccountToken?: boolean } | undefined;
    if (name !== DEFAULT_SERVICE_ACCOUNT) {
      account = ctx.api.peek('ServiceAccount', namespace, name) as typeof account;
      if (!account) {
        throw new ApiError(
          'Forbidden',
          `pods "${obj.metadata.name ?? ''}" is forbidden: error looking up service account ${namespace ?? 'default'}/${name}: serviceaccount "${name}" not found`,
        );
      }
    } else {
      account = ctx.api.peek('ServiceAccount', namespace, name) as typeof account;
    }
    const automount = spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
    if (!automount) return;
    const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as Record<string, any>[];
    const alreadyMounted = containers.some((c) => (c?.volumeMounts ?? []).some((m: any) => m?.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
    if (alreadyMounted || containers.length === 0) return;
    const volumeName = `kube-api-access-${ctx.random.string(NAME_SUFFIX_ALPHABET, 5)}`;
    spec.volumes = [...(Array.isArray(spec.volumes) ? spec.volumes : []), tokenVolume(volumeName)];
    for (const c of containers) {
      if (!c || typeof c !== 'object') continue;
      c.volumeMounts = [...(Array.isArray(c.volumeMounts) ? c.volumeMounts : []), { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
    }
  },
};
