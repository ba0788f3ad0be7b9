/**
 * The console's companion commands to kubectl: `fault NAME TARGET [key=value]` (the failure catalogue,
 * parsed exactly as `npm run sim` scripts parse it) and `chaos on|off|status [rate=N] [seed=N]`.
 * Parsing is pure; running sends the request to the worker and turns the answer into console output.
 */
import { describeChaos, formatChaosEntry, parseChaosCommand, parseFaultCommand, type ChaosCommand } from '../../engine/faults';
import type { RequestOf, SendRequest } from '../../worker/protocol';

export type CompanionCommand =
  | { kind: 'fault'; request: RequestOf<'inject'> }
  | { kind: 'chaos'; command: ChaosCommand }
  | { kind: 'error'; message: string };

/** Entries `chaos status` prints. */
const STATUS_LOG_LINES = 5;

/** The command for a line's words, or undefined when the line is for kubectl. */
export function parseCompanion(words: readonly string[]): CompanionCommand | undefined {
  const [first, ...rest] = words;
  if (first === 'fault') {
    const parsed = parseFaultCommand(rest);
    if (!parsed.ok) return { kind: 'error', message: parsed.error };
    const { fault, target, ...options } = parsed.value as { fault: string; target: string } & Record<string, string | number>;
    return { kind: 'fault', request: { type: 'inject', fault, target, ...(Object.keys(options).length > 0 ? { options } : {}) } };
  }
  if (first === 'chaos') {
    const parsed = parseChaosCommand(rest);
    return parsed.ok ? { kind: 'chaos', command: parsed.value } : { kind: 'error', message: parsed.error };
  }
  return undefined;
}

export interface CompanionOutput {
  stdout?: string;
  stderr?: string;
}

/** Runs a parsed command through `request` (the worker client); failures come back as stderr, never thrown. */
export async function runCompanion(command: CompanionCommand, request: SendRequest): Promise<CompanionOutput> {
  try {
    switch (command.kind) {
      case 'error':
        return { stderr: `error: ${command.message}` };
      case 'fault': {
        const r = await request(command.request);
        return r.ok ? { stdout: r.message } : { stderr: `error: ${r.error}` };
      }
      case 'chaos': {
        const c = command.command;
        const r = await request(c.action === 'on' ? { type: 'chaos', action: 'start', ...c.request } : { type: 'chaos', action: c.action === 'off' ? 'stop' : 'status' });
        if (!r.ok) return { stderr: `error: ${r.error}` };
        if (c.action !== 'status') return { stdout: r.message };
        const log = r.status.log.slice(-STATUS_LOG_LINES).map(formatChaosEntry);
        return { stdout: [describeChaos(r.status), ...log].join('\n') };
      }
    }
  } catch (e) {
    return { stderr: e instanceof Error ? e.message : String(e) };
  }
}
