/**
 * controller.GetPodFromTemplate: the pod a workload controller asks the API server to create from its
 * template: the template's labels, annotations, finalizers and spec, a controller owner reference, and
 * `generateName: <owner>-` so that the API server appends the random 5-character suffix.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from '../../objects';

export function podFromTemplate(template: PodTemplateSpec | undefined, namespace: string, controllerRef: OwnerReference, name: { generateName: string } | { name: string }): Pod {
  const meta = template?.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...name,
      namespace,
      ...(meta.labels ? { labels: meta.labels } : {}),
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
      ...(meta.finalizers ? { finalizers: meta.finalizers } : {}),
      ownerReferences: [controllerRef],
    },
    // Shared with the template on purpose: ApiServer.create copies its input before storing it.
    spec: template?.spec ?? { containers: [] },
  };
}
