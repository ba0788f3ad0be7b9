/**
 * Every fault result and error as a code with parameters, and its English text as a template. The engine
 * renders the English (what `npm run sim` transcripts and the console print, byte for byte); the UI
 * translates the same code and parameters (the English templates are its `en` resource, so the two can
 * not drift). Templates use i18next's syntax: `{{name}}`, and `_one`/`_other` chosen by `count`.
 * Pure data and string functions: the page imports this module without the rest of the engine.
 */

export const FAULT_TEXT_EN = {
  // ---------------------------------------------------------------- the request itself
  'usage': 'usage: fault <name> <target> [key=value ...] (names: {{names}})',
  'unknown-fault': 'unknown fault "{{fault}}" (expected one of: {{names}})',
  'needs-target': 'fault {{fault}} needs a target',
  'unknown-option': 'fault {{fault}} has no option "{{option}}" (options: {{options}})',
  'takes-no-options': 'fault {{fault}} has no option "{{option}}"',
  'percent-required': 'fault cpu-load needs a percentage: cpu-load TARGET PERCENT (of the CPU request)',
  'option-not-a-name': 'option {{option}} must be a name',
  'bad-exit-code': 'option exitCode must be an integer from {{min}} to {{max}}, not "{{value}}"',
  'bad-duration': 'invalid duration "{{value}}": use a number with a unit, such as 500ms, 30s, 5m or 1h',
  'bad-after': 'option after must be a duration such as 30s',
  'after-out-of-range': 'option after must be from {{min}} to {{max}}, not "{{value}}"',
  'bad-percent': 'CPU load must be a percentage such as 80, not "{{value}}"',
  'percent-out-of-range': 'CPU load must be from {{min}}% to {{max}}% of the request, not "{{value}}"',
  'unexpected-word': 'unexpected "{{word}}": options are key=value',
  // ---------------------------------------------------------------- targets
  'invalid-pod-target': 'invalid pod target "{{target}}": use POD, NAMESPACE/POD or POD/CONTAINER',
  'empty-pod-name': 'invalid pod target "{{target}}": the pod name is empty',
  'pod-not-found': 'pod "{{pod}}" not found in namespace "{{namespace}}"',
  'container-not-found': 'container "{{container}}" not found in pod "{{pod}}"',
  'invalid-deployment-target': 'invalid deployment target "{{target}}": use DEPLOYMENT or NAMESPACE/DEPLOYMENT',
  'deployment-not-found': 'deployment "{{deployment}}" not found in namespace "{{namespace}}"',
  'node-not-found': 'node "{{node}}" not found',
  'zone-not-found': 'no node has label topology.kubernetes.io/zone={{zone}} (zones: {{zones}})',
  'zone-not-found-no-zones': 'no node has label topology.kubernetes.io/zone={{zone}}',
  // ---------------------------------------------------------------- pods and containers
  'pod-not-scheduled': 'pod "{{pod}}" is not scheduled to a node yet',
  'pod-node-down': 'pod "{{pod}}" has no running containers: node "{{node}}" is down',
  'pod-not-started': 'pod "{{pod}}" has no containers on node "{{node}}" (it has not started there)',
  'container-not-running': 'container "{{container}}" in pod "{{pod}}" is not running',
  'container-killed': 'container "{{container}}" in pod "{{pod}}" killed (exit code {{exitCode}})',
  'crashloop-set': 'container "{{container}}" in pod "{{pod}}" now exits with code {{exitCode}} after each start',
  'pod-deleted': 'pod "{{pod}}" deleted',
  'no-liveness-probe': 'container "{{container}}" in pod "{{pod}}" has no liveness probe (spec.containers[].livenessProbe): there is nothing to fail',
  'no-readiness-probe': 'container "{{container}}" in pod "{{pod}}" has no readiness probe (spec.containers[].readinessProbe): there is nothing to fail',
  'liveness-failing':
    'liveness probe of container "{{container}}" in pod "{{pod}}" now fails: after {{failures}} failures (every {{periodSeconds}}s) the kubelet restarts the container',
  'readiness-failing':
    'readiness probe of container "{{container}}" in pod "{{pod}}" now fails: after {{failures}} failures (every {{periodSeconds}}s) the pod becomes NotReady and leaves its Services\' endpoints',
  'oom-limit': 'memory of container "{{container}}" in pod "{{pod}}" grows to its memory limit ({{limit}}): OOMKilled in {{seconds}}s',
  'oom-node': 'memory of container "{{container}}" in pod "{{pod}}" grows to the node\'s memory (no limit set): OOMKilled in {{seconds}}s',
  'deployment-load_one': 'CPU load of deployment "{{deployment}}" set to {{percent}}% of each container\'s request ({{count}} pod now, new pods too)',
  'deployment-load_other': 'CPU load of deployment "{{deployment}}" set to {{percent}}% of each container\'s request ({{count}} pods now, new pods too)',
  'pod-not-running': 'pod "{{pod}}" has no running containers',
  'pod-load': 'CPU load of pod "{{pod}}" set to {{percent}}% of each container\'s request',
  'deployment-healed_one': 'deployment "{{deployment}}" healed ({{count}} pod)',
  'deployment-healed_other': 'deployment "{{deployment}}" healed ({{count}} pods)',
  'heal-bad-target': '{{cause}} (heal takes a pod, a node or deployment/NAME)',
  'heal-pod-not-running': 'pod "{{pod}}" has no containers running on a node',
  'pod-healed': 'pod "{{pod}}" healed: probes, crashes and load back to normal',
  // ---------------------------------------------------------------- nodes and zones
  'node-no-machine': 'node "{{node}}" has no machine',
  'node-not-down': 'node "{{node}}" is not down',
  'node-already-down': 'node "{{node}}" is already down',
  'node-powered-on': 'node "{{node}}" powered on: its kubelet registers again and restarts the pods still bound to it',
  'node-powered-off': 'node "{{node}}" powered off: its containers stopped and its kubelet no longer posts status',
  'control-plane-powered-off':
    'node "{{node}}" powered off: etcd, kube-apiserver, kube-scheduler and kube-controller-manager stopped with it; kubectl is refused, the workers\' containers keep running',
  'control-plane-powered-on':
    'node "{{node}}" powered on: its kubelet starts the static pods in /etc/kubernetes/manifests; etcd, then kube-apiserver, then kube-scheduler and kube-controller-manager come back',
  'partition-control-plane':
    'cannot partition node "{{node}}": it runs kube-apiserver, so cutting it off would cut every worker off the API server at once; partition the workers one by one, or stop kube-apiserver',
  'node-is-down': 'node "{{node}}" is down',
  'node-already-partitioned': 'node "{{node}}" is already partitioned',
  'node-partitioned': 'node "{{node}}" cut off from the control plane: its containers keep running, its kubelet cannot reach the API server',
  'node-not-partitioned': 'node "{{node}}" is not partitioned',
  'node-not-partitioned-down': 'node "{{node}}" is not partitioned (it is down: use node-up)',
  'node-reconnected': 'node "{{node}}" reconnected: its kubelet reports again and stops the pods the control plane deleted meanwhile',
  'zone-already-up': 'every node in zone "{{zone}}" is already up',
  'zone-already-down': 'every node in zone "{{zone}}" is already down',
  'zone-up': 'zone "{{zone}}" up: {{nodeList}} powered on',
  'zone-down': 'zone "{{zone}}" down: {{nodeList}} powered off',
  // ---------------------------------------------------------------- rollouts
  'image-container-not-found': 'unable to find container named "{{container}}"',
  'image-updated': 'deployment.apps/{{deployment}} image updated: container "{{container}}" now uses "{{image}}", which cannot be pulled',
  // ---------------------------------------------------------------- control plane
  'unknown-component': 'unknown component "{{component}}" (expected one of: {{components}})',
  'component-already-running': '{{component}} is already running',
  'component-already-stopped': '{{component}} is already stopped',
  'component-started': '{{component}} started',
  'component-stopped': '{{component}} stopped',
  'component-node-down': '{{component}} runs on node "{{node}}", which is powered off: power it on first (node-up {{node}})',
  'component-starting': '{{component}} is starting: the kubelet restarted its static pod, give it a few seconds',
  'component-started-awaiting-api': '{{component}} started: it takes its leader lease once the API server answers',
  'etcd-started': '{{member}} ({{name}}) started: {{running}}/{{total}} etcd members running, quorum {{quorum}}',
  'etcd-started-no-quorum': '{{member}} ({{name}}) started: {{running}}/{{total}} etcd members running, quorum {{quorum}}: writes and reads fail',
  'etcd-stopped': '{{member}} ({{name}}) stopped: {{running}}/{{total}} etcd members running, quorum {{quorum}}',
  'etcd-stopped-no-quorum': '{{member}} ({{name}}) stopped: {{running}}/{{total}} etcd members running, quorum {{quorum}}: writes and reads fail',
  // ---------------------------------------------------------------- chaos mode settings
  'chaos-bad-rate': 'chaos rate must be a number of faults per minute above 0 and at most {{max}}, not "{{value}}"',
  'chaos-bad-seed': 'chaos seed must be a whole number from 0 to 4294967295, not "{{value}}"',
  'chaos-bad-kind': 'chaos cannot inject "{{kind}}" (kinds: {{kinds}})',
  'chaos-no-kinds': 'chaos needs at least one kind (kinds: {{kinds}})',
  'chaos-no-options': 'chaos {{action}} takes no options',
  'chaos-usage': 'usage: chaos on [rate=N] [seed=N] [kinds=a,b,...] | chaos off | chaos status (kinds: {{kinds}})',
  'chaos-unexpected': 'unexpected "{{word}}": chaos on takes rate=N, seed=N and kinds=a,b',
  // ---------------------------------------------------------------- what the API server answered
  /** kubectl's own error text (`Error from server (Conflict): ...`), passed through. */
  'api-error': '{{error}}',
  'api-unreachable': '{{error}}',
  'internal-error': '{{error}}',
} as const;

