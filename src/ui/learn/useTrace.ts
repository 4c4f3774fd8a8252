// The traced path a learn view shows: asks the store to trace (params, seed, pathIndex) and reads the answer.
import { useEffect } from 'react';
import type { RiskParams } from '../../engine/params/riskParams';
import { traceStateOf, type TraceState, type TraceWhich } from '../../state/learnSlice';
import { useAppStore } from '../../state/useAppStore';

export type { TraceState };

/** The traced path of (params, seed, pathIndex); null when params is null (no request, e.g. no baseline). */
export function useTrace(which: TraceWhich, params: RiskParams | null, seed: number, pathIndex: number): TraceState | null {
  const traceLearnPath = useAppStore((s) => s.traceLearnPath);
  const slot = useAppStore((s) => s.learnTraces[which]);
  useEffect(() => traceLearnPath(which, params, seed, pathIndex), [traceLearnPath, which, params, seed, pathIndex]);
  return traceStateOf(slot, params, seed, pathIndex);
}
