// Beside the path-only (Wilson) interval on P(socialized): an on-demand interval that also resamples which
// population was drawn (batch means over generated books; the store's population-interval slice runs it).
// It costs one more run of the same paths, so it runs only when asked, with progress and a cancel button, and
// is shown only while the parameters, seed and paths are those of the run it was computed for. Asking for it turns
// on `populationCi` (a share-link field): while on, every finished run gets its interval, so a link made with it
// on opens showing it.
import { useEffect, useMemo } from 'react';
import { populationCiKey } from '../../state/populationCiSlice';
import { selectParams, selectPaths, selectSeed, selectStale, selectStatus } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatPercent } from '../format';

export function PopulationIntervalPanel() {
  const params = useAppStore(selectParams);
  const seed = useAppStore(selectSeed);
  const paths = useAppStore(selectPaths);
  const status = useAppStore(selectStatus);
  const stale = useAppStore(selectStale);
  const state = useAppStore((s) => s.populationCiRun);
  const planOf = useAppStore((s) => s.populationCiPlan);
  const plan = useMemo(() => planOf(params, paths), [planOf, params, paths]);
  // The results panel closing stops the request in flight (its workers too); the choice stays on. While the
  // panel shows and the choice is on, the store gives every finished run its interval (refreshPopulationCi).
  useEffect(() => {
    appStore.getState().resumePopulationCi();
    return () => appStore.getState().abandonPopulationCi();
  }, []);

  // The key serializes the parameters: worth computing once per change, not on every status change.
  const key = useMemo(() => populationCiKey(params, seed, paths), [params, seed, paths]);
  const ready = status === 'done' && !stale;
  const current = state.kind !== 'idle' && state.key === key ? state : null;

  if (plan === null) {
    return (
      <span className="plain" data-testid="population-ci-unavailable">
        {params.population.kind === 'generated'
          ? 'An interval that includes population resampling needs at least 4 paths.'
          : 'Imported positions are given, not drawn: the interval above is the only one.'}
      </span>
    );
  }

  const start = () => appStore.getState().startPopulationCi();
  const cancel = () => appStore.getState().cancelPopulationCi();

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
