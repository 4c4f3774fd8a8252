// The lever comparison while it runs (issue #21): a progress bar over the probes done and expected, the probe that
// just finished in words, the time left at the measured pace, and each lever's card the moment its search ends.
import { useEffect, useState, type ReactNode } from 'react';
import type { LeverComparison, LeverKind, SolveResult } from '../../engine/planner/index';
import type { PlannerTask } from '../../state/plannerSlice';
import { lastProbeSentence, progressSentence, STAGE_LABELS } from './compareProgressText';

const ORDER: LeverKind[] = ['fund', 'margin', 'throughput'];

export function CompareProgressView({ task, card }: { task: PlannerTask<LeverComparison>; card: (r: SolveResult) => ReactNode }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const id = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(id);
  }, []);
  const progress = task.progress;
  const latest = progress?.latest ?? null;
  const elapsed = task.startedAt === null ? 0 : now - task.startedAt;
  const finished = new Map((progress?.levers ?? []).map((r) => [r.lever, r]));
  const total = latest ? latest.probesDone + latest.probesLeft : 0;
  return (
    <div className="compare-stream" data-testid="compare-progress" data-probes-done={latest?.probesDone ?? 0} data-probes-left={latest?.probesLeft ?? ''}>
      <div className="compare-progress-line">
        <progress
          aria-label="lever comparison"
          {...(latest ? { value: latest.probesDone, max: Math.max(1, total) } : {})}
          aria-valuetext={latest ? `${latest.probesDone} of about ${total} probes` : 'starting'}
        />
        <span data-testid="compare-eta">{latest && progress?.latestAtMs != null ? progressSentence(latest, progress.latestAtMs, elapsed) : 'Starting the first search…'}</span>
      </div>
      {latest && (
        <p className="small muted" data-testid="compare-last-probe">
          {lastProbeSentence(latest)}
        </p>
      )}
      <div className="solve-grid">
        {ORDER.map((kind) => {
          const done = finished.get(kind);
          if (done) return <div key={kind}>{card(done)}</div>;
          const searching = latest ? latest.stage === kind : kind === 'fund';
          return (
            <div key={kind} className="solve-card pending" data-testid={`compare-pending-${kind}`}>
              <h3>{STAGE_LABELS[kind]}</h3>
              <p className="muted">{searching ? 'Searching…' : 'Waiting for its turn.'}</p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
