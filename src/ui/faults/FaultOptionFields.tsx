import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultName } from '../../engine/faults/types';
import { missingTag } from '../../engine/faults/images';
import { useFaultStore } from '../../store/faultStore';
import { DEFAULT_AFTER_SECONDS, DEFAULT_EXIT_CODE, EXIT_CODE_PRESETS, fieldRange, optionFields, type OptionDraft, type OptionErrors, type OptionField } from './faultOptions';
import type { ContainerChoice } from './targets';

interface Props {
  fault: FaultName;
  target: string;
  draft: OptionDraft;
  containers: readonly ContainerChoice[];
  errors: OptionErrors;
}

/** One labelled field: its control, a hint, and the validation message (both read with the control). */
function Field({ field, label, hint, error, children }: { field: OptionField; label: string; hint?: string | undefined; error: string | undefined; children: (a11y: Record<string, unknown>) => ReactNode }) {
  const id = `fault-option-${field}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="failure-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {hint ? (
        <span className="failure-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="failure-field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The option fields the chosen fault takes: container, exit code, image, delay, CPU percentage. */
export function FaultOptionFields({ fault, target, draft, containers, errors }: Props) {
  const { t } = useTranslation();
  const setOption = useFaultStore((s) => s.setOption);
  const fields = optionFields(fault);
  const message = (field: OptionField) => (errors[field] ? t(`faults.options.errors.${errors[field]}`, { target, ...fieldRange(fault, field) }) : undefined);
  const first = containers[0];
  // '' stands for the engine's default, the first container; picking the first explicitly is the same.
  const containerValue = draft.container !== first?.name && containers.some((c) => c.name === draft.container) ? draft.container : '';
  const chosen = containers.find((c) => c.name === containerValue) ?? first;
  return (
    <>
      {fields.includes('container') && first ? (
        <Field field="container" label={t('faults.options.container')} error={message('container')}>
          {(a11y) => (
            <select {...a11y} value={containerValue} onChange={(e) => setOption('container', e.target.value)}>
              {containers.map((c, i) => (
                <option key={c.name} value={i === 0 ? '' : c.name}>
                  {i === 0 ? t('faults.options.containerDefault', { name: c.name }) : c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {fields.includes('exitCode') ? (
        <Field field="exitCode" label={t('faults.options.exitCode')} error={message('exitCode')}>
          {(a11y) => (
            <div className="failure-exit-row">
              <input {...a11y} type="text" inputMode="numeric" className="failure-exit-input" value={draft.exitCode} placeholder={String(DEFAULT_EXIT_CODE[fault] ?? '')} onChange={(e) => setOption('exitCode', e.target.value)} />
              <div className="failure-presets" role="group" aria-label={t('faults.options.exitPresets')}>
                {EXIT_CODE_PRESETS.map((code) => (
                  <button key={code} type="button" className="btn btn-small failure-preset" aria-pressed={draft.exitCode.trim() === String(code)} onClick={() => setOption('exitCode', String(code))}>
                    {t(`faults.options.exitPreset.${code}`)}
                  </button>
                ))}
              </div>
            </div>
          )}
        </Field>
      ) : null}
      {fields.includes('image') ? (
        <Field field="image" label={t('faults.options.image')} hint={chosen ? t('faults.options.imageHint', { image: missingTag(chosen.image) }) : undefined} error={message('image')}>
          {(a11y) => <input {...a11y} type="text" spellCheck={false} value={draft.image} placeholder={chosen ? missingTag(chosen.image) : ''} onChange={(e) => setOption('image', e.target.value)} />}
        </Field>
      ) : null}
      {fields.includes('afterSeconds') ? (
        <Field field="afterSeconds" label={t('faults.options.afterSeconds')} hint={t(fault === 'oom' ? 'faults.options.oomAfterHint' : 'faults.options.crashAfterHint')} error={message('afterSeconds')}>
          {(a11y) => <input {...a11y} type="text" inputMode="decimal" value={draft.afterSeconds} placeholder={String(DEFAULT_AFTER_SECONDS[fault] ?? '')} onChange={(e) => setOption('afterSeconds', e.target.value)} />}
        </Field>
      ) : null}
      {fields.includes('percent') ? (
        <Field field="percent" label={t('faults.percent')} error={message('percent')}>
          {(a11y) => <input {...a11y} type="text" inputMode="decimal" value={draft.percent} onChange={(e) => setOption('percent', e.target.value)} />}
        </Field>
      ) : null}
    </>
  );
}
