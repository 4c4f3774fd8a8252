import { useEffect, useId } from 'react';
import { appStore, useAppStore } from '../../state/useAppStore';

interface Props {
  steps: number;
  step: number;
  stepSeconds: number;
  /** Steps with at least one event, ascending. */
  eventSteps: readonly number[];
}

const TICK_MS = 250;

/** Play/pause, step and event navigation, a labelled scrubber, and the page's keys (← → Space Home End). */
export function Timeline({ steps, step, stepSeconds, eventSteps }: Props) {
  const playing = useAppStore((s) => s.learnPlaying);
  const setStep = useAppStore((s) => s.setLearnStep);
  const setPlaying = useAppStore((s) => s.setLearnPlaying);
  const id = useId();
  const last = steps - 1;
  const prevEvent = [...eventSteps].reverse().find((t) => t < step);
  const nextEvent = eventSteps.find((t) => t > step);

  useEffect(() => {
    if (!playing) return;
    const stride = Math.max(1, Math.round(steps / 120));
    const timer = setInterval(() => {
      const { learnStep } = appStore.getState();
      const next = Math.min(learnStep + stride, last);
      appStore.getState().setLearnStep(next);
      if (next >= last) appStore.getState().setLearnPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, steps, last]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const tag = target?.tagName;
      const isRange = target instanceof HTMLInputElement && target.type === 'range';
      if ((tag === 'INPUT' && !isRange) || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable) return;
      const { learnStep, learnPlaying } = appStore.getState();
      const current = Math.min(learnStep, last);
      const go = (t: number) => {
        event.preventDefault();
        appStore.getState().setLearnStep(Math.max(0, Math.min(last, t)));
      };
      switch (event.key) {
        case 'ArrowLeft':
          return go(current - 1);
        case 'ArrowRight':
          return go(current + 1);
        case 'Home':
          return go(0);
        case 'End':
          return go(last);
        case ' ':
          if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return;
          event.preventDefault();
          appStore.getState().setLearnPlaying(!learnPlaying && current < last);
          return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [last]);

  const minutes = (step * stepSeconds) / 60;
  return (
    <div className="learn-timeline">
      <div className="learn-buttons" role="group" aria-label="Step through the path">
        <button type="button" onClick={() => setStep(0)} disabled={step === 0} aria-label="First step">
          First
        </button>
        <button type="button" onClick={() => prevEvent !== undefined && setStep(prevEvent)} disabled={prevEvent === undefined} data-testid="learn-prev-event">
          ◀ Previous event
        </button>
        <button type="button" onClick={() => setStep(step - 1)} disabled={step === 0} aria-label="Step back">
          ‹ Step
        </button>
        <button type="button" className="learn-play" onClick={() => setPlaying(!playing && step < last)} data-testid="learn-play" aria-pressed={playing}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={() => setStep(step + 1)} disabled={step >= last} aria-label="Step forward">
          Step ›
        </button>
        <button type="button" onClick={() => nextEvent !== undefined && setStep(nextEvent)} disabled={nextEvent === undefined} data-testid="learn-next-event">
          Next event ▶
        </button>
        <button type="button" onClick={() => setStep(last)} disabled={step >= last} aria-label="Last step">
          Last
        </button>
      </div>
      <div className="learn-scrub">
        <label htmlFor={id}>Step</label>
        <input
          id={id}
          type="range"
          min={0}
          max={last}
          step={1}
          value={step}
          onChange={(e) => setStep(Number(e.target.value))}
          data-testid="learn-scrubber"
          aria-valuetext={`step ${step} of ${last}, minute ${formatMinutes(minutes)}`}
        />
        <output htmlFor={id} data-testid="learn-step">
          step {step} of {last} · {formatMinutes(minutes)}
        </output>
      </div>
    </div>
  );
}

function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
  const h = Math.floor(minutes / 60);
  return `${h} h ${Math.round(minutes - 60 * h)} min`;
}
