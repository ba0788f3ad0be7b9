/**
 * Running a command in an existing container (CRI ExecSync: `kubectl exec`, exec probes). runc looks
 * the executable up in the container's $PATH first; if it is not there nothing runs and the runtime
 * answers `OCI runtime exec failed: ... executable file not found in $PATH: unknown`. Otherwise the
 * shell model runs it against the container's files, environment and network.
 */
import type { ContainerSystem, NetView } from './containerSystem';
import { basename, imageHasBinary } from './imageContents';
import { runScript, type FileEvent, type ScriptOutput } from './shellScript';

export type ExecOutcome =
  | {
      kind: 'ran';
      output: ScriptOutput[];
      exitCode: number;
      /** Files the command created or removed (they stay in the container). */
      files: FileEvent[];
      /** How long it ran; Infinity for a command that does not end by itself (`sleep infinity`, `tail -f`). */
      durationMs: number;
    }
  | { kind: 'not-found'; binary: string; message: string };

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** runc's answer when argv[0] is missing, as containerd passes it on. */
export function execNotFoundMessage(binary: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown`;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function execInContainer(
  system: ContainerSystem,
  argv: string[],
  env: { vars: Record<string, string>; podName: string; namespace: string; quietNet?: NetView },
  nowMs: number,
): ExecOutcome {
  const bin = argv[0] ?? '';
  if (!imageHasBinary(system.image, bin)) return { kind: 'not-found', binary: bin, message: execNotFoundMessage(bin) };
  const name = basename(bin);
  let script: string;
  let shell = 'sh';
  if (SHELLS.has(name)) {
    shell = name;
    const c = argv.indexOf('-c');
    // A shell with no script and no terminal reads stdin, finds it empty, and exits 0.
    if (c < 0) return { kind: 'ran', output: [], exitCode: 0, files: [], durationMs: 0 };
    script = argv[c + 1] ?? '';
  } else {
    script = argv.map((a, i) => (i === 0 ? a : quote(a))).join(' ');
  }
  const result = runScript(script, { vars: env.vars, podName: env.podName, namespace: env.namespace, system, shell, unknownCommands: 'succeed', ...(env.quietNet ? { quietNet: env.quietNet } : {}) }, nowMs);
  const end = result.end;
  return {
    kind: 'ran',
    output: result.output,
    exitCode: end.kind === 'exit' ? end.code : 0,
    files: result.files,
    durationMs: end.kind === 'exit' ? end.afterMs : Infinity,
  };
}
