import { selectDraftProblems, selectElapsedMs, selectError, selectProgress, selectRunPaths, selectSeed, selectStatus, startRunOf } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatInteger, formatSeconds, formatTimeLeft } from '../format';

/** Paths done / total and time left while a run streams. */
function Progress() {
  const progress = useAppStore(selectProgress);
  const runPaths = useAppStore(selectRunPaths);
  const done = progress?.pathsDone ?? 0;
  const total = progress?.pathsTotal ?? runPaths ?? 0;
  const eta = progress?.etaMs ?? null;
  return (
    <div data-testid="run-progress" className="run-progress">
      <progress aria-label="Run progress" max={total > 0 ? total : undefined} value={total > 0 ? done : undefined} />
      <span>
        {total > 0 ? `${formatInteger(done)} of ${formatInteger(total)} paths` : 'Simulating…'}
        {eta !== null ? ` · ${formatTimeLeft(eta)} left` : progress?.waiting ? ` · ${progress.waiting}` : total > 0 ? ' · estimating time left' : ''}
      </span>
    </div>
  );
}

/** Where the run stands: progress while it streams, `done` when finished, a failure with a Retry button. */
export function RunStatus() {
  const status = useAppStore(selectStatus);
  const error = useAppStore(selectError);
  const elapsedMs = useAppStore(selectElapsedMs);
  const runPaths = useAppStore(selectRunPaths);
  const seed = useAppStore(selectSeed);
  const draftProblems = useAppStore(selectDraftProblems).length;

  return (
    <div className="run-status">
      <div className="run-status-line">
        <p aria-live="polite">
          Run: <span data-testid="run-status" className={`status status-${status}`}>{status}</span>
          {status === 'done' && elapsedMs !== null && runPaths !== null && (
            <span className="muted">
              {' '}
              · {formatInteger(runPaths)} paths in {formatSeconds(elapsedMs)}, seed {seed}
            </span>
          )}
        </p>
        <button
          type="button"
          className="secondary small"
          onClick={() => appStore.getState().setSeed(seed >= Number.MAX_SAFE_INTEGER ? 0 : seed + 1)}
          title="Same parameters on a fresh set of random paths"
        >
          Re-run with a new seed
        </button>
      </div>
      {draftProblems > 0 && (
        <p className="draft-note" data-testid="draft-note">
          {draftProblems === 1 ? 'One parameter value is invalid' : `${draftProblems} parameter values are invalid`}: nothing new runs until{' '}
          {draftProblems === 1 ? 'it is' : 'they are'} fixed (see the parameters panel). The results below are for the last valid parameters.
        </p>
      )}
      {status === 'running' && <Progress />}
      {status === 'error' && (
        <div role="alert" data-testid="run-error" className="run-error">
          <p>
            <strong>The run failed.</strong> {error ?? 'No reason was given.'}
          </p>
          <button type="button" onClick={() => startRunOf(appStore.getState())()}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
