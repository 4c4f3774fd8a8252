/**
 * What each ADL policy would take from winners on Hyperliquid's 10 Oct 2025 wave books, and the published range
 * of overshoot estimates for that event with their sources and methods.
 *
 * The wave books are aggregates (Chitra et al., policy_per_wave_metrics.csv): per wave the budget that had to be
 * covered (`needed`) and the winners' capacity U = Σ positive PnL (`total_cap`); winner-level positions are not
 * public. So the engine's rules are applied as far as aggregates allow:
 * - queue, size `needed`, close at the bankruptcy price (the engine's default ADL): winners ranked by score are
 *   closed only for the contracts needed, so exactly min(needed, U) is taken and nothing more; the top-ranked
 *   winners lose up to all of their profit (which winners is not computable without positions).
 * - pro-rata (the engine's `socialize` on profit): every winner loses the same share h = min(1, needed / U).
 * - full-size (dYdX `size: full`): each ranked winner's whole position is closed until the deficit is covered. Per
 *   wave this needs positions; the authors' per-coin replay of exactly that rule (wealth-space queue, h = 1 until
 *   the budget is met) is published only as an event total, so full-size is shown for the whole event only.
 * - production: what Hyperliquid's ADL actually removed (closing at mark and over-closing), as measured.
 */
import { neumaierSum } from '../metrics/accurateSum';
import type { AdlWave } from './adlWaves';

export type AdlPolicy = 'queue-needed' | 'pro-rata' | 'full-size' | 'production';

export interface AdlPolicyResult {
  policy: AdlPolicy;
  /** What the policy takes from winners, USD; null where the data cannot say (full-size per wave). */
  taken: number | null;
  /** taken − needed, USD (negative: took less than was needed); null when taken is unknown. */
  overshoot: number | null;
  /** needed that the winners' capacity could not cover, USD; null when unknown. */
  residual: number | null;
  /** Largest single-winner haircut as a share, 0..1; null when unknown. */
  maxWinnerHaircut: number | null;
  /** True when maxWinnerHaircut is an upper bound ("up to"), not a measured or computed value. */
  maxWinnerHaircutIsBound: boolean;
}

export interface AdlPolicyComparison {
  /** The wave compared, or 'all' for the whole event. */
  scope: number | 'all';
  needed: number;
  results: AdlPolicyResult[];
}

/** The authors' full-size (wealth-space queue) replay of the event, as published in summary_totals.csv. */
export interface FullSizeEventTotals {
  overshoot: number;
  residual: number;
}

/** summary_totals.csv, row `queue` (pluriholonomic/autodeleveraging-analysis @ aae0be8, out/summary_totals.csv). */
export const PUBLISHED_FULL_SIZE_QUEUE: FullSizeEventTotals = { overshoot: 653_552_663.5146928, residual: 16_690_263.847176649 };

function waveResults(w: AdlWave): { queue: AdlPolicyResult; proRata: AdlPolicyResult; production: AdlPolicyResult } {
  const capacity = w.winnerCapacity;
  const queueTaken = capacity === null ? w.budgetNeeded : Math.min(w.budgetNeeded, capacity);
  const share = capacity === null ? null : Math.min(1, w.budgetNeeded / capacity);
  const proRataTaken = share === null || capacity === null ? null : share * capacity;
  return {
    queue: {
      policy: 'queue-needed',
      taken: queueTaken,
      overshoot: queueTaken - w.budgetNeeded,
      residual: w.budgetNeeded - queueTaken,
      maxWinnerHaircut: w.budgetNeeded > 0 ? 1 : 0,
      maxWinnerHaircutIsBound: true,
    },
    proRata: {
      policy: 'pro-rata',
      taken: proRataTaken,
      overshoot: proRataTaken === null ? null : proRataTaken - w.budgetNeeded,
      residual: proRataTaken === null ? null : w.budgetNeeded - proRataTaken,
      maxWinnerHaircut: share,
      maxWinnerHaircutIsBound: false,
    },
    production: {
      policy: 'production',
      taken: w.budgetProduction,
      overshoot: w.budgetProduction - w.budgetNeeded,
      residual: null,
      maxWinnerHaircut: w.maxHaircutProduction,
      maxWinnerHaircutIsBound: false,
    },
  };
}

const sumOrNull = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : neumaierSum(xs as number[]));
const maxOrNull = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])));

function total(policy: AdlPolicy, rows: AdlPolicyResult[], needed: number): AdlPolicyResult {
  const taken = sumOrNull(rows.map((r) => r.taken));
  return {
    policy,
    taken,
    overshoot: taken === null ? null : taken - needed,
    residual: sumOrNull(rows.map((r) => r.residual)),
    maxWinnerHaircut: maxOrNull(rows.map((r) => r.maxWinnerHaircut)),
    maxWinnerHaircutIsBound: rows.some((r) => r.maxWinnerHaircutIsBound),
  };
}

