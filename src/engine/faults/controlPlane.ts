/**
 * Stopping and starting the control plane's processes. kube-scheduler and kube-controller-manager are
 * the engine's own actors (stopped: they do nothing; started: they list and reconcile). kube-apiserver
 * and etcd are modelled by what clients see: with kube-apiserver down every request is refused
 * (`The connection to the server ... was refused`); with etcd below quorum kube-apiserver answers but
 * every request times out (`etcdserver: request timed out`). Kubelets, controllers and the scheduler
 * keep running through either and retry; running containers keep serving, since the data path
 * (kube-proxy rules, containers) does not go through the API server.
 *
 * Leader election: kube-scheduler and kube-controller-manager hold a Lease they must renew within
 * --leader-elect-renew-deadline (10 s). When the API server is unreachable for that long they lose it
 * and the process exits; the kubelet restarts the static pod, and the new process takes the lease
 * once the API server answers again, starting with a fresh view (so the node lifecycle controller
 * gives every node a new grace period instead of declaring them all dead at once).
 *
 * Static pods: on a kubeadm machine each component is a static pod (etcd-control-plane,
 * kube-apiserver-control-plane, ...) and its mirror pod is what `kubectl get pods -n kube-system` shows.
 * `stop` is what an administrator does to keep a component down: move its manifest out of
 * /etc/kubernetes/manifests. (Killing the process would not do: the kubelet restarts it.) So `stop`
 * removes the file: the kubelet stops the container and deletes the mirror pod; `start` puts the file
 * back: the kubelet starts a fresh container and creates the mirror pod again (restart count 0). The one
 * exception is kube-apiserver: with it gone the kubelet cannot delete its mirror pod, which keeps its
 * last status until the API server is back (and nobody can read it meanwhile). A lost leader lease is
 * the other case: the process exits with code 1 and the kubelet restarts the container (restart count
 * goes up), as `kubectl get pods -n kube-system` shows after an outage.
 *
 * The machine itself: powering the control-plane node off (`node-down control-plane`, or `zone-down` of
 * its zone) kills every process on it at once: etcd-0, kube-apiserver, kube-scheduler and
 * kube-controller-manager. kubectl is refused, etcd runs on 2 of 3 members, nothing reconciles, and the
 * kubelets of the workers cannot post status; their containers and kube-proxy's rules carry on. Powered
 * on, the kubelet reads its manifests and starts every static pod still in staticPodPath; each component
 * comes back when its container runs again, in the order their dependencies allow: etcd-0, then
 * kube-apiserver (it serves a few seconds after its process starts, once its local etcd answers), then
 * kube-scheduler and kube-controller-manager, which take their leader leases from the API server. A
 * component stopped by hand (its manifest moved out) stays stopped. The restarted controller-manager
 * starts with no memory of the nodes, so every node gets a fresh grace period from the moment it is
 * first seen (nodelifecycle's monitorNodeHealth: probeTimestamp = now on first sight) and no worker is
 * evicted for the stale leases of the outage. `kill-container` on a component's static pod is the same
 * story for one process: the kubelet restarts the container, and the component is back once it runs.
 *
 * etcd: the fault model keeps three members so that quorum can be taught, but the default cluster has
 * one control-plane machine. Member etcd-0 is that machine's stacked etcd, the static pod
 * etcd-control-plane; etcd-1 and etcd-2 stand for the members of control-plane2 and control-plane3 of an
 * HA control plane, machines this cluster does not simulate as Nodes, so they have no pods.
 */
import type { ApiServer } from '../apiserver/apiserver';
import type { VirtualClock } from '../clock/virtualClock';
import type { CueBus } from '../cues';
import { EtcdCluster, ETCD_MEMBER_COUNT, ETCD_NO_QUORUM_MESSAGE, etcdMemberId } from './etcd';
import { faultFailure, faultSuccess } from './resultText';
import type { FaultResult } from './types';

