// The Margin section's tier table with its amounts (Binance "maintenance amount", Hyperliquid "maintenance
// deduction"), from the draft's margin fields: requirement = notional × ratio − amount, continuous at every floor.
// The amounts are the engine's own (marginSchedule.tierAmounts), so the table shows what the simulation charges.
import { tierAmounts } from '../engine/margin/marginSchedule';
import type { MarginTier } from '../engine/params/riskParams';

export interface TierRow {
  /** Notional the band starts at, quote. */
  floor: number;
  mmr: number;
  imr: number;
  /** Subtracted from notional × ratio in this band, quote (0 in the first). */
  maintenanceAmount: number;
  initialAmount: number;
}

/** The bands of a tier table, or null while a draft value is not a number yet. */
function bandsOf(mmr: unknown, imr: unknown, tiers: readonly Partial<MarginTier>[]) {
  if (typeof mmr !== 'number' || typeof imr !== 'number') return null;
  const bands = [{ floor: 0, mmr, imr }];
  for (const tier of tiers) {
    const floor = Number(tier.notionalFloor);
    if (!Number.isFinite(floor) || typeof tier.maintenanceMarginRatio !== 'number' || typeof tier.initialMarginRatio !== 'number') return null;
    if (floor === 0) bands[0] = { floor: 0, mmr: tier.maintenanceMarginRatio, imr: tier.initialMarginRatio };
    else bands.push({ floor, mmr: tier.maintenanceMarginRatio, imr: tier.initialMarginRatio });
  }
  return bands;
}

/** The rows of the table, or null when there is no table to show (a draft value not a number yet, or one band). */
export function tierTable(mmr: unknown, imr: unknown, tiers: readonly Partial<MarginTier>[]): TierRow[] | null {
  const bands = bandsOf(mmr, imr, tiers);
  if (bands === null || bands.length < 2) return null;
  const floors = bands.map((b) => b.floor);
  const maintenance = tierAmounts(floors, bands.map((b) => b.mmr));
  const initial = tierAmounts(floors, bands.map((b) => b.imr));
  return bands.map((band, k) => ({ ...band, maintenanceAmount: maintenance[k]!, initialAmount: initial[k]! }));
}
