/**
 * Chaos mode's controls in the failure panel: a switch, the rate, the seed an instructor can read out
 * and type again to replay a demo, and what chaos did lately. The worker decides everything; this
 * sends start/stop and renders the status it posts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAOS_KINDS, CHAOS_RATES, type ChaosKind, type ChaosLogEntry, type ChaosResult } from '../../engine/faults';
import { useFaultStore } from '../../store/faultStore';
import { simClient } from '../../client/simClient';
import { formatVirtualTime } from '../shell/formatClock';
import { outcomeText } from './resultText';
import './chaos.css';

/** Entries the panel lists (newest first). */
const SHOWN = 8;

async function sendChaos(request: { action: 'start'; rate: number; seed: number; kinds: readonly ChaosKind[] } | { action: 'stop' }): Promise<ChaosResult> {
  try {
    return await simClient.request({ type: 'chaos', ...request });
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function ChaosControl() {
  const { t } = useTranslation();
  const chaos = useFaultStore((s) => s.status.chaos);
  const [rate, setRate] = useState<number | undefined>(undefined);
  const [seedText, setSeedText] = useState<string | undefined>(undefined);
  const [kinds, setKinds] = useState<readonly ChaosKind[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!chaos) return null;
  const running = chaos.running;
  const shownRate = rate ?? chaos.rate;
  const shownSeed = running ? String(chaos.seed) : (seedText ?? String(chaos.seed));
  const seedValid = /^\d+$/.test(shownSeed.trim()) && Number(shownSeed) <= 0xffffffff;
  const shownKinds = kinds ?? chaos.kinds;

  const act = async (request: Parameters<typeof sendChaos>[0]) => {
    setBusy(true);
    const result = await sendChaos(request);
    // Bad settings come back with a code (chaos-bad-rate, ...): shown in the page's language.
    setError(result.ok ? undefined : outcomeText(t, result));
    setBusy(false);
  };
  const toggle = () => (running ? act({ action: 'stop' }) : act({ action: 'start', rate: shownRate, seed: Number(shownSeed), kinds: shownKinds }));
  const changeRate = (next: number) => {
    setRate(next);
    // A new rate while running restarts chaos with the same seed (recorded, so a replay does the same).
    if (running) void act({ action: 'start', rate: next, seed: chaos.seed, kinds: shownKinds });
  };
  const toggleKind = (kind: ChaosKind) => {
    const next = shownKinds.includes(kind) ? shownKinds.filter((k) => k !== kind) : CHAOS_KINDS.filter((k) => k === kind || shownKinds.includes(k));
    if (next.length === 0) return;
    setKinds(next);
    if (running) void act({ action: 'start', rate: shownRate, seed: chaos.seed, kinds: next });
  };

  return (
    <section className={`chaos-control${running ? ' is-on' : ''}`} aria-label={t('chaos.title')} data-testid="chaos-control">
      <h3>{t('chaos.title')}</h3>
      <p className="failure-explain">{t('chaos.explain')}</p>
      <div className="chaos-row">
        <button type="button" role="switch" aria-checked={running} className={`chaos-switch${running ? ' is-on' : ''}`} onClick={() => void toggle()} disabled={busy || (!running && !seedValid)}>
          <span className="chaos-switch-knob" aria-hidden="true" />
          {t('chaos.toggle')}
        </button>
        <label className="chaos-field">
          <span>{t('chaos.rate')}</span>
          <select value={shownRate} onChange={(e) => changeRate(Number(e.target.value))} aria-label={t('chaos.rate')} disabled={busy}>
            {[...new Set([...CHAOS_RATES, shownRate])].sort((a, b) => a - b).map((r) => (
              <option key={r} value={r}>
                {t('chaos.rateOption', { rate: r })}
              </option>
            ))}
          </select>
        </label>
        <label className="chaos-field chaos-seed">
          <span>{t('chaos.seed')}</span>
          <input
            inputMode="numeric"
            value={shownSeed}
            onChange={(e) => setSeedText(e.target.value)}
            aria-label={t('chaos.seed')}
            aria-invalid={!seedValid}
            disabled={running || busy}
          />
        </label>
      </div>
      <fieldset className="chaos-kinds" disabled={busy}>
        <legend>{t('chaos.kinds')}</legend>
        {CHAOS_KINDS.map((kind) => (
          <label key={kind} className="chaos-kind">
            <input type="checkbox" checked={shownKinds.includes(kind)} onChange={() => toggleKind(kind)} />
            {t(`faults.names.${kind}`)}
          </label>
        ))}
      </fieldset>
      <p className="chaos-state" role="status" data-testid="chaos-state">
        {running ? t('chaos.on', { rate: chaos.rate, seed: chaos.seed }) : t('chaos.off')}
        {running && chaos.nextAtMs !== undefined ? ` · ${t('chaos.next', { time: formatVirtualTime(chaos.nextAtMs) })}` : ''}
        {chaos.injected > 0 ? ` · ${t('chaos.injected', { count: chaos.injected })}` : ''}
        {chaos.pendingHeals > 0 ? ` · ${t('chaos.pendingHeals', { count: chaos.pendingHeals })}` : ''}
      </p>
      {error ? (
        <p className="failure-outcome is-error" role="alert">
          {error}
        </p>
      ) : null}
      <h3>{t('chaos.log')}</h3>
      {chaos.log.length === 0 ? <p className="empty-note">{t('chaos.noLog')}</p> : null}
      <ol className="chaos-log" aria-label={t('chaos.log')}>
        {chaos.log
          .slice(-SHOWN)
          .reverse()
          .map((e) => (
            <ChaosLogItem key={e.seq} entry={e} />
          ))}
      </ol>
    </section>
  );
}

function ChaosLogItem({ entry: e }: { entry: ChaosLogEntry }) {
  const { t } = useTranslation();
  return (
    <li className={`chaos-log-entry is-${e.action}${e.ok ? '' : ' is-failed'}`} title={e.message}>
      <span className="chaos-log-time">{formatVirtualTime(e.atMs).replace(/\.\d$/, '')}</span>
      <span className="chaos-log-action">{t(`chaos.actions.${e.action}`)}</span>
      {e.action === 'skip' ? (
        <span className="chaos-log-what">{t('chaos.skipped')}</span>
      ) : (
        <>
          <span className="chaos-log-what">{e.fault ? t(`faults.names.${e.fault}`) : ''}</span>
          <code className="chaos-log-target">{e.target}</code>
        </>
      )}
      {e.ok ? null : <span className="chaos-log-error">{t('chaos.failed', { error: e.message })}</span>}
    </li>
  );
}