/** The control-plane machine's side of stop/start: its staticPodPath and its kubelet. */
export interface ControlPlaneMachine {
  /** Moves the component's static pod manifest into (true) or out of (false) /etc/kubernetes/manifests. */
  setManifest(manifest: string, present: boolean): void;
  /** The component's process exited on its own (the kubelet restarts the container). */
  processExited(manifest: string, exitCode: number): void;
  /** The machine's node name. */
  readonly nodeName: string;
  /** Whether the machine is powered on. */
  readonly powered: boolean;
  /** When the running container of the manifest's static pod started (undefined: not running). */
  containerStartedAt(manifest: string): number | undefined;
}

/** What stop/start needs of a component the engine runs as an actor. */
export interface StoppableComponent {
  start(): void;
  stop(): void;
  readonly running: boolean;
}

export const SCHEDULER = 'kube-scheduler';
export const CONTROLLER_MANAGER = 'kube-controller-manager';
export const APISERVER = 'kube-apiserver';

/** Every control-plane component name `stop`/`start` accept: the three processes and each etcd member. */
export const CONTROL_PLANE_COMPONENTS: readonly string[] = [SCHEDULER, CONTROLLER_MANAGER, APISERVER, ...Array.from({ length: ETCD_MEMBER_COUNT }, (_, i) => etcdMemberId(i))];

/** --leader-elect-renew-deadline of kube-scheduler and kube-controller-manager. */
export const LEADER_RENEW_DEADLINE_MS = 10_000;
/**
 * How long kube-apiserver takes from process start to serving (`kubeadm init` reports "All control plane
 * components are healthy after 5.5 seconds" or so on a small machine: the post-start hooks, the RBAC
 * bootstrap and the watch caches' first lists).
 */
export const APISERVER_STARTUP_MS = 5_000;
/** How often the control plane's process states are compared with the containers the kubelet runs. */
const PROCESS_POLL_MS = 500;
/** Member etcd-0 runs as the static pod `etcd` on the control-plane machine. */
const LOCAL_ETCD = 'etcd-0';

