// Learn mode: which step of the traced path is shown, whether it plays, the event log's filter — and the traced
// paths themselves (the current parameters' and the baseline's), asked of the trace engine. A newer request
// makes an older answer irrelevant: only the latest per slot is kept. Errors are kept as words for the page.
import type { StateCreator } from 'zustand/vanilla';
import type { RiskParams } from '../engine/params/riskParams';
import { missingEngine, type LearnTrace, type TraceEngine } from './engines';
import type { AppState } from './store';

export type TraceState =
  | { status: 'loading'; trace: LearnTrace | null }
  | { status: 'ready'; trace: LearnTrace }
  | { status: 'error'; error: string; trace: null };

/** The traced path of (params, seed, pathIndex) and how far it has come. */
export interface TraceSlot {
  params: RiskParams;
  seed: number;
  pathIndex: number;
  state: TraceState;
}

export type TraceWhich = 'current' | 'baseline';

export interface LearnSlice {
  /** The step shown, 0-based; views clamp it to the traced path's length. */
  learnStep: number;
  learnPlaying: boolean;
  /** Event log shows only events that move money (bad debt, fund draws, socialized, vault, uncovered). */
  learnOnlyLosses: boolean;
  learnTraces: Record<TraceWhich, TraceSlot | null>;
  /** Sets the step if it is a whole number ≥ 0; otherwise ignored. */
  setLearnStep: (step: number) => void;
  setLearnPlaying: (playing: boolean) => void;
  setLearnOnlyLosses: (only: boolean) => void;
  /** Traces (params, seed, pathIndex) into slot `which` unless that very path is there; null params empties it. */
  traceLearnPath: (which: TraceWhich, params: RiskParams | null, seed: number, pathIndex: number) => void;
}

/** What a view shows for (params, seed, pathIndex): the slot's state if it is that path, else the previous path loading. */
export function traceStateOf(slot: TraceSlot | null, params: RiskParams | null, seed: number, pathIndex: number): TraceState | null {
  if (params === null) return null;
  if (slot && slot.params === params && slot.seed === seed && slot.pathIndex === pathIndex) return slot.state;
  return { status: 'loading', trace: slot?.state.trace ?? null };
}

const noTracer: TraceEngine = {
  trace: () => Promise.reject(missingEngine('trace')),
  dispose: () => undefined,
};

export function createLearnSlice(tracer: TraceEngine = noTracer): StateCreator<AppState, [], [], LearnSlice> {
  return (set, get) => ({
    learnStep: 0,
    learnPlaying: false,
    learnOnlyLosses: false,
    learnTraces: { current: null, baseline: null },
    setLearnStep: (step) => {
      if (Number.isSafeInteger(step) && step >= 0 && step !== get().learnStep) set({ learnStep: step });
    },
    setLearnPlaying: (learnPlaying) => set({ learnPlaying }),
    setLearnOnlyLosses: (learnOnlyLosses) => set({ learnOnlyLosses }),
    traceLearnPath: (which, params, seed, pathIndex) => {
      const slot = get().learnTraces[which];
      if (params === null) {
        if (slot !== null) set({ learnTraces: { ...get().learnTraces, [which]: null } });
        return;
      }
      if (slot && slot.params === params && slot.seed === seed && slot.pathIndex === pathIndex) return;
      const asked: TraceSlot = { params, seed, pathIndex, state: { status: 'loading', trace: slot?.state.trace ?? null } };
      set({ learnTraces: { ...get().learnTraces, [which]: asked } });
      const settle = (state: TraceState) => {
        if (get().learnTraces[which] !== asked) return;
        set({ learnTraces: { ...get().learnTraces, [which]: { ...asked, state } } });
      };
      tracer.trace({ params, seed, pathIndex }).then(
        (trace) => settle({ status: 'ready', trace }),
        (error: unknown) => settle({ status: 'error', error: error instanceof Error ? error.message : String(error), trace: null }),
      );
    },
  });
}
