/**
 * The journey replay above the canvas (loaded when a journey starts): the hop on show with what its
 * component wrote, step back/forward, play/pause, and a row of hops to jump to. The caption is a live
 * region, so a screen reader reads each hop as it comes; ← and → step while focus is in the player.
 */
import './journey.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyHop, JourneyPlace } from '../../engine/journey/journeyRecorder';
import { useClusterStore } from '../../store/clusterStore';
import { usePresenterStore } from '../presenter/presenterStore';
import { closeJourney } from './journeyActions';
import { JourneyHighlight } from './JourneyHighlight';
import { useJourneyStore } from './journeyStore';

/** Real time a hop stays on show while playing (longer in presenter mode: a room reads slower). */
export const HOP_MS = 3200;
export const PRESENTER_HOP_MS = 5000;

type T = (key: string, opts?: Record<string, unknown>) => string;

export function placeLabel(t: T, place: JourneyPlace): string {
  switch (place.part) {
    case 'kubectl':
      return t('journey.places.kubectl');
    case 'controller':
      return t('journey.places.controller', { controller: place.controller });
    case 'pod':
      return t('journey.places.pod', { name: place.name });
    case 'service':
      return t('journey.places.service', { name: place.name });
    case 'kubelet':
    case 'kube-proxy':
    case 'runtime':
      return `${t(`components.${place.part}`)} · ${place.node}`;
    default:
      return t(`components.${place.part}`);
  }
}

function field(hop: JourneyHop, path: string): string {
  return hop.fields.find((f) => f.path === path)?.value ?? '';
}

/** The hop in one sentence, with its live values (the node, the IP, the resourceVersion). */
export function hopSentence(t: T, hop: JourneyHop): string {
  const node = 'node' in hop.place ? hop.place.node : field(hop, 'spec.nodeName');
  const image = field(hop, 'image');
  switch (hop.stage) {
    case 'stored':
      return t('journey.stages.stored', { rv: hop.resourceVersion ?? '' });
    case 'scheduled':
      return t('journey.stages.scheduled', { node });
    case 'kubelet':
      return t('journey.stages.kubelet', { node });
    case 'pulled':
      return t(field(hop, 'pull') === 'already present' ? 'journey.stages.pulledPresent' : 'journey.stages.pulled', { node, image });
    case 'running':
      return t('journey.stages.running', { ip: field(hop, 'status.podIP') });
    default:
      return t(`journey.stages.${hop.stage}`);
  }
}

