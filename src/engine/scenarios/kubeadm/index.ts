/**
 * A kubeadm-installed cluster, as the `default` preset builds it: every machine boots with the images
 * `kubeadm config images list` names (as kind's node image ships them), the control-plane machine gets
 * the four static pod manifests of `kubeadm init`, and the addons (kube-proxy, CoreDNS) are created once
 * the nodes have registered.
 */
import type { Kubelet, NodeAgents, NodeProvisioner } from '../../kubelet';
import type { ControlPlaneMachine } from '../../faults/controlPlane';
import { parseImageReference } from '../../runtime/imageReference';
import { KUBEADM_IMAGES, kubeadmStaticPods } from './staticPodManifests';

export { installAddons, KUBE_DNS_IP } from './addons';
export { KUBEADM_IMAGES, kubeadmStaticPods, STATIC_COMPONENTS } from './staticPodManifests';

/** Preloads the images on every machine and writes the static pod manifests on the control-plane ones. */
export function kubeadmProvisioner(controlPlaneNodes: readonly string[]): NodeProvisioner {
  const refs = KUBEADM_IMAGES.map((i) => parseImageReference(i));
  return (kubelet) => {
    kubelet.runtime.preload(refs);
    if (!controlPlaneNodes.includes(kubelet.nodeName)) return;
    for (const pod of kubeadmStaticPods(kubelet.nodeName, kubelet.hostIP)) kubelet.setStaticPodManifest(pod.metadata!.name!, pod);
  };
}

/** stop/start of a control-plane component acts on this machine's manifests directory and kubelet. */
export function kubeadmControlPlaneMachine(nodes: NodeAgents, nodeName: string): () => ControlPlaneMachine | undefined {
  // The manifests kubeadm wrote, kept aside while `stop` has moved one out of staticPodPath.
  const moved = new Map<string, ReturnType<typeof kubeadmStaticPods>[number]>();
  return () => {
    const kubelet: Kubelet | undefined = nodes.kubelet(nodeName);
    if (!kubelet) return undefined;
    return {
      nodeName,
      get powered() {
        return kubelet.state !== 'poweredOff';
      },
      containerStartedAt(manifest) {
        const pod = kubelet.staticPod(manifest);
        const slot = pod ? kubelet.slot(pod.metadata.namespace ?? 'kube-system', pod.metadata.name, manifest) : undefined;
        return slot?.running ? slot.current?.startedMs : undefined;
      },
      setManifest(manifest, present) {
        if (present) {
          const pod = moved.get(manifest);
          if (!pod) return;
          moved.delete(manifest);
          kubelet.setStaticPodManifest(manifest, pod);
        } else {
          const pod = kubeadmStaticPods(nodeName, kubelet.hostIP).find((p) => p.metadata?.name === manifest);
          if (!pod || !kubelet.staticPod(manifest)) return;
          moved.set(manifest, pod);
          kubelet.setStaticPodManifest(manifest, undefined);
        }
      },
      processExited(manifest, exitCode) {
        const pod = kubelet.staticPod(manifest);
        if (pod) kubelet.killContainer(pod.metadata.namespace ?? 'kube-system', pod.metadata.name, manifest, exitCode);
      },
    };
  };
}
