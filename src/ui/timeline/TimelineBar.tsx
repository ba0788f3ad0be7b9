/**
 * The timeline under the canvas: a slider over the recorded history (its start to now), marks for
 * faults, applies, rollouts and other changes, previous/next event, and, while the past is on screen,
 * a banner that says so with "Back to now" and "Continue from here". The worker replays the past;
 * this only asks for moments and shows what it answers.
 */
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { simClient } from '../../client/simClient';
import { TimelineClient } from '../../client/timelineClient';
import { useClusterStore } from '../../store/clusterStore';
import { useTimelineStore } from '../../store/timelineStore';
import type { MarkKind, TimelineMark } from '../../worker/timeline/types';
import { typingInto } from '../shell/useKeyboardShortcuts';
import { formatMoment, markPositions, timeAgo } from './timelineFormat';
import './timeline.css';

export const timelineClient = new TimelineClient(simClient.request);

/** Shapes drawn with the colours, so a mark reads without colour vision (Okabe–Ito palette in the CSS). */
export const MARK_SHAPES: Record<MarkKind, string> = { apply: '■', fault: '▲', rollout: '●', change: '◆' };
const KINDS: readonly MarkKind[] = ['apply', 'fault', 'rollout', 'change'];

const KEY_STEPS_MS: Record<string, number> = { ArrowLeft: -1000, ArrowRight: 1000, ArrowDown: -1000, ArrowUp: 1000, PageDown: -60_000, PageUp: 60_000 };
/** Dropping the handle this close to the end (as a share of the span) means now. */
const SNAP_TO_NOW = 0.005;

function swallow(p: Promise<unknown>): void {
  p.catch(() => undefined);
}

function useStepKeys(): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      if (e.key === '[') swallow(timelineClient.step('previous'));
      else if (e.key === ']') swallow(timelineClient.step('next'));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export default function TimelineBar() {
  const { t } = useTranslation();
  useStepKeys();
  const state = useTimelineStore((s) => s.state);
  const pendingAt = useTimelineStore((s) => s.pendingAt);
  const replayMs = useTimelineStore((s) => s.lastReplayMs);
  // While live the end moves with the clock: whole seconds are enough for the slider.
  const liveSecond = useClusterStore((s) => Math.floor(s.clock.now / 1000));
  const ready = useClusterStore((s) => s.status === 'running');
  const viewing = state?.viewing ?? null;
  const start = state?.start ?? 0;
  const end = state ? (viewing === null ? Math.max(state.now, liveSecond * 1000) : state.now) : 0;
  const marks = useMemo(() => markPositions(state?.marks ?? [], start, end), [state?.marks, start, end]);
  if (!state || end <= start) return null;
  const value = pendingAt ?? viewing ?? end;
  const span = end - start;

  const seek = (at: number) => {
    if (at >= end - span * SNAP_TO_NOW) swallow(timelineClient.backToNow());
    else swallow(timelineClient.seekTo(Math.max(start, Math.round(at))));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = KEY_STEPS_MS[e.key];
    if (step !== undefined) seek(value + (e.shiftKey ? step * 10 : step));
    else if (e.key === 'Home') seek(start);
    else if (e.key === 'End') seek(end);
    else return;
    e.preventDefault();
  };
  const continueHere = () => {
    if (viewing === null) return;
    if (window.confirm(t('timeline.continueConfirm', { time: formatMoment(viewing) }))) swallow(timelineClient.continueFromHere());
  };
  const valueText =
    value >= end ? t('timeline.valueNow', { time: formatMoment(end) }) : t('timeline.valuePast', { time: formatMoment(value), ago: timeAgo(end - value, t) });

  return (
    <section className={`timeline${viewing === null ? '' : ' is-past'}`} aria-label={t('timeline.label')}>
      {viewing !== null ? (
        <div className="timeline-past" role="status">
          <span className="timeline-past-icon" aria-hidden="true">
            ❚❚
          </span>
          <strong>{t('timeline.viewing', { time: formatMoment(viewing) })}</strong>
          <span className="timeline-past-hint" title={t('timeline.viewingHint')}>
            {t('timeline.viewingHint')}
          </span>
          <span className="timeline-past-actions">
            <button type="button" className="btn btn-primary" onClick={() => swallow(timelineClient.backToNow())}>
              {t('timeline.backToNow')}
            </button>
            <button type="button" className="btn" title={t('timeline.continueHint')} onClick={continueHere}>
              {t('timeline.continueHere')}
            </button>
          </span>
        </div>
      ) : null}
      <div className="timeline-row">
        <button type="button" className="btn timeline-step" onClick={() => swallow(timelineClient.step('previous'))} disabled={!ready} title={t('timeline.previousHint')} aria-keyshortcuts="[">
          <span aria-hidden="true">◀</span> <span className="timeline-step-label">{t('timeline.previous')}</span>
        </button>
        <div className="timeline-track">
          <div className="timeline-marks" aria-hidden="true">
            {marks.map(({ mark, left }, i) => (
              <MarkPin key={`${mark.at}-${i}`} mark={mark} left={left} onPick={() => seek(mark.at)} />
            ))}
          </div>
          <input
            type="range"
            className="timeline-slider"
            min={start}
            max={end}
            step="any"
            value={value}
            disabled={!ready}
            aria-label={t('timeline.slider')}
            aria-valuetext={valueText}
            onChange={(e) => seek(Number(e.target.value))}
            onKeyDown={onKeyDown}
          />
        </div>
        <button type="button" className="btn timeline-step" onClick={() => swallow(timelineClient.step('next'))} disabled={!ready || viewing === null} title={t('timeline.nextHint')} aria-keyshortcuts="]">
          <span className="timeline-step-label">{t('timeline.next')}</span> <span aria-hidden="true">▶</span>
        </button>
        <span className="timeline-clock" data-testid="timeline-clock">
          {viewing === null ? <span className="timeline-live">● {t('timeline.live')}</span> : t('timeline.span', { at: formatMoment(viewing), now: formatMoment(end) })}
        </span>
      </div>
      <div className="timeline-foot">
        <ul className="timeline-legend" aria-label={t('timeline.legend')}>
          {KINDS.map((kind) => (
            <li key={kind}>
              <span className={`mark-${kind}`} aria-hidden="true">
                {MARK_SHAPES[kind]}
              </span>{' '}
              {t(`timeline.kinds.${kind}`)}
            </li>
          ))}
        </ul>
        {viewing !== null && replayMs !== undefined ? (
          <span className="timeline-replayed" data-testid="timeline-replay-ms">
            {t('timeline.replayed', { ms: Math.round(replayMs) })}
          </span>
        ) : null}
      </div>
    </section>
  );
}

function MarkPin({ mark, left, onPick }: { mark: TimelineMark; left: number; onPick: () => void }) {
  const { t } = useTranslation();
  const title = t('timeline.markTitle', { kind: t(`timeline.kinds.${mark.kind}`), time: formatMoment(mark.at), label: mark.label });
  return (
    // The slider and previous/next event are the keyboard's way through the marks; a pin is for the pointer.
    <button type="button" tabIndex={-1} className={`timeline-mark mark-${mark.kind}`} style={{ left: `${left}%` }} title={title} onClick={onPick}>
      {MARK_SHAPES[mark.kind]}
    </button>
  );
}
