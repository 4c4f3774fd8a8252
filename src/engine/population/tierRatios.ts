import type { MarginParams } from '../params/riskParams';

export interface MarginRatios {
  initialMarginRatio: number;
  maintenanceMarginRatio: number;
}

/**
 * The margin ratios for a position of a given notional (quote): those of the last tier whose notionalFloor is at
 * or below it, or the base ratios below the first tier. Tiers are sorted by notionalFloor (validateParams).
 */
export function tierRatiosFor(margin: MarginParams): (notionalQuote: number) => MarginRatios {
  const base: MarginRatios = {
    initialMarginRatio: margin.initialMarginRatio,
    maintenanceMarginRatio: margin.maintenanceMarginRatio,
  };
  const tiers = margin.tiers.map((tier) => ({
    floor: Number(tier.notionalFloor),
    ratios: { initialMarginRatio: tier.initialMarginRatio, maintenanceMarginRatio: tier.maintenanceMarginRatio },
  }));
  return (notionalQuote) => {
    let ratios = base;
    for (const tier of tiers) {
      if (tier.floor <= notionalQuote) ratios = tier.ratios;
      else break;
    }
    return ratios;
  };
}
