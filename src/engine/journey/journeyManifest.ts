/**
 * The small app whose journey the replay follows: one nginx replica behind a ClusterIP Service. The
 * alpine image is not on the nodes yet (the starter app runs the Debian one), so the journey shows a
 * real pull; the readiness probe makes Ready a write of its own, after Running.
 */
export function journeyManifest(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27-alpine
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
          initialDelaySeconds: 2
          periodSeconds: 3
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 80
`;
}

/**
 * The Deployment of journeyManifest as the object its YAML parses to (a test keeps them equal): what
 * the API server added to it is the defaulting admission's work. The worker does not parse it, so the
 * journey needs no YAML parser of its own.
 */
export function journeyDeploymentSpec(name: string): Record<string, unknown> {
  return {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27-alpine',
            ports: [{ containerPort: 80 }],
            readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 2, periodSeconds: 3 },
          },
        ],
      },
    },
  };
}

/** The first of `journey`, `journey-2`, `journey-3` ... that names no Deployment or Service yet. */
export function freeJourneyName(taken: (name: string) => boolean): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'journey' : `journey-${i}`;
    if (!taken(name)) return name;
  }
}
