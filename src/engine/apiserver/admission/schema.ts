/**
 * The Go types the API server decodes objects into, reduced to what decoding checks: each field's JSON
 * type, and for the structs listed in full (`strict`) which field names exist. Fields typed `any` are
 * not checked. Type expressions: `string`, `bool`, `int32`, `int64`, `intstr`, `quantity`, `bytes`
 * (base64 text), `any`, `[]T`, `map[T]` (string keys), or a struct name from STRUCTS.
 */

export interface StructSchema {
  fields: Record<string, string>;
  /** Every field is listed: anything else is an unknown field (server-side strict field validation). */
  strict?: boolean;
  /** Go package of the type, for messages (`v1.Container`). */
  pkg?: string;
}

const LABEL_SELECTOR: StructSchema = {
  strict: true,
  fields: { matchLabels: 'map[string]', matchExpressions: '[]LabelSelectorRequirement' },
};

export const STRUCTS: Record<string, StructSchema> = {
  ObjectMeta: {
    strict: true,
    fields: {
      name: 'string',
      generateName: 'string',
      namespace: 'string',
      selfLink: 'string',
      uid: 'string',
      resourceVersion: 'string',
      generation: 'int64',
      creationTimestamp: 'any',
      deletionTimestamp: 'any',
      deletionGracePeriodSeconds: 'int64',
      labels: 'map[string]',
      annotations: 'map[string]',
      ownerReferences: 'any',
      finalizers: '[]string',
      managedFields: 'any',
    },
  },
  LabelSelector: LABEL_SELECTOR,
  LabelSelectorRequirement: { strict: true, fields: { key: 'string', operator: 'string', values: '[]string' } },
  PodTemplateSpec: { strict: true, fields: { metadata: 'ObjectMeta', spec: 'PodSpec' } },
  PodSpec: {
    strict: true,
    fields: {
      volumes: '[]Volume',
      initContainers: '[]Container',
      containers: '[]Container',
      ephemeralContainers: 'any',
      restartPolicy: 'string',
      terminationGracePeriodSeconds: 'int64',
      activeDeadlineSeconds: 'int64',
      dnsPolicy: 'string',
      nodeSelector: 'map[string]',
      serviceAccountName: 'string',
      serviceAccount: 'string',
      automountServiceAccountToken: 'bool',
      nodeName: 'string',
      hostNetwork: 'bool',
      hostPID: 'bool',
      hostIPC: 'bool',
      shareProcessNamespace: 'bool',
      securityContext: 'any',
      imagePullSecrets: 'any',
      hostname: 'string',
      hostnameOverride: 'string',
      subdomain: 'string',
      affinity: 'any',
      schedulerName: 'string',
      tolerations: '[]Toleration',
      hostAliases: 'any',
      priorityClassName: 'string',
      priority: 'int32',
      dnsConfig: 'any',
      readinessGates: 'any',
      runtimeClassName: 'string',
      enableServiceLinks: 'bool',
      preemptionPolicy: 'string',
      overhead: 'map[quantity]',
      topologySpreadConstraints: 'any',
      setHostnameAsFQDN: 'bool',
      os: 'any',
      hostUsers: 'bool',
      schedulingGates: 'any',
      resourceClaims: 'any',
      resources: 'ResourceRequirements',
      workloadRef: 'any',
    },
  },
  Container: {
    strict: true,
    fields: {
      name: 'string',
      image: 'string',
      command: '[]string',
      args: '[]string',
      workingDir: 'string',
      ports: '[]ContainerPort',
      envFrom: 'any',
      env: '[]EnvVar',
      resources: 'ResourceRequirements',
      resizePolicy: 'any',
      restartPolicy: 'string',
      restartPolicyRules: 'any',
      volumeMounts: '[]VolumeMount',
      volumeDevices: 'any',
      livenessProbe: 'Probe',
      readinessProbe: 'Probe',
      startupProbe: 'Probe',
      lifecycle: 'any',
      terminationMessagePath: 'string',
      terminationMessagePolicy: 'string',
      imagePullPolicy: 'string',
      securityContext: 'any',
      stdin: 'bool',
      stdinOnce: 'bool',
      tty: 'bool',
    },
  },
  ContainerPort: { strict: true, fields: { name: 'string', hostPort: 'int32', containerPort: 'int32', protocol: 'string', hostIP: 'string' } },
  EnvVar: { strict: true, fields: { name: 'string', value: 'string', valueFrom: 'any' } },
  ResourceRequirements: { strict: true, fields: { limits: 'map[quantity]', requests: 'map[quantity]', claims: 'any' } },
  VolumeMount: {
    strict: true,
    fields: {
      name: 'string',
      readOnly: 'bool',
      recursiveReadOnly: 'string',
      mountPath: 'string',
      subPath: 'string',
      mountPropagation: 'string',
      subPathExpr: 'string',
    },
  },
  Volume: { fields: { name: 'string' } },
  Probe: {
    strict: true,
    fields: {
      exec: 'any',
      httpGet: 'HTTPGetAction',
      tcpSocket: 'TCPSocketAction',
      grpc: 'any',
      initialDelaySeconds: 'int32',
      timeoutSeconds: 'int32',
      periodSeconds: 'int32',
      successThreshold: 'int32',
      failureThreshold: 'int32',
      terminationGracePeriodSeconds: 'int64',
    },
  },
  HTTPGetAction: { strict: true, fields: { path: 'string', port: 'intstr', host: 'string', scheme: 'string', httpHeaders: 'any' } },
  TCPSocketAction: { strict: true, fields: { port: 'intstr', host: 'string' } },
  Toleration: { strict: true, fields: { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' } },

  DeploymentSpec: {
    strict: true,
    pkg: 'v1',
    fields: {
      replicas: 'int32',
      selector: 'LabelSelector',
      template: 'PodTemplateSpec',
      strategy: 'DeploymentStrategy',
      minReadySeconds: 'int32',
      revisionHistoryLimit: 'int32',
      paused: 'bool',
      progressDeadlineSeconds: 'int32',
    },
  },
  DeploymentStrategy: { strict: true, fields: { type: 'string', rollingUpdate: 'RollingUpdateDeployment' } },
  RollingUpdateDeployment: { strict: true, fields: { maxUnavailable: 'intstr', maxSurge: 'intstr' } },
  ReplicaSetSpec: { strict: true, fields: { replicas: 'int32', minReadySeconds: 'int32', selector: 'LabelSelector', template: 'PodTemplateSpec' } },
  StatefulSetSpec: {
    fields: {
      replicas: 'int32',
      selector: 'LabelSelector',
      template: 'PodTemplateSpec',
      serviceName: 'string',
      podManagementPolicy: 'string',
      revisionHistoryLimit: 'int32',
      minReadySeconds: 'int32',
    },
  },
  DaemonSetSpec: { fields: { selector: 'LabelSelector', template: 'PodTemplateSpec', minReadySeconds: 'int32', revisionHistoryLimit: 'int32' } },
  JobSpec: {
    fields: {
      parallelism: 'int32',
      completions: 'int32',
      activeDeadlineSeconds: 'int64',
      backoffLimit: 'int32',
      backoffLimitPerIndex: 'int32',
      maxFailedIndexes: 'int32',
      selector: 'LabelSelector',
      manualSelector: 'bool',
      template: 'PodTemplateSpec',
      ttlSecondsAfterFinished: 'int32',
      completionMode: 'string',
      suspend: 'bool',
    },
  },
  JobTemplateSpec: { strict: true, fields: { metadata: 'ObjectMeta', spec: 'JobSpec' } },
  CronJobSpec: {
    fields: {
      schedule: 'string',
      timeZone: 'string',
      startingDeadlineSeconds: 'int64',
      concurrencyPolicy: 'string',
      suspend: 'bool',
      jobTemplate: 'JobTemplateSpec',
      successfulJobsHistoryLimit: 'int32',
      failedJobsHistoryLimit: 'int32',
    },
  },
  ServiceSpec: {
    strict: true,
    fields: {
      ports: '[]ServicePort',
      selector: 'map[string]',
      clusterIP: 'string',
      clusterIPs: '[]string',
      type: 'string',
      externalIPs: '[]string',
      sessionAffinity: 'string',
      loadBalancerIP: 'string',
      loadBalancerSourceRanges: '[]string',
      externalName: 'string',
      externalTrafficPolicy: 'string',
      healthCheckNodePort: 'int32',
      publishNotReadyAddresses: 'bool',
      sessionAffinityConfig: 'any',
      ipFamilies: '[]string',
      ipFamilyPolicy: 'string',
      allocateLoadBalancerNodePorts: 'bool',
      loadBalancerClass: 'string',
      internalTrafficPolicy: 'string',
      trafficDistribution: 'string',
    },
  },
  ServicePort: { strict: true, fields: { name: 'string', protocol: 'string', appProtocol: 'string', port: 'int32', targetPort: 'intstr', nodePort: 'int32' } },
  HorizontalPodAutoscalerSpec: {
    fields: { scaleTargetRef: 'CrossVersionObjectReference', minReplicas: 'int32', maxReplicas: 'int32', targetCPUUtilizationPercentage: 'int32', metrics: 'any', behavior: 'any' },
  },
  CrossVersionObjectReference: { strict: true, fields: { kind: 'string', name: 'string', apiVersion: 'string' } },
  PersistentVolumeClaimSpec: {
    fields: { accessModes: '[]string', resources: 'ResourceRequirements', storageClassName: 'string', volumeMode: 'string', volumeName: 'string', selector: 'LabelSelector' },
  },
  PersistentVolumeSpec: { fields: { capacity: 'map[quantity]', accessModes: '[]string', persistentVolumeReclaimPolicy: 'string', storageClassName: 'string', volumeMode: 'string' } },
  NodeSpec: { fields: { unschedulable: 'bool', podCIDR: 'string', providerID: 'string', taints: 'any' } },
  NodeStatus: { fields: { capacity: 'map[quantity]', allocatable: 'map[quantity]' } },
  ResourceQuotaSpec: { fields: { hard: 'map[quantity]' } },
  LimitRangeSpec: { fields: { limits: '[]LimitRangeItem' } },
  LimitRangeItem: {
    strict: true,
    fields: {
      type: 'string',
      max: 'map[quantity]',
      min: 'map[quantity]',
      default: 'map[quantity]',
      defaultRequest: 'map[quantity]',
      maxLimitRequestRatio: 'map[quantity]',
    },
  },
};

/** The top level of each kind: field → type. Kinds listed here reject unknown top-level fields. */
export const TOP_LEVEL: Record<string, Record<string, string>> = {
  Pod: { spec: 'PodSpec', status: 'any' },
  Deployment: { spec: 'DeploymentSpec', status: 'any' },
  ReplicaSet: { spec: 'ReplicaSetSpec', status: 'any' },
  StatefulSet: { spec: 'StatefulSetSpec', status: 'any' },
  DaemonSet: { spec: 'DaemonSetSpec', status: 'any' },
  Job: { spec: 'JobSpec', status: 'any' },
  CronJob: { spec: 'CronJobSpec', status: 'any' },
  Service: { spec: 'ServiceSpec', status: 'any' },
  HorizontalPodAutoscaler: { spec: 'HorizontalPodAutoscalerSpec', status: 'any' },
  PersistentVolumeClaim: { spec: 'PersistentVolumeClaimSpec', status: 'any' },
  PersistentVolume: { spec: 'PersistentVolumeSpec', status: 'any' },
  Node: { spec: 'NodeSpec', status: 'NodeStatus' },
  ResourceQuota: { spec: 'ResourceQuotaSpec', status: 'any' },
  LimitRange: { spec: 'LimitRangeSpec' },
  Secret: { data: 'map[bytes]', stringData: 'map[string]', type: 'string', immutable: 'bool' },
  ConfigMap: { data: 'map[string]', binaryData: 'map[bytes]', immutable: 'bool' },
  Namespace: { spec: 'any', status: 'any' },
  PriorityClass: { value: 'int32', globalDefault: 'bool', description: 'string', preemptionPolicy: 'string' },
  ServiceAccount: { secrets: 'any', imagePullSecrets: 'any', automountServiceAccountToken: 'bool' },
};

/** Go type name of a struct for messages: `v1.Container`. */
export function goTypeName(type: string): string {
  if (type.startsWith('[]')) return `[]${goTypeName(type.slice(2))}`;
  if (type.startsWith('map[')) {
    const inner = type.slice(4, -1);
    return `map[string]${inner === 'quantity' ? 'resource.Quantity' : inner === 'bytes' ? '[]uint8' : inner}`;
  }
  switch (type) {
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'bytes':
      return '[]uint8';
    case 'string':
    case 'bool':
    case 'int32':
    case 'int64':
      return type;
    default:
      return `v1.${type}`;
  }
}
