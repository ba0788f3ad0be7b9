/**
 * A container shares its node's kernel and CPU: a program built for another CPU architecture cannot run
 * there. The kernel refuses to execute the binary (ENOEXEC), runc prints the failed exec to the
 * container's output and the container exits at once, so the pod crash-loops with, in its logs,
 * `exec /kuard: exec format error` (what kubelet/containerd clusters show for an arm64 image on an amd64
 * node, and the other way round). A VM would not care: it brings its own kernel, and could even emulate
 * another CPU.
 */
import type { ProcessPlan } from './process';
import type { CpuArchitecture, ImageManifest } from './registry';

/** The exit code a container gets when its entrypoint cannot be executed by runc's init. */
export const EXEC_FAILED_EXIT_CODE = 255;

/** The node's architecture, as the kubelet labels its Node (`kubernetes.io/arch`, amd64 unless said otherwise). */
export function nodeArchitecture(labels: Record<string, string> | undefined): string {
  return labels?.['kubernetes.io/arch'] ?? 'amd64';
}

export function runsOn(manifest: ImageManifest, arch: string): boolean {
  return manifest.architecture === undefined || manifest.architecture === (arch as CpuArchitecture);
}

/** The process as it really goes on this node: unchanged, or an exec that fails with `exec format error`. */
export function planForNode(plan: ProcessPlan, manifest: ImageManifest, arch: string): ProcessPlan {
  if (runsOn(manifest, arch) || plan.startError) return plan;
  const binary = plan.argv[0] ?? '';
  return {
    argv: plan.argv,
    program: plan.program,
    output: [{ offsetMs: 0, text: `exec ${binary}: exec format error` }],
    end: { kind: 'exit', afterMs: 5, code: EXEC_FAILED_EXIT_CODE },
    files: [],
    sigterm: { kind: 'ignored' },
    usage: { cpuMilli: 0, memoryBytes: 0 },
  };
}
