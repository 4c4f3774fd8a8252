import { useEffect } from 'react';
import { selectRunIdentity } from '../../state/runIdentity';
import { checkRunQueryOnce } from '../../state/runQuery';
import { appStore, useAppStore } from '../../state/useAppStore';

/** The run id of what the page shows: the same id `npm run simulate -- --json` prints as runId. */
export function RunIdBadge() {
  const { runId, shortId, engineVersion } = useAppStore(selectRunIdentity);
  useEffect(() => checkRunQueryOnce(appStore.getState()), []);
  return (
    <p className="run-id muted small">
      Run id{' '}
      <code data-testid="run-id" data-run-id={runId} title={`sha-256 of engine ${engineVersion}, the parameters, seed and paths: ${runId}`}>
        {shortId}
      </code>{' '}
      · engine {engineVersion}
    </p>
  );
}
