// Issue #21: a lever changes exactly the parameter it names, or says in the same line what else moves. Raising
// maintenance margin to or past initial margin forces initial margin up with it (it must stay above), and a
// generated population caps leverage at 1 / initial margin: those traders are rebuilt. These sentences say so.
import type { RiskParams } from '../../engine/params/riskParams';
import { initialRatioFor, LEVER_PATHS } from '../../engine/params/sweepableParams';
import { formatPercent } from '../format';

const MARGIN_PATH = LEVER_PATHS.margin;

/**
 * For a sweep or grid axis over maintenance margin from `from` to `to`: the sentence saying from which value on
 * initial margin moves too and the simulated traders are rebuilt; null when no value of the axis reaches it.
 */
export function marginAxisNote(params: RiskParams, path: string, from: number, to: number): string | null {
  if (path !== MARGIN_PATH) return null;
  const initial = params.margin.initialMarginRatio;
  if (Math.max(from, to) < initial) return null;
  const rebuilt = params.population.kind === 'generated';
  return `Maintenance margin at or above today’s initial margin (${formatPercent(initial)}) moves initial margin up with it${
    rebuilt ? ', so those points rebuild the simulated traders at lower leverage' : '; the imported positions stay as they are'
  }; below ${formatPercent(initial)} every point keeps today’s traders and initial margin.`;
}

/** For one maintenance-margin value: what else it moves, in words, or null when it moves nothing else. */
export function marginValueNote(params: RiskParams, maintenance: number): string | null {
  const initial = params.margin.initialMarginRatio;
  return initialMarginNote(initial, initialRatioFor(initial, params.margin.maintenanceMarginRatio, maintenance), params.population.kind === 'generated');
}

/** "initial margin moves to 22 % with it, so the simulated traders are rebuilt at ≤ 4.5× leverage (today 10.0×)". */
export function initialMarginNote(initialBefore: number, initialAfter: number, generated: boolean): string | null {
  if (initialAfter === initialBefore) return null;
  return `initial margin moves to ${formatPercent(initialAfter)} with it${generated ? `, so the simulated traders are rebuilt at ≤ ${(1 / initialAfter).toFixed(1)}× leverage (today ${(1 / initialBefore).toFixed(1)}×)` : ''}`;
}
