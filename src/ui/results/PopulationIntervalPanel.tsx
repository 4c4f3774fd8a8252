// Beside the path-only (Wilson) interval on P(socialized): an on-demand interval that also resamples which
// population was drawn (batch means over POPULATION_BATCHES generated books, workers/populationCiClient.ts).
// It costs one more run of the same paths, so it runs only when asked, with progress and a cancel button, and
// is shown only while the parameters, seed and paths are those of the run it was computed for. Asking for it turns
// on `populationCi` (a share-link field): while on, every finished run gets its interval, so a link made with it
// on opens showing it.
import { useEffect, useRef, useState } from 'react';
import { canonicalJson } from '../../engine/identity';
import type { RiskParams } from '../../engine/params/riskParams';
import { populationCiPlan, runPopulationCi, type PopulationInterval } from '../../../workers/populationCiClient';
import { workerCountFrom } from '../../../workers/poolConfig';
import { spawnEngineWorker } from '../../../workers/spawnEngineWorker';
import { selectParams, selectPaths, selectSeed, selectStale, selectStatus } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatPercent } from '../format';

type PanelState =
  | { kind: 'idle' }
  | { kind: 'running'; key: string; done: number; total: number }
  | { kind: 'done'; key: string; result: PopulationInterval }
  | { kind: 'error'; key: string; message: string };

const requestKey = (params: RiskParams, seed: number, paths: number) => canonicalJson({ params, seed, paths });

export function PopulationIntervalPanel() {
  const params = useAppStore(selectParams);
  const seed = useAppStore(selectSeed);
  const paths = useAppStore(selectPaths);
  const status = useAppStore(selectStatus);
  const stale = useAppStore(selectStale);
  const on = useAppStore((s) => s.populationCi);
  const [state, setState] = useState<PanelState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(new Error('The results panel closed')), []);

  const key = requestKey(params, seed, paths);
  const plan = populationCiPlan(params, paths);
  const ready = status === 'done' && !stale;
  const current = state.kind !== 'idle' && state.key === key ? state : null;
  const start = () => {
    if (plan === null) return;
    appStore.getState().setPopulationCi(true);
    controller.current?.abort(new Error('Replaced by a new request'));
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', key, done: 0, total: plan.batches });
    runPopulationCi(spawnEngineWorker, { params, seed, paths }, {
      workers: workerCountFrom(location.search, navigator.hardwareConcurrency),
      signal: abort.signal,
      onProgress: (done, total) => {
        if (!abort.signal.aborted) setState({ kind: 'running', key, done, total });
      },
    }).then(
      (result) => {
        if (!abort.signal.aborted && result) setState({ kind: 'done', key, result });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ kind: 'error', key, message: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  // While on, a finished run without its interval gets one (also when a link opened with it on).
  const due = on && ready && plan !== null && current === null;
  // The start is queued, not run inside the effect: it sets state, and one request per run is enough.
  const queuedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!due || queuedFor.current === key) return;
    queuedFor.current = key;
    queueMicrotask(start);
  });

  if (plan === null) {
    return (
      <span className="plain" data-testid="population-ci-unavailable">
        {params.population.kind === 'generated'
          ? 'An interval that includes population resampling needs at least 4 paths.'
          : 'Imported positions are given, not drawn: the interval above is the only one.'}
      </span>
    );
  }

  const cancel = () => {
    controller.current?.abort(new Error('Cancelled'));
    controller.current = null;
    appStore.getState().setPopulationCi(false);
    queuedFor.current = null;
    setState({ kind: 'idle' });
  };

  return (
    <span className="population-ci" data-testid="population-ci">
      {current?.kind === 'done' ? (
        <span data-testid="population-ci-result" data-lo={String(current.result.interval[0])} data-hi={String(current.result.interval[1])}>
          Including population resampling: 95 % interval {formatPercent(current.result.interval[0])} – {formatPercent(current.result.interval[1])}{' '}
          <span className="plain" title={`Per population: ${current.result.perPopulation.map((p) => formatPercent(p)).join(', ')}`}>
            (batch means over {current.result.populations} generated populations of {current.result.pathsPerPopulation.toLocaleString('en-US')} paths each;
            pooled {formatPercent(current.result.pSocialized)}, on other paths than the run above).
          </span>{' '}
          <button type="button" className="link-button" data-testid="population-ci-off" onClick={cancel}>
            Hide
          </button>
        </span>
      ) : current?.kind === 'running' ? (
        <>
          <span data-testid="population-ci-progress" role="status">
            Resampling populations: {current.done} of {current.total} done…
          </span>{' '}
          <button type="button" className="link-button" onClick={cancel}>
            Cancel
          </button>
        </>
      ) : (
        <>
          {current?.kind === 'error' && (
            <span className="field-problem" role="alert" data-testid="population-ci-error">
              {current.message}{' '}
            </span>
          )}
          <button type="button" className="link-button" data-testid="population-ci-run" disabled={!ready} onClick={start}>
            Include population uncertainty
          </button>{' '}
          <span className="plain">
            The interval above covers the price paths only; this reruns the {paths.toLocaleString('en-US')} paths on {plan.batches} freshly drawn populations.
          </span>
        </>
      )}
    </span>
  );
}