export class ControlPlane {
  readonly etcd = new EtcdCluster();
  private apiserverRunning = true;
  /** Components that lost their leader lease (not stopped by hand): they come back with the API server. */
  private readonly lostLease = new Set<StoppableComponent>();
  private leaseTimer: number | undefined;
  /**
   * Components whose process died with its manifest still in staticPodPath (the machine went off, or the
   * container was killed), with when it died: each is back once the kubelet runs its container again.
   */
  private readonly restarting = new Map<string, number>();
  private processTimer: number | undefined;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly cues: CueBus,
    private readonly scheduler: StoppableComponent,
    private readonly controllerManager: StoppableComponent,
    private readonly machine: () => ControlPlaneMachine | undefined = () => undefined,
  ) {}

  /** The static pod manifest that runs a component on the control-plane machine (etcd: member 0 only). */
  static manifestOf(component: string): string | undefined {
    if (component === SCHEDULER || component === CONTROLLER_MANAGER || component === APISERVER) return component;
    if (component === 'etcd-0' || component === 'etcd-control-plane') return 'etcd';
    return undefined;
  }

  private moveManifest(component: string, present: boolean): void {
    const manifest = ControlPlane.manifestOf(this.etcd.member(component)?.id ?? component);
    if (manifest) this.machine()?.setManifest(manifest, present);
  }

  /** Every component name `stop`/`start` accept. */
  componentNames(): string[] {
    return [...CONTROL_PLANE_COMPONENTS];
  }

  isRunning(component: string): boolean | undefined {
    if (component === SCHEDULER) return this.scheduler.running;
    if (component === CONTROLLER_MANAGER) return this.controllerManager.running;
    if (component === APISERVER) return this.apiserverRunning;
    return this.etcd.member(component)?.running;
  }

  setRunning(component: string, running: boolean): FaultResult {
    const machine = this.machine();
    if (machine && !machine.powered && ControlPlane.manifestOf(this.etcd.member(component)?.id ?? component)) {
      // Its manifest and its process are on a machine that is off: nobody can move the file.
      return faultFailure('component-node-down', { component, node: machine.nodeName });
    }
    const key = this.etcd.member(component)?.id ?? component;
    if (this.restarting.has(key)) {
      if (running) return faultFailure('component-starting', { component });
      this.restarting.delete(key);
      this.moveManifest(component, false);
      return this.describeChange(component, false);
    }
    if (!running && this.lostLeaderLease(component)) {
      this.lostLease.delete(component === SCHEDULER ? this.scheduler : this.controllerManager);
      this.moveManifest(component, false);
      return this.describeChange(component, running);
    }
    const now = this.isRunning(component);
    if (now === undefined) return faultFailure('unknown-component', { component, components: this.componentNames().join(', ') });
    if (now === running) return faultFailure(running ? 'component-already-running' : 'component-already-stopped', { component });
    const member = this.etcd.member(component);
    if (component === SCHEDULER || component === CONTROLLER_MANAGER) {
      const c = component === SCHEDULER ? this.scheduler : this.controllerManager;
      this.lostLease.delete(c);
      if (running && !this.api.isAvailable()) {
        this.lostLease.add(c);
        this.moveManifest(component, true);
        return faultSuccess('component-started-awaiting-api', { component });
      }
      if (running) c.start();
      else c.stop();
    } else if (component === APISERVER) {
      this.apiserverRunning = running;
      this.refreshAvailability();
    } else if (member) {
      this.etcd.setRunning(member.id, running);
      this.refreshAvailability();
    }
    this.moveManifest(component, running);
    // The scheduler and the controller-manager announce themselves; the others are announced here.
    if ((component === APISERVER || member) && this.cues.hasListeners) this.cues.emit({ type: 'component', component: member?.id ?? component, state: running ? 'running' : 'stopped' });
    return this.describeChange(component, running);
  }

  private refreshAvailability(): void {
    const wasAvailable = this.api.isAvailable();
    if (!this.apiserverRunning) this.api.setAvailable(false);
    else if (!this.etcd.hasQuorum) this.api.setAvailable(false, ETCD_NO_QUORUM_MESSAGE);
    else this.api.setAvailable(true);
    const available = this.api.isAvailable();
    if (wasAvailable && !available) {
      this.clock.clearTimeout(this.leaseTimer);
      this.leaseTimer = this.clock.setTimeout(() => this.loseLeases(), LEADER_RENEW_DEADLINE_MS);
    } else if (!wasAvailable && available) {
      this.clock.clearTimeout(this.leaseTimer);
      this.leaseTimer = undefined;
      for (const c of this.lostLease) c.start();
      this.lostLease.clear();
    }
  }

  /** The renew deadline passed without an API server: the leaders step down (their processes exit). */
  private loseLeases(): void {
    this.leaseTimer = undefined;
    if (this.api.isAvailable()) return;
    for (const c of [this.scheduler, this.controllerManager]) {
      if (!c.running) continue;
      c.stop();
      this.lostLease.add(c);
      // klog.Fatalf("leaderelection lost"): exit code 1, and the kubelet restarts the container.
      this.machine()?.processExited(c === this.scheduler ? SCHEDULER : CONTROLLER_MANAGER, 1);
    }
  }

  /** Whether a component's process is down but its container is being started again by the kubelet. */
  isRestarting(component: string): boolean {
    return this.restarting.has(this.etcd.member(component)?.id ?? component);
  }

  /** The control-plane machine was powered off or on: its processes die with it, or start again. */
  machinePowerChanged(): void {
    const machine = this.machine();
    if (!machine) return;
    if (machine.powered) {
      this.watchProcesses();
      return;
    }
    for (const component of [SCHEDULER, CONTROLLER_MANAGER, APISERVER, LOCAL_ETCD]) this.processDied(component);
  }

  /** A static pod's container was killed (kill-container): its component is down until it runs again. */
  containerKilled(manifest: string): void {
    const component = manifest === 'etcd' ? LOCAL_ETCD : manifest;
    if (!this.componentNames().includes(component)) return;
    this.processDied(component);
    this.watchProcesses();
  }

  private processDied(component: string): void {
    const now = this.clock.now();
    if (component === SCHEDULER || component === CONTROLLER_MANAGER) {
      const c = component === SCHEDULER ? this.scheduler : this.controllerManager;
      if (!c.running && !this.lostLease.has(c)) return;
      this.lostLease.delete(c);
      if (c.running) c.stop();
    } else if (component === APISERVER) {
      if (!this.apiserverRunning) return;
      this.apiserverRunning = false;
      this.refreshAvailability();
    } else {
      if (!this.etcd.setRunning(component, false)) return;
      this.refreshAvailability();
    }
    this.restarting.set(component, now);
    if ((component === APISERVER || component === LOCAL_ETCD) && this.cues.hasListeners) this.cues.emit({ type: 'component', component, state: 'stopped' });
  }

  private watchProcesses(): void {
    if (this.processTimer !== undefined || this.restarting.size === 0) return;
    this.processTimer = this.clock.setTimeout(() => {
      this.processTimer = undefined;
      this.catchUpProcesses();
      this.watchProcesses();
    }, PROCESS_POLL_MS);
  }

  /** Brings back each restarting component whose container runs again, in dependency order. */
  private catchUpProcesses(): void {
    const machine = this.machine();
    if (!machine?.powered) {
      this.restarting.clear();
      return;
    }
    const now = this.clock.now();
    const runningSince = (component: string): number | undefined => {
      const died = this.restarting.get(component);
      const started = machine.containerStartedAt(ControlPlane.manifestOf(component)!);
      return died !== undefined && started !== undefined && started > died && started <= now ? started : undefined;
    };
    if (runningSince(LOCAL_ETCD) !== undefined) {
      this.restarting.delete(LOCAL_ETCD);
      this.etcd.setRunning(LOCAL_ETCD, true);
      if (this.cues.hasListeners) this.cues.emit({ type: 'component', component: LOCAL_ETCD, state: 'running' });
      this.refreshAvailability();
    }
    // --etcd-servers=https://127.0.0.1:2379: kube-apiserver waits for its local member when it is coming up.
    const apiStarted = runningSince(APISERVER);
    if (apiStarted !== undefined && now - apiStarted >= APISERVER_STARTUP_MS && !this.restarting.has(LOCAL_ETCD)) {
      this.restarting.delete(APISERVER);
      this.apiserverRunning = true;
      if (this.cues.hasListeners) this.cues.emit({ type: 'component', component: APISERVER, state: 'running' });
      // The leaders waiting for it take their leases now.
      this.refreshAvailability();
    }
    for (const component of [SCHEDULER, CONTROLLER_MANAGER]) {
      if (runningSince(component) === undefined) continue;
      this.restarting.delete(component);
      const c = component === SCHEDULER ? this.scheduler : this.controllerManager;
      // The new process campaigns for the leader lease; it wins once the API server answers.
      if (this.api.isAvailable()) c.start();
      else this.lostLease.add(c);
    }
  }

  /** Whether a component is down only because it lost its leader lease (it restarts with the API server). */
  lostLeaderLease(component: string): boolean {
    return component === SCHEDULER ? this.lostLease.has(this.scheduler) : component === CONTROLLER_MANAGER ? this.lostLease.has(this.controllerManager) : false;
  }

  private describeChange(component: string, running: boolean): FaultResult {
    const member = this.etcd.member(component);
    if (member) {
      const code = `etcd-${running ? 'started' : 'stopped'}${this.etcd.hasQuorum ? '' : '-no-quorum'}` as const;
      return faultSuccess(code, { member: member.id, name: member.name, running: this.etcd.runningCount, total: this.etcd.members.length, quorum: this.etcd.quorumSize });
    }
    return faultSuccess(running ? 'component-started' : 'component-stopped', { component });
  }
}
