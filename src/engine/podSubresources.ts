/**
 * The pod subresources `log` and `exec` (core/v1 PodLogOptions, PodExecOptions), which the API server
 * proxies to the kubelet of the pod's node: the kubelet serves them, kubectl asks for them.
 */

export interface ContainerLogRequest {
  namespace: string;
  pod: string;
  container?: string;
  /** `--previous`: the last terminated instance of the container. */
  previous?: boolean;
  tail?: number;
  /** Only lines written after this virtual time (`logs -f` asking for what is new). */
  afterMs?: number;
}

/** `kubectl exec`: a command run in a running container, through the API server and its kubelet. */
export interface ContainerExecRequest {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  /** A line typed into an interactive shell session (recorded for replay on its own). */
  interactive?: boolean;
}

export interface ContainerExecResult {
  /** What the command printed, in order (stderr lines flagged). */
  output: Array<{ text: string; stderr?: boolean }>;
  exitCode: number;
  /** The command does not end by itself (`sleep infinity`, `tail -f`): it runs until interrupted. */
  endless: boolean;
}

/**
 * A stream that could not be opened (the node unreachable, the container gone, the runtime refusing
 * the command). Its message is what the client prints, as is (it carries its own `error: ` or
 * `Error from server: ` prefix).
 */
export class StreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StreamError';
  }
}
