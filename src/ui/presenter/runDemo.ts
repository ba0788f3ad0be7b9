/** Runs a demo's steps: resolves each against the live mirror, then sends its kubectl lines, faults and speed. */
import { useClusterStore } from '../../store/clusterStore';
import { simClient } from '../../client/simClient';
import { sendFault } from '../faults/sendFault';
import { outcomeText } from '../faults/resultText';
import i18n from 'i18next';
import { DEMOS, resolveStep, type DemoId, type ResolvedAction } from './demos';
import { usePresenterStore, type StepOutcome } from './presenterStore';

async function perform(a: ResolvedAction): Promise<StepOutcome> {
  switch (a.kind) {
    case 'speed':
      await simClient.clock({ action: 'speed', speed: a.speed }).catch(() => undefined);
      await simClient.clock({ action: 'play' }).catch(() => undefined);
      return { line: `speed ${a.speed}×`, ok: true, output: '' };
    case 'kubectl':
      try {
        const r = await simClient.kubectl(a.line.replace(/^kubectl /, ''));
        return { line: a.line, ok: r.exitCode === 0, output: (r.exitCode === 0 ? r.stdout : r.stderr || r.stdout).trim() };
      } catch (e) {
        return { line: a.line, ok: false, output: e instanceof Error ? e.message : String(e) };
      }
    case 'fault': {
      const r = await sendFault({ fault: a.fault, target: a.target, ...(a.options ? { options: a.options } : {}) });
      const translated = outcomeText(i18n.t.bind(i18n), r);
      const opts = a.options ? ` ${Object.entries(a.options).map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
      return { line: `fault ${a.fault} ${a.target}${opts}`, ok: r.ok, output: translated };
    }
  }
}

/** Enters step `index` of the running demo (or of `demo`, starting it) and performs its actions. */
export async function enterStep(demo: DemoId, index: number): Promise<void> {
  const store = usePresenterStore.getState();
  const d = DEMOS[demo];
  const step = d.steps[index];
  if (!step) {
    store.setRun(undefined);
    return;
  }
  const previous = store.run?.demo === demo ? store.run.bindings : {};
  const resolution = resolveStep(step, useClusterStore.getState().objects, previous);
  if (!resolution.ok) {
    store.setRun({ demo, step: index, bindings: previous, outcomes: [], missing: resolution.missing, busy: false });
    return;
  }
  store.setRun({ demo, step: index, bindings: resolution.bindings, outcomes: [], busy: true });
  const outcomes: StepOutcome[] = [];
  for (const a of resolution.actions) outcomes.push(await perform(a));
  const now = usePresenterStore.getState().run;
  if (now?.demo === demo && now.step === index) usePresenterStore.getState().setRun({ ...now, outcomes, busy: false });
}

export function startDemo(demo: DemoId): Promise<void> {
  usePresenterStore.getState().setRun(undefined);
  return enterStep(demo, 0);
}

/** The "next step" key: the following step, or the end of the demo after its last. */
export function nextStep(): void {
  const run = usePresenterStore.getState().run;
  if (!run || run.busy) return;
  if (run.step + 1 >= DEMOS[run.demo].steps.length) {
    usePresenterStore.getState().setRun(undefined);
    return;
  }
  void enterStep(run.demo, run.step + 1);
}

export function endDemo(): void {
  usePresenterStore.getState().setRun(undefined);
}
