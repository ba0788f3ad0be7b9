import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { useRouteStore } from '../../store/routeStore';
import { SPEEDS } from '../../worker/protocol';
import { simClient } from '../../client/simClient';
import { useTimelineStore } from '../../store/timelineStore';
import { formatSpeed, formatVirtualTime } from './formatClock';

export function togglePlay(): void {
  const { running } = useClusterStore.getState().clock;
  void simClient.clock({ action: running ? 'pause' : 'play' }).catch(() => undefined);
}

export function stepOnce(): void {
  void simClient.clock({ action: 'step' }).catch(() => undefined);
}

/** Play/pause, step, speed, reset and the virtual clock readout. */
export function TimeControls() {
  const { t } = useTranslation();
  const running = useClusterStore((s) => s.clock.running);
  const speed = useClusterStore((s) => s.clock.speed);
  const now = useClusterStore((s) => s.clock.now);
  const ready = useClusterStore((s) => s.status === 'running');
  // The past on screen (the timeline) waits: play and step belong to the live cluster.
  const past = useTimelineStore((s) => s.state?.viewing != null);
  // On a scenario page the clock runs the scenario; resetting the waiting cluster from there would surprise.
  const onCluster = useRouteStore((s) => s.route.page !== 'scenario' && s.route.page !== 'scenarios');
  return (
    <div className="time-controls" role="group" aria-label={t('time.controls')}>
      <button type="button" className="btn btn-primary" onClick={togglePlay} disabled={!ready || past} aria-keyshortcuts="Space">
        {running ? `❚❚ ${t('time.pause')}` : `▶ ${t('time.play')}`}
      </button>
      <button type="button" className="btn" onClick={stepOnce} disabled={!ready || past} title={t('time.stepHint')} aria-keyshortcuts=".">
        {t('time.step')} <span className="btn-hint">+1s</span>
      </button>
      <label className="speed-select">
        <span>{t('time.speed')}</span>
        <select
          value={String(speed)}
          disabled={!ready}
          onChange={(e) => void simClient.clock({ action: 'speed', speed: Number(e.target.value) }).catch(() => undefined)}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {formatSpeed(s)}
            </option>
          ))}
        </select>
      </label>
      <div className={`clock-readout${running ? ' is-running' : ''}`} role="timer" aria-label={t('time.clock')} aria-live="off">
        <span className="clock-label">{t('time.clock')}</span>
        <span className="clock-value" data-testid="virtual-clock" data-now={now}>
          {formatVirtualTime(now)}
        </span>
        <span className="clock-state">{running ? t('time.running') : t('time.paused')}</span>
      </div>
      {onCluster ? (
        // Never disabled: a crashed or silent worker is replaced by a fresh one (simClient.resetFresh).
        <button
          type="button"
          className="btn btn-quiet"
          title={t('firstScreen.resetHint')}
          onClick={() => {
            if (window.confirm(t('firstScreen.resetConfirm'))) void simClient.resetFresh().catch(() => undefined);
          }}
        >
          ↺ {t('time.reset')}
        </button>
      ) : null}
    </div>
  );
}
