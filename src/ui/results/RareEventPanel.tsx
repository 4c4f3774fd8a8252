import type { RareEventState } from '../../state/rareEventSlice';
import { useAppStore } from '../../state/useAppStore';
import { formatInteger, formatQuote } from '../format';

/** A small share with two significant digits ("0.041 %"): a rare event's probability is far below 0.1 %. */
export function formatRareShare(share: number): string {
  if (share === 0) return '0 %';
  const percent = share * 100;
  const digits = Math.max(1, Math.min(6, 1 - Math.floor(Math.log10(Math.abs(percent)))));
  return `${percent.toFixed(digits)} %`;
}

function why(state: RareEventState, threshold: number): string {
  const { plainSocializedPaths, paths, choice } = state;
  if (choice.estimator === 'plain') return choice.note ?? '';
  const seen = `${formatInteger(plainSocializedPaths)} of ${formatInteger(paths)}`;
  if (choice.why === 'few-events') {
    const verb = state.status === 'done' ? 'switched to rare-event mode' : 'switching to rare-event mode';
    return `Few paths socialized (${seen}, fewer than ${threshold}): ${verb} — importance-sampled`;
  }
  return 'Rare-event mode is on — importance-sampled';
}

/**
 * Rare-event mode's headline (rareEventSlice.ts): P(socialized) and the expected socialized loss estimated by
 * importance sampling, each with its 95 % interval, and the effective sample size, with the reason in words.
 */
export function RareEventPanel() {
  const state = useAppStore((s) => s.rareEvent);
  const threshold = useAppStore((s) => s.rareEventThreshold);
  if (!state) return null;
  const { choice, summary } = state;
  if (choice.estimator === 'plain') {
    return choice.note ? (
      <p className="rare-event-note" data-testid="rare-event-note">
        {choice.note}.
      </p>
    ) : null;
  }
  const reason = why(state, threshold);
  return (
    <div className="rare-event" data-testid="rare-event-panel" data-status={state.status}>
      {state.status === 'running' && (
        <p data-testid="rare-event-note">
          {reason}: sampling {formatInteger(state.paths)} paths that lean toward large price moves and weighting each back to the market…
        </p>
      )}
      {state.status === 'error' && (
        <p className="error" data-testid="rare-event-note">
          {reason}, but the importance run failed: {state.error}
        </p>
      )}
      {state.status === 'done' && summary && (
        <>
          <p data-testid="rare-event-note">
            {reason}, effective sample size {formatInteger(Math.round(summary.effectiveSampleSize))} of {formatInteger(summary.paths)} paths. The charts below still
            show the plain paths.
          </p>
          <dl className="metrics rare-event-metrics">
            <div className="metric">
              <dt>Paths with socialized loss (rare-event estimate)</dt>
              <dd className="metric-value-line">
                <span className="metric-value" data-testid="rare-event-pSocialized" data-value={String(summary.pSocialized)} data-lo={String(summary.pSocializedCI[0])} data-hi={String(summary.pSocializedCI[1])}>
                  {formatRareShare(summary.pSocialized)}
                </span>
              </dd>
              <dd className="metric-detail">
                95 % interval {formatRareShare(summary.pSocializedCI[0])} – {formatRareShare(summary.pSocializedCI[1])} · effective sample size{' '}
                <span data-testid="rare-event-ess" data-value={String(summary.effectiveSampleSize)}>
                  {formatInteger(Math.round(summary.effectiveSampleSize))}
                </span>
              </dd>
            </div>
            <div className="metric">
              <dt>Expected socialized loss per path (rare-event estimate)</dt>
              <dd className="metric-value-line">
                <span
                  className="metric-value"
                  data-testid="rare-event-socializedLoss-mean"
                  data-value={String(summary.socializedLoss.mean)}
                  data-lo={String(summary.intervals.socializedLossMean[0])}
                  data-hi={String(summary.intervals.socializedLossMean[1])}
                >
                  {formatQuote(summary.socializedLoss.mean)}
                </span>
                <span className="metric-unit"> quote</span>
              </dd>
              <dd className="metric-detail">
                95 % interval {formatQuote(summary.intervals.socializedLossMean[0])} – {formatQuote(summary.intervals.socializedLossMean[1])} · ES 99 %{' '}
                {formatQuote(summary.socializedLoss.es99)}
              </dd>
            </div>
          </dl>
        </>
      )}
    </div>
  );
}
