import { useEffect, useMemo } from 'react';
import { ENGINE_VERSION, runIdOf, shortRunId } from '../../engine/identity';
import { selectParams, selectPaths, selectSeed } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { checkRunQueryOnce } from './runQuery';

/** The run id of what the page shows: the same id `npm run simulate -- --json` prints as runId. */
export function useRunId(): string {
  const params = useAppStore(selectParams);
  const seed = useAppStore(selectSeed);
  const paths = useAppStore(selectPaths);
  return useMemo(() => runIdOf({ params, seed, paths }), [params, seed, paths]);
}

export function RunIdBadge() {
  const runId = useRunId();
  useEffect(() => checkRunQueryOnce(appStore.getState()), []);
  return (
    <p className="run-id muted small">
      Run id{' '}
      <code data-testid="run-id" data-run-id={runId} title={`sha-256 of engine ${ENGINE_VERSION}, the parameters, seed and paths: ${runId}`}>
        {shortRunId(runId)}
      </code>{' '}
      · engine {ENGINE_VERSION}
    </p>
  );
}