/**
 * Queue (needed, at bankruptcy) vs pro-rata vs full-size vs production, for one wave or the whole event ('all').
 * Full-size is known only for the whole event (`fullSize`, the authors' replay); per wave it is null.
 * Throws for no waves or a wave number not in the list.
 */
export function adlPolicyComparison(waves: readonly AdlWave[], scope: number | 'all', fullSize: FullSizeEventTotals = PUBLISHED_FULL_SIZE_QUEUE): AdlPolicyComparison {
  if (waves.length === 0) throw new Error('adlPolicyComparison: no waves');
  const chosen = scope === 'all' ? waves : waves.filter((w) => w.wave === scope);
  if (chosen.length === 0) throw new Error(`adlPolicyComparison: no wave ${scope}`);
  const per = chosen.map(waveResults);
  const needed = neumaierSum(chosen.map((w) => w.budgetNeeded));
  const fullSizeResult: AdlPolicyResult =
    scope === 'all'
      ? { policy: 'full-size', taken: null, overshoot: fullSize.overshoot, residual: fullSize.residual, maxWinnerHaircut: 1, maxWinnerHaircutIsBound: false }
      : { policy: 'full-size', taken: null, overshoot: null, residual: null, maxWinnerHaircut: null, maxWinnerHaircutIsBound: false };
  return {
    scope,
    needed,
    results: [
      total('queue-needed', per.map((p) => p.queue), needed),
      total('pro-rata', per.map((p) => p.proRata), needed),
      fullSizeResult,
      total('production', per.map((p) => p.production), needed),
    ],
  };
}

/** One published estimate of Hyperliquid's 10 Oct 2025 ADL overshoot. */
export interface AdlOvershootEstimate {
  id: string;
  /** USD; low === high for a point estimate. */
  low: number;
  high: number;
  /** What was measured, in words. */
  method: string;
  /** Who and where. */
  source: string;
  url: string;
}

/**
 * The published range, largest first. Figures and sources: /work/shared/research/governance-anchors-2026-12.md and
 * mechanisms.md (P1, P2), the data folder's headlines.json, overshoot_robustness.json and summary_totals.csv.
 */
export const ADL_OVERSHOOT_ESTIMATES: readonly AdlOvershootEstimate[] = [
  {
    id: 'chitra-v2-queue',
    low: 653_552_663.5146928,
    high: 653_552_663.5146928,
    method:
      'Wealth-space queue diagnostic: per coin, ranked winners lose their whole profit until the deficit is covered (full-size queue); overshoot = profit taken beyond the deficit (≈ 28× over-use).',
    source: 'T. Chitra, Autodeleveraging: Impossibilities and Optimization, arXiv:2512.01112 v2; data summary_totals.csv / headlines.json (queue_total_overshoot_usd)',
    url: 'https://ideas.repec.org/p/arx/papers/2512.01112.html',
  },
  {
    id: 'chitra-v1',
    low: 630e6,
    high: 630e6,
    method: 'First version of the same paper: "≈ 8× over-utilised, ~$630M unnecessary haircuts" (abstract, rounded).',
    source: 'T. Chitra, arXiv:2512.01112 v1 (Nov 2025)',
    url: 'https://arxiv.org/abs/2512.01112v1',
  },
  {
    id: 'online-learning',
    low: 51_673_606.60922572,
    high: 51_673_606.60922572,
    method: 'Fill-level replay, production ADL against the minimum needed, at the worst evaluation horizon (up to 10 s after each wave): "over-liquidates by up to $51.7M".',
    source: 'Chitra, Thogiti, Trujillo Ramirez, Xu, Autodeleveraging as Online Learning, arXiv:2602.15182; data overshoot_robustness.json (O_max_band)',
    url: 'https://arxiv.org/abs/2602.15182',
  },
  {
    id: 'hyperreplay',
    low: 45e6,
    high: 52e6,
    method: 'Replay of 3.2M events over 437,723 accounts; overshoot band over evaluation horizons.',
    source: 'Tektonic, HyperReplay: Hyperliquid ADL cascade of October 10',
    url: 'https://www.tektonic.company/blog/hyperliquid-adl-cascade-october-10',
  },
  {
    id: 'chitra-v3-fills',
    low: 45_028_665.7191367,
    high: 51_673_606.60922572,
    method:
      'Fill-level: per ADL fill |mark − execution price| × |qty| is what had to be covered ($15.08M); production removed $60.11M; overshoot $45.03M at the wave (band to $51.7M over later horizons). This is what the table below recomputes.',
    source: 'T. Chitra, arXiv:2512.01112 v3 (Feb 2026); data policy_per_wave_metrics.csv, headlines.json (prod_overshoot_vs_needed_usd), overshoot_robustness.json',
    url: 'https://arxiv.org/abs/2512.01112v3',
  },
];
