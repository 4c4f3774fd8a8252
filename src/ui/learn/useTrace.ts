// Traces (params, seed, path) in learn mode's own engine worker, started on first use. A newer request makes
// an older answer irrelevant: only the latest is kept. Errors are returned as words for the page to show.
import { useEffect, useState } from 'react';
import type { RiskParams } from '../../engine/params/riskParams';
import { createTraceClient, type LearnTrace, type TraceClient } from '../../../workers/traceClient';
import { spawnEngineWorker } from '../../../workers/spawnEngineWorker';

let client: TraceClient | null = null;
const traceClient = (): TraceClient => (client ??= createTraceClient(spawnEngineWorker));

export type TraceState =
  | { status: 'loading'; trace: LearnTrace | null }
  | { status: 'ready'; trace: LearnTrace }
  | { status: 'error'; error: string; trace: null };

interface Answer {
  params: RiskParams;
  seed: number;
  pathIndex: number;
  value: { status: 'ready'; trace: LearnTrace } | { status: 'error'; error: string; trace: null };
}

/** The traced path of (params, seed, pathIndex); null when params is null (no request, e.g. no baseline). */
export function useTrace(params: RiskParams | null, seed: number, pathIndex: number): TraceState | null {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (params === null) return;
    let live = true;
    traceClient()
      .trace({ params, seed, pathIndex })
      .then(
        (trace) => live && setAnswer({ params, seed, pathIndex, value: { status: 'ready', trace } }),
        (error: unknown) =>
          live && setAnswer({ params, seed, pathIndex, value: { status: 'error', error: error instanceof Error ? error.message : String(error), trace: null } }),
      );
    return () => {
      live = false;
    };
  }, [params, seed, pathIndex]);
  if (params === null) return null;
  if (answer && answer.params === params && answer.seed === seed && answer.pathIndex === pathIndex) return answer.value;
  // Still tracing: keep showing the previous path (if any) until the new one arrives.
  return { status: 'loading', trace: answer?.value.trace ?? null };
}