type TemplateKey = keyof typeof FAULT_TEXT_EN;
/** A result's code: a template key without its plural suffix. */
export type FaultCode = TemplateKey extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;
export type FaultParams = Readonly<Record<string, string | number>>;

/** The code, parameters and English text of a result; `cause` is the error a wrapping one adds to. */
export interface FaultText {
  code: FaultCode;
  params: FaultParams;
  cause?: { code: FaultCode; params: FaultParams };
}

/** Every code a result can carry. */
export const FAULT_CODES: readonly FaultCode[] = [...new Set(Object.keys(FAULT_TEXT_EN).map((k) => k.replace(/_(one|other)$/, '') as FaultCode))];

/** The English plural rule: `_one` for a count of 1, `_other` otherwise (as i18next picks for `en`). */
function templateFor(code: FaultCode, params: FaultParams): string {
  const table = FAULT_TEXT_EN as Record<string, string>;
  if (typeof params.count === 'number') {
    const plural = table[`${code}_${params.count === 1 ? 'one' : 'other'}`];
    if (plural !== undefined) return plural;
  }
  return table[code] ?? code;
}

export function interpolate(template: string, params: FaultParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}

/** The English text of a code with its parameters (and cause, rendered first). */
export function faultTextEn(text: FaultText): string {
  const params = text.cause ? { ...text.params, cause: faultTextEn(text.cause) } : text.params;
  return interpolate(templateFor(text.code, params), params);
}

export type FaultSuccess = { ok: true; message: string } & FaultText;
export type FaultFailure = { ok: false; error: string } & FaultText;

export function faultSuccess(code: FaultCode, params: FaultParams = {}): FaultSuccess {
  return { ok: true, message: faultTextEn({ code, params }), code, params };
}

export function faultFailure(code: FaultCode, params: FaultParams = {}, cause?: FaultText): FaultFailure {
  const text: FaultText = cause ? { code, params, cause: { code: cause.code, params: cause.params } } : { code, params };
  return { ok: false, error: faultTextEn(text), ...text };
}
