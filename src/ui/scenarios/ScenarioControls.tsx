/**
 * "Scenario controls": the open scenario's knobs as ordinary labelled form inputs and its actions as
 * buttons. A value is sent to the worker, which owns the model: the model's refusal (out of range, not
 * a number) is shown under the input and the picture stays as it was. An empty box is refused here.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionSpec, ConceptResult, KnobSpec, KnobValue } from '../../engine/concepts/types';
import { runScenarioAction, setScenarioKnob } from './scenarioRequests';
import { useConceptText, type ConceptText } from './useConceptText';

/** Typing pauses this long before a number is sent (Enter or leaving the box sends at once). */
const TYPING_PAUSE_MS = 400;

type Refusal = Extract<ConceptResult, { ok: false }>;

function refusalText(text: ConceptText, t: (k: string, o?: Record<string, unknown>) => string, result: Refusal | { failed: string }, label: string): string {
  if ('failed' in result) return t('concepts.refusals.failed', { message: result.failed });
  return text.refusal(result, label);
}

function useKnobSender(scenario: string, spec: KnobSpec) {
  const text = useConceptText(scenario);
  const { t } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  const label = text.knob(spec.id);
  const send = (value: KnobValue) => {
    setScenarioKnob(spec.id, value)
      .then((result) => setError(result.ok ? undefined : refusalText(text, t, result, label)))
      .catch((err: unknown) => setError(refusalText(text, t, { failed: err instanceof Error ? err.message : String(err) }, label)));
  };
  return { error, setError, label, send, text, t };
}

function NumberKnob({ scenario, spec, value }: { scenario: string; spec: Extract<KnobSpec, { kind: 'number' }>; value: number }) {
  const { error, setError, label, send, t } = useKnobSender(scenario, spec);
  const [draft, setDraft] = useState(String(value));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = useId();
  // The model's value wins whenever it changes (another control, a lesson), unless the box holds a refused entry.
  useEffect(() => {
    if (!error) setDraft(String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new model value resets the box
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (raw: string) => {
    clearTimeout(timer.current);
    const trimmed = raw.trim();
    if (trimmed === '') {
      setError(t('concepts.refusals.empty', { knob: label }));
      return;
    }
    const n = Number(trimmed);
    if (n === value && !error) return;
    send(n);
  };
  return (
    <div className={`knob knob-number${error ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="knob-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            const raw = e.target.value;
            setDraft(raw);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commit(raw), TYPING_PAUSE_MS);
          }}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
          }}
        />
        {spec.unit ? <span className="knob-unit">{spec.unit}</span> : null}
      </div>
      <span className="knob-range">
        {spec.min} – {spec.max}
      </span>
      {error ? (
        <p className="knob-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The box shows the student's choice at once; the model's value takes over when its view arrives. */
function useShownValue<T>(value: T): [T, (v: T) => void] {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return [shown, setShown];
}

function BooleanKnob({ scenario, spec, value }: { scenario: string; spec: KnobSpec; value: boolean }) {
  const { error, label, send } = useKnobSender(scenario, spec);
  const [shown, setShown] = useShownValue(value);
  const id = useId();
  return (
    <div className="knob knob-boolean">
      <input
        id={id}
        type="checkbox"
        checked={shown}
        onChange={(e) => {
          setShown(e.target.checked);
          send(e.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="knob-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ChoiceKnob({ scenario, spec, value }: { scenario: string; spec: Extract<KnobSpec, { kind: 'choice' }>; value: string }) {
  const { error, label, send, text } = useKnobSender(scenario, spec);
  const [shown, setShown] = useShownValue(value);
  const id = useId();
  return (
    <div className="knob knob-choice">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={shown}
        onChange={(e) => {
          setShown(e.target.value);
          send(e.target.value);
        }}
      >
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {text.option(spec.id, o)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="knob-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ActionButton({ scenario, spec }: { scenario: string; spec: ActionSpec }) {
  const text = useConceptText(scenario);
  const { t } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="scenario-action">
      <button
        type="button"
        className="btn"
        onClick={() =>
          void runScenarioAction(spec.id)
            .then((r) => setError(r.ok ? undefined : text.refusal(r)))
            .catch((err: unknown) => setError(t('concepts.refusals.failed', { message: err instanceof Error ? err.message : String(err) })))
        }
      >
        {text.action(spec.id)}
      </button>
      {error ? (
        <p className="knob-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ScenarioControls({ scenario, knobs, actions, values }: { scenario: string; knobs: readonly KnobSpec[]; actions: readonly ActionSpec[]; values: Record<string, KnobValue> }) {
  const { t } = useTranslation();
  return (
    <section className="scenario-controls" role="region" aria-label={t('concepts.controls')}>
      <h3>{t('concepts.controls')}</h3>
      <div className="knobs">
        {knobs.map((spec) => {
          const value = values[spec.id] ?? spec.default;
          switch (spec.kind) {
            case 'number':
              return <NumberKnob key={spec.id} scenario={scenario} spec={spec} value={Number(value)} />;
            case 'boolean':
              return <BooleanKnob key={spec.id} scenario={scenario} spec={spec} value={value === true} />;
            case 'choice':
              return <ChoiceKnob key={spec.id} scenario={scenario} spec={spec} value={String(value)} />;
          }
        })}
      </div>
      {actions.length > 0 ? (
        <div className="scenario-actions" role="group" aria-label={t('concepts.actionsTitle')}>
          {actions.map((a) => (
            <ActionButton key={a.id} scenario={scenario} spec={a} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
