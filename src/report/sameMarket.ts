// A paired comparison needs both sides on the same price paths: the same market (start price, horizon, step) and
// the same scenario. Parameters the venue governs (margin, liquidation, fund, loss mechanism) may differ; so may
// the traders, which are drawn from the same seed.
import { canonicalJson } from '../engine/identity';
import type { RiskParams } from '../engine/params/riskParams';

function differing(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) differing(ra[k], rb[k], `${path}.${k}`, out);
  } else if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) out.push(path);
}

/** Problems in plain words (empty when the two can be compared on the same paths). */
export function sameMarketProblems(baseline: RiskParams, proposal: RiskParams): string[] {
  const fields: string[] = [];
  differing(baseline.market, proposal.market, 'market', fields);
  differing(baseline.scenario, proposal.scenario, 'scenario', fields);
  if (fields.length === 0) return [];
  const shown = fields.length > 6 ? [...fields.slice(0, 6), `and ${fields.length - 6} more`] : fields;
  return [
    `the baseline and the proposal simulate different markets (${shown.join(', ')} differ): paired intervals need the same price paths, so give both the same market and scenario and change only what governance sets`,
  ];
}
