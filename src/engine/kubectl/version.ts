/** The Kubernetes version the playground's kubectl and control plane report. */
export const KUBERNETES_VERSION = 'v1.31.4';
/** The kustomize bundled with kubectl 1.31. */
export const KUSTOMIZE_VERSION = 'v5.4.2';
export const API_SERVER_URL = 'https://10.0.0.10:6443';
