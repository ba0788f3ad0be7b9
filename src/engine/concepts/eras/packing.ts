/**
 * How many apps one machine holds in each era, and what that machine spends on itself. Pure arithmetic
 * on the knobs, shared by the eras model and its tests.
 *
 * - Bare metal, one server per app: the usual answer to "apps break each other": one app per machine.
 * - Bare metal, shared: packed as tightly as the app sizes allow, but nothing keeps them apart.
 * - VMs: each app gets a VM sized in whole vCPUs for the app plus its own guest OS, and memory for both;
 *   the hypervisor keeps a little for itself and for each VM.
 * - Containers: one kernel; each app is sized for the app alone (plus a few MiB for its runtime shim).
 */

export type EraLane = 'bare-metal' | 'vms' | 'containers';
export const ERA_LANES: readonly EraLane[] = ['bare-metal', 'vms', 'containers'];

export type BareMetalMode = 'dedicated' | 'shared';

export interface EraSizes {
  machineCores: number;
  machineMemoryGiB: number;
  appCpu: number;
  appMemoryGiB: number;
  guestOsMemoryGiB: number;
  bareMetal: BareMetalMode;
}

/** The host's own OS and daemons, on every machine of every era. */
export const HOST_OS_CPU = 0.25;
export const HOST_OS_MEMORY_GIB = 1;
/** The hypervisor's own share of a host, and its bookkeeping per VM (page tables, device emulation). */
export const HYPERVISOR_CPU = 0.25;
export const HYPERVISOR_MEMORY_GIB = 0.5;
export const PER_VM_MEMORY_GIB = 0.1;
/** containerd-shim and the pause process: what a container costs beyond its app. */
export const PER_CONTAINER_MEMORY_GIB = 0.02;

/** A guest OS's own CPU when idle: kernel threads, systemd, logging. Grows with how much of an OS it is. */
export function guestOsCpu(guestOsMemoryGiB: number): number {
  return 0.1 + 0.1 * guestOsMemoryGiB;
}

/** Whole vCPUs a VM needs for its app and its guest OS (VMs are sized in whole vCPUs). */
export function vmVcpus(s: Pick<EraSizes, 'appCpu' | 'guestOsMemoryGiB'>): number {
  return Math.ceil(s.appCpu + guestOsCpu(s.guestOsMemoryGiB) - 1e-9);
}

export function vmMemoryGiB(s: Pick<EraSizes, 'appMemoryGiB' | 'guestOsMemoryGiB'>): number {
  return s.appMemoryGiB + s.guestOsMemoryGiB;
}

/** CPU and memory the machine keeps for itself before any app (host OS, and the hypervisor in the VM era). */
export function machineReserve(lane: EraLane): { cpu: number; memoryGiB: number } {
  return lane === 'vms'
    ? { cpu: HOST_OS_CPU + HYPERVISOR_CPU, memoryGiB: HOST_OS_MEMORY_GIB + HYPERVISOR_MEMORY_GIB }
    : { cpu: HOST_OS_CPU, memoryGiB: HOST_OS_MEMORY_GIB };
}

/** Apps one machine holds in this era; 0 when a single app does not fit. */
export function appsPerMachine(lane: EraLane, s: EraSizes): number {
  const reserve = machineReserve(lane);
  const cpu = s.machineCores - reserve.cpu;
  const mem = s.machineMemoryGiB - reserve.memoryGiB;
  let perCpu: number;
  let perMem: number;
  switch (lane) {
    case 'bare-metal':
      perCpu = Math.floor(cpu / s.appCpu + 1e-9);
      perMem = Math.floor(mem / s.appMemoryGiB + 1e-9);
      if (s.bareMetal === 'dedicated') return Math.min(1, perCpu, perMem);
      return Math.min(perCpu, perMem);
    case 'vms':
      perCpu = Math.floor(cpu / vmVcpus(s) + 1e-9);
      perMem = Math.floor(mem / (vmMemoryGiB(s) + PER_VM_MEMORY_GIB) + 1e-9);
      return Math.min(perCpu, perMem);
    case 'containers':
      perCpu = Math.floor(cpu / s.appCpu + 1e-9);
      perMem = Math.floor(mem / (s.appMemoryGiB + PER_CONTAINER_MEMORY_GIB) + 1e-9);
      return Math.min(perCpu, perMem);
  }
}

/** Machines needed for `apps` apps; Infinity when an app fits on none. */
export function machinesNeeded(lane: EraLane, s: EraSizes, apps: number): number {
  const per = appsPerMachine(lane, s);
  return per === 0 ? Infinity : Math.ceil(apps / per);
}

/** What the era spends per machine and per app that is not the app's own work. */
export function overheadOf(lane: EraLane, s: EraSizes, machines: number, apps: number): { cpu: number; memoryGiB: number } {
  const reserve = machineReserve(lane);
  const cpu = machines * reserve.cpu;
  const mem = machines * reserve.memoryGiB;
  switch (lane) {
    case 'bare-metal':
      return { cpu, memoryGiB: mem };
    case 'vms':
      return { cpu: cpu + apps * guestOsCpu(s.guestOsMemoryGiB), memoryGiB: mem + apps * (s.guestOsMemoryGiB + PER_VM_MEMORY_GIB) };
    case 'containers':
      return { cpu, memoryGiB: mem + apps * PER_CONTAINER_MEMORY_GIB };
  }
}

/** Bare metal: firmware self-test and an OS boot. */
export const BARE_METAL_BOOT_MS = 90_000;
/** A VM: the hypervisor creates it, then its guest OS boots; a bigger OS takes longer. */
export const VM_CREATE_MS = 12_000;
export const VM_BOOT_MS_PER_GIB = 8_000;
/** A container: namespaces and cgroups are created for a process on the running kernel. */
export const CONTAINER_CREATE_MS = 200;
/** The app's own start-up, the same in every era. */
export const APP_START_MS = 400;

export function startMs(lane: EraLane, s: Pick<EraSizes, 'guestOsMemoryGiB'>): number {
  switch (lane) {
    case 'bare-metal':
      return BARE_METAL_BOOT_MS + APP_START_MS;
    case 'vms':
      return VM_CREATE_MS + Math.round(VM_BOOT_MS_PER_GIB * s.guestOsMemoryGiB) + APP_START_MS;
    case 'containers':
      return CONTAINER_CREATE_MS + APP_START_MS;
  }
}
