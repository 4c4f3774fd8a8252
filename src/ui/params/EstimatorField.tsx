import type { EstimatorMode } from '../../engine/importance/rareEventChoice';
import { appStore, useAppStore } from '../../state/useAppStore';

const options = (threshold: number, belowShare: number): { mode: EstimatorMode; label: string }[] => [
  { mode: 'auto', label: `Automatic (when fewer than ${threshold} paths, and under ${belowShare * 100} % of them, socialize)` },
  { mode: 'plain', label: 'Off (plain sampling)' },
  { mode: 'importance', label: 'On (importance sampling)' },
];

/** Rare-event mode: importance sampling after the plain run, always, never, or when the plain run saw few events. */
export function EstimatorField() {
  const estimator = useAppStore((s) => s.estimator);
  const threshold = useAppStore((s) => s.rareEventThreshold);
  const belowShare = useAppStore((s) => s.rareEventBelowShare);
  return (
    <div className="field">
      <label htmlFor="run-estimator">Rare-event mode</label>
      <select id="run-estimator" data-testid="run-estimator" value={estimator} onChange={(event) => appStore.getState().setEstimator(event.target.value as EstimatorMode)}>
        {options(threshold, belowShare).map((option) => (
          <option key={option.mode} value={option.mode}>
            {option.label}
          </option>
        ))}
      </select>
      <p className="hint" id="run-estimator-hint">
        Importance sampling draws more of the large price moves, up and down, that cause socialized loss and weights each path back to the market, so a rare event is
        estimated with an honest interval instead of from a handful of paths. The same paths and seed give the same numbers as{' '}
        <code>simulate --estimator importance</code>.
      </p>
    </div>
  );
}
