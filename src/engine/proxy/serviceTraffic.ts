/**
 * Request counters per Service: how many requests in-cluster clients sent to it and how many failed.
 * Kubernetes itself keeps no such count (kube-proxy only writes iptables rules); on a real cluster the
 * figure comes from an ingress controller or a service mesh, as a Prometheus counter like Istio's
 * `istio_requests_total` with a response-code label. Ours are monotonic like those: a chart takes the
 * difference between two readings and divides by the time between them.
 *
 * A request fails when kube-proxy has no endpoint for it (`Connection refused`), when nothing answers
 * on the endpoint (the container is not running, a dropped packet), or when the server answers 5xx.
 * Counting draws no random number and writes nothing to the API: the cluster behaves the same with it.
 */
import { objectKey } from '../objects';

export interface ServiceTrafficTotals {
  /** Requests sent to the Service since the cluster started. */
  requests: number;
  /** Of those, requests that got no answer or a 5xx one. */
  errors: number;
}

const ZERO: Readonly<ServiceTrafficTotals> = Object.freeze({ requests: 0, errors: 0 });

/** Whether an HTTP answer counts as an error (0: nothing answered). */
export function isFailedStatus(status: number): boolean {
  return status === 0 || status >= 500;
}

export class ServiceTraffic {
  private readonly totals = new Map<string, ServiceTrafficTotals>();

  /** Adds `requests` requests to the Service, `errors` of which failed (errors ≤ requests). */
  record(namespace: string, service: string, requests: number, errors: number): void {
    if (!(requests > 0)) return;
    const key = objectKey(namespace, service);
    let t = this.totals.get(key);
    if (!t) this.totals.set(key, (t = { requests: 0, errors: 0 }));
    t.requests += requests;
    t.errors += Math.min(Math.max(errors, 0), requests);
  }

  /** The Service's counters so far (zeros for a Service nobody has called). */
  totalsOf(namespace: string, service: string): Readonly<ServiceTrafficTotals> {
    return this.totals.get(objectKey(namespace, service)) ?? ZERO;
  }
}
