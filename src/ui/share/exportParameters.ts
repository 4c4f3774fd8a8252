// The parameters that made a chart, as short lines for an exported file (issue #21: a chart that travels without
// the page still says what produced it). The full set is in the share link; these are the ones a reader checks first.
import type { RiskParams } from '../../engine/params/riskParams';

function scenarioText(s: RiskParams['scenario']): string {
  const rest = Object.entries(s)
    .filter(([k, v]) => k !== 'kind' && k !== 'prices' && (typeof v === 'number' || typeof v === 'string'))
    .map(([k, v]) => `${k} ${String(v)}`);
  return `scenario ${s.kind}${rest.length > 0 ? `: ${rest.join(', ')}` : ''}`;
}

export function exportParameterLines(params: RiskParams, paths: number, seed: number): string[] {
  const pop = params.population;
  const m = params.margin;
  const l = params.liquidation;
  const f = params.insuranceFund;
  return [
    `market: ${params.market.steps} steps × ${params.market.stepSeconds} s from ${params.market.initialPrice}; ${scenarioText(params.scenario)}`,
    pop.kind === 'generated' ? `population: ${pop.accounts} traders (+ a market maker), open interest ${pop.openInterest}, median leverage ${pop.leverageMedian}` : `population: ${pop.accounts.length} accounts from a file`,
    `margin: maintenance ${m.maintenanceMarginRatio}, initial ${m.initialMarginRatio}${m.tiers.length > 0 ? `, ${m.tiers.length} tiers` : ''}; penalty ${l.penaltyRatio} (${l.penaltyToFund} to the fund); keeper capacity ${l.maxNotionalPerStep ?? 'unlimited'} per step`,
    `insurance fund: ${f.initial} at start, cap ${f.cap ?? 'none'}; loss mechanism ${params.lossMechanism.kind}`,
    `${paths.toLocaleString('en-US')} paths, seed ${seed} — Haircut`,
  ];
}
