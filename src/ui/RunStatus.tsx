import { selectElapsedMs, selectError, selectRunPaths, selectStatus } from '../state/selectors';
import { useAppStore } from '../state/useAppStore';
import { formatSeconds } from './format';

/** Where the run stands; a failed run's message is shown in full, never swallowed. */
export function RunStatus() {
  const status = useAppStore(selectStatus);
  const runPaths = useAppStore(selectRunPaths);
  const elapsedMs = useAppStore(selectElapsedMs);
  const error = useAppStore(selectError);

  return (
    <div className="run-status" aria-live="polite">
      <p>
        Status: <span data-testid="run-status" className={`status status-${status}`}>{status}</span>
        {status === 'done' && elapsedMs !== null && (
          <span className="muted">
            {' '}
            · {runPaths.toLocaleString('en-US')} paths in {formatSeconds(elapsedMs)} in the engine worker
          </span>
        )}
      </p>
      {status === 'running' && (
        <div data-testid="run-progress" className="run-progress">
          <progress aria-label="Run progress" />
          <span>Simulating {runPaths.toLocaleString('en-US')} paths in the engine worker…</span>
        </div>
      )}
      {status === 'error' && error !== null && (
        <div role="alert" data-testid="run-error" className="run-error">
          <strong>The run failed.</strong> {error}
        </div>
      )}
    </div>
  );
}
