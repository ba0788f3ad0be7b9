/**
 * Starter manifests, one per kind or concept a student meets first. Small on purpose: each shows the
 * fields that matter for its lesson and nothing else. Titles in both UI languages.
 */
export interface StarterExample {
  id: string;
  /** The kinds the manifest holds, in order. */
  kinds: string[];
  title: { en: string; ko: string };
  fileName: string;
  text: string;
}

export const STARTER_EXAMPLES: readonly StarterExample[] = [
  {
    id: 'pod',
    kinds: ['Pod'],
    title: { en: 'Pod: one container', ko: 'Pod: 컨테이너 하나' },
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
  - name: hello
    image: nginx:1.27
    ports:
    - containerPort: 80
`,
  },
  {
    id: 'deployment',
    kinds: ['Deployment'],
    title: { en: 'Deployment: replicas that heal', ko: 'Deployment: 스스로 복구되는 복제본' },
    fileName: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: shop
        image: nginx:1.27
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`,
  },
  {
    id: 'deployment-service',
    kinds: ['Deployment', 'Service'],
    title: { en: 'Deployment + Service: a stable address', ko: 'Deployment + Service: 변하지 않는 주소' },
    fileName: 'frontend.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: frontend
        image: nginx:1.27
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
spec:
  selector:
    app: frontend
  ports:
  - port: 80
    targetPort: 80
`,
  },
  {
    id: 'rolling-update',
    kinds: ['Deployment'],
    title: { en: 'Rolling update: maxSurge and maxUnavailable', ko: '롤링 업데이트: maxSurge와 maxUnavailable' },
    fileName: 'rolling-update.yaml',
    text: `# Apply, then change the image to nginx:1.28 and apply again: watch old pods give way to new ones.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 4
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: nginx:1.27
`,
  },
  {
    id: 'configmap',
    kinds: ['ConfigMap', 'Pod'],
    title: { en: 'ConfigMap: settings as environment variables', ko: 'ConfigMap: 설정을 환경 변수로' },
    fileName: 'configmap.yaml',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  GREETING: hello
  LOG_LEVEL: info
---
apiVersion: v1
kind: Pod
metadata:
  name: configured
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo $GREETING; sleep 3600"]
    envFrom:
    - configMapRef:
        name: app-settings
`,
  },
  {
    id: 'secret',
    kinds: ['Secret'],
    title: { en: 'Secret: a password (base64, not encrypted)', ko: 'Secret: 비밀번호 (base64일 뿐 암호화는 아님)' },
    fileName: 'secret.yaml',
    text: `apiVersion: v1
kind: Secret
metadata:
  name: db-password
type: Opaque
stringData:
  password: s3cret-for-class
`,
  },
  {
    id: 'job',
    kinds: ['Job'],
    title: { en: 'Job: run to completion', ko: 'Job: 끝날 때까지 실행' },
    fileName: 'job.yaml',
    text: `apiVersion: batch/v1
kind: Job
metadata:
  name: count-down
spec:
  completions: 3
  parallelism: 1
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: count
        image: busybox:1.36
        command: ["sh", "-c", "for i in 3 2 1; do echo $i; sleep 1; done"]
`,
  },
  {
    id: 'cronjob',
    kinds: ['CronJob'],
    title: { en: 'CronJob: a Job on a schedule', ko: 'CronJob: 일정에 따라 실행되는 Job' },
    fileName: 'cronjob.yaml',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: every-minute
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox:1.36
            command: ["sh", "-c", "date"]
`,
  },
  {
    id: 'daemonset',
    kinds: ['DaemonSet'],
    title: { en: 'DaemonSet: one pod on every node', ko: 'DaemonSet: 모든 노드에 Pod 하나씩' },
    fileName: 'daemonset.yaml',
    text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "sleep 3600"]
        resources:
          requests:
            cpu: 50m
            memory: 32Mi
`,
  },
  {
    id: 'statefulset',
    kinds: ['Service', 'StatefulSet'],
    title: { en: 'StatefulSet: stable names, one by one', ko: 'StatefulSet: 고정된 이름, 하나씩 차례로' },
    fileName: 'statefulset.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
  - port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: postgres
        image: postgres:16
        ports:
        - containerPort: 5432
`,
  },
  {
    id: 'hpa',
    kinds: ['HorizontalPodAutoscaler'],
    title: { en: 'HorizontalPodAutoscaler: scale on CPU', ko: 'HorizontalPodAutoscaler: CPU에 따라 확장' },
    fileName: 'hpa.yaml',
    text: `# Scales the starter Deployment "web" between 2 and 8 replicas to keep CPU near 50% of requests.
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 8
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
`,
  },
  {
    id: 'pvc',
    kinds: ['PersistentVolumeClaim', 'Pod'],
    title: { en: 'PersistentVolumeClaim: ask for storage', ko: 'PersistentVolumeClaim: 저장 공간 요청' },
    fileName: 'pvc.yaml',
    text: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: uses-data
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`,
  },
  {
    id: 'namespace',
    kinds: ['Namespace', 'Pod'],
    title: { en: 'Namespace: a room of its own', ko: 'Namespace: 나만의 공간' },
    fileName: 'namespace.yaml',
    text: `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: Pod
metadata:
  name: hello
  namespace: team-a
spec:
  containers:
  - name: hello
    image: nginx:1.27
`,
  },
  {
    id: 'ingress',
    kinds: ['Ingress'],
    title: { en: 'Ingress: HTTP routes to Services', ko: 'Ingress: Service로 가는 HTTP 경로' },
    fileName: 'ingress.yaml',
    text: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
  },
  {
    id: 'resourcequota',
    kinds: ['Namespace', 'ResourceQuota'],
    title: { en: 'ResourceQuota: a budget per namespace', ko: 'ResourceQuota: 네임스페이스별 예산' },
    fileName: 'quota.yaml',
    text: `apiVersion: v1
kind: Namespace
metadata:
  name: classroom
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: budget
  namespace: classroom
spec:
  hard:
    pods: "5"
    requests.cpu: "1"
    requests.memory: 1Gi
`,
  },
  {
    id: 'networkpolicy',
    kinds: ['NetworkPolicy'],
    title: { en: 'NetworkPolicy: only the frontend may call the API', ko: 'NetworkPolicy: 프런트엔드만 API 호출 허용' },
    fileName: 'networkpolicy.yaml',
    text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-frontend
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: frontend
`,
  },
];