function useAutoplay(): void {
  const playing = useJourneyStore((s) => s.playing);
  const index = useJourneyStore((s) => s.index);
  const count = useJourneyStore((s) => s.record?.hops.length ?? 0);
  const complete = useJourneyStore((s) => s.record?.state === 'complete');
  const presenter = usePresenterStore((s) => s.on);
  useEffect(() => {
    if (!playing) return;
    if (index >= count - 1) {
      // At the last hop of a finished journey the replay stops; while recording it waits for the next hop.
      if (complete && index === count - 1) useJourneyStore.getState().setPlaying(false);
      return;
    }
    const timer = setTimeout(() => useJourneyStore.getState().next(), presenter ? PRESENTER_HOP_MS : HOP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, count, complete, presenter]);
}

export default function JourneyPlayer() {
  const { t } = useTranslation();
  const status = useJourneyStore((s) => s.status);
  const record = useJourneyStore((s) => s.record);
  const index = useJourneyStore((s) => s.index);
  const playing = useJourneyStore((s) => s.playing);
  const error = useJourneyStore((s) => s.error);
  const clockRunning = useClusterStore((s) => s.clock.running);
  useAutoplay();
  const region = useRef<HTMLElement>(null);
  // The player takes focus when it opens, so the keyboard is where the journey is.
  useEffect(() => {
    region.current?.focus();
  }, []);

  const hops = record?.hops ?? [];
  const hop = hops[index];
  const first = hops[0];
  const atEnd = record?.state === 'complete' && index === hops.length - 1;
  const waiting = record?.state === 'recording' && index === hops.length - 1;

  const onKeyDown = (e: React.KeyboardEvent) => {
    // The page's shortcuts (Space plays the cluster's clock, → steps a presenter's demo) stay out of the player.
    if (e.key === ' ' || e.key === '.' || e.key === 'ArrowRight' || e.key === 'ArrowLeft') e.stopPropagation();
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      useJourneyStore.getState().next();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      useJourneyStore.getState().back();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      closeJourney();
    }
  };

  return (
    <>
      <section ref={region} className="journey-player" aria-label={t('journey.player')} tabIndex={-1} onKeyDown={onKeyDown} data-testid="journey-player">
        <div className="journey-head">
          <h2 className="journey-title">{t('journey.player')}</h2>
          {record ? <span className="journey-count">{t('journey.stepOf', { step: index + 1, count: hops.length })}</span> : null}
          {hops.length > 0 ? (
            <ol className="journey-hops" aria-label={t('journey.hopList')}>
              {hops.map((h, i) => (
                <li key={h.stage}>
                  <button
                    type="button"
                    className={`journey-hop${i === index ? ' is-current' : ''}${i < index ? ' is-past' : ''}`}
                    aria-current={i === index ? 'step' : undefined}
                    aria-label={`${i + 1}. ${placeLabel(t, h.place)}`}
                    title={placeLabel(t, h.place)}
                    onClick={() => {
                      useJourneyStore.getState().setPlaying(false);
                      useJourneyStore.getState().goTo(i);
                    }}
                  >
                    {i + 1}
                  </button>
                </li>
              ))}
            </ol>
          ) : null}
          <div className="journey-controls">
            <button type="button" className="btn" onClick={() => useJourneyStore.getState().back()} disabled={index <= 0} aria-label={t('journey.back')}>
              <span aria-hidden="true">◀</span> <span className="journey-button-word">{t('journey.back')}</span>
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => useJourneyStore.getState().setPlaying(!playing)}
              disabled={!record || atEnd}
              aria-label={playing ? t('journey.pause') : t('journey.play')}
              aria-pressed={playing}
            >
              <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
            </button>
            <button type="button" className="btn" onClick={() => useJourneyStore.getState().next()} disabled={index >= hops.length - 1} aria-label={t('journey.next')}>
              <span className="journey-button-word">{t('journey.next')}</span> <span aria-hidden="true">▶</span>
            </button>
            <button type="button" className="btn btn-quiet btn-round" onClick={closeJourney} aria-label={t('journey.close')}>
              ✕
            </button>
          </div>
        </div>
        {status === 'starting' ? <p className="journey-sentence">{t('journey.starting')}</p> : null}
        {status === 'failed' ? (
          <p className="journey-sentence is-error" role="alert">
            {t('journey.failed', { error: error ?? '' })}
          </p>
        ) : null}
        {hop ? (
          <div className="journey-caption" aria-live="polite" aria-atomic="true" data-testid="journey-caption" data-stage={hop.stage}>
            <p className="journey-sentence">
              <strong className="journey-place">{placeLabel(t, hop.place)}</strong> {hopSentence(t, hop)}
            </p>
            <dl className="journey-fields" aria-label={t('journey.fields')}>
              {hop.fields.map((f) => (
                <div key={f.path} className="journey-field">
                  <dt>{f.path}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
            <p className="journey-meta">
              {t('journey.wrote', { object: `${hop.object.kind} ${hop.object.name}` })}
              {hop.writer ? ` · ${t('journey.writer', { writer: hop.writer })}` : ''}
              {first ? ` · +${((hop.at - first.at) / 1000).toFixed(1)} s` : ''}
            </p>
          </div>
        ) : null}
        {waiting ? <p className="journey-status">{clockRunning ? t('journey.waiting') : t('journey.waitingPaused')}</p> : null}
        {atEnd ? (
          <p className="journey-status is-done" role="status">
            ✓ {t('journey.finished')}{' '}
            <button type="button" className="btn btn-quiet" onClick={() => useJourneyStore.getState().goTo(0)}>
              {t('journey.restart')}
            </button>
          </p>
        ) : null}
      </section>
      {record && hop ? <JourneyHighlight record={record} index={index} /> : null}
    </>
  );
}

