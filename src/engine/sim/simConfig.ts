import { decimalToUnits } from '../money/money';
import type { AdlRanking, ImpactModel, LossMechanismKind, RiskParams } from '../params/riskParams';
import { marginSchedule, type MarginSchedule } from '../margin/marginSchedule';
import { impactDecayPerStep } from '../liquidation/priceImpact';

/** Validated parameters in the form the simulator reads: numbers, money in integer units, limits as Infinity. */
export interface SimConfig {
  initialPrice: number;
  steps: number;
  schedule: MarginSchedule;
  penaltyRatio: number;
  penaltyToFund: number;
  partial: boolean;
  /** Keeper capacity per step in quote notional at the oracle price; Infinity = unlimited. */
  maxNotionalPerStepQuote: number;
  oracleDelaySteps: number;
  impactModel: ImpactModel;
  impactDepthQuote: number;
  impactDecayPerStep: number;
  /** Depth falls as exp(−impactThinning × drawdown of the index from its running peak); 0 = constant. */
  impactThinning: number;
  /** Share of each step's impact that never decays. */
  impactPermanentShare: number;
  /** Share of the venue's own displacement in the mark (1 = the mark is the impacted book, 0 = the index). */
  markImpactWeight: number;
  /** Per-account slicing of positions above minNotionalQuote at the mark; null = none. */
  slice: { minNotionalQuote: number; fraction: number; cooldownSteps: number } | null;
  fundInitialUnits: number;
  fundInflowPerStepUnits: number;
  fundCapUnits: number;
  fundMaxDrawPerStepUnits: number;
  mechanism: LossMechanismKind;
  adlRanking: AdlRanking;
}

export function simConfig(params: RiskParams): SimConfig {
  const { market, liquidation, insuranceFund, lossMechanism } = params;
  return {
    initialPrice: Number(market.initialPrice),
    steps: market.steps,
    schedule: marginSchedule(params.margin),
    penaltyRatio: liquidation.penaltyRatio,
    penaltyToFund: liquidation.penaltyToFund,
    partial: liquidation.partial,
    maxNotionalPerStepQuote: liquidation.maxNotionalPerStep === null ? Infinity : Number(liquidation.maxNotionalPerStep),
    oracleDelaySteps: liquidation.oracleDelaySteps,
    impactModel: liquidation.impact.model,
    impactDepthQuote: liquidation.impact.model === 'none' ? Infinity : Number(liquidation.impact.depth),
    impactDecayPerStep: impactDecayPerStep(liquidation.impact.halfLifeSteps),
    impactThinning: liquidation.impact.thinning,
    impactPermanentShare: liquidation.impact.permanentShare,
    markImpactWeight: liquidation.markImpactWeight,
    slice:
      liquidation.slice === null
        ? null
        : { minNotionalQuote: Number(liquidation.slice.minNotional), fraction: liquidation.slice.fraction, cooldownSteps: liquidation.slice.cooldownSteps },
    fundInitialUnits: decimalToUnits(insuranceFund.initial),
    fundInflowPerStepUnits: decimalToUnits(insuranceFund.feeInflowPerStep),
    fundCapUnits: insuranceFund.cap === null ? Infinity : decimalToUnits(insuranceFund.cap),
    fundMaxDrawPerStepUnits: insuranceFund.maxDrawPerStep === null ? Infinity : decimalToUnits(insuranceFund.maxDrawPerStep),
    mechanism: lossMechanism.kind,
    adlRanking: lossMechanism.kind === 'adl' ? lossMechanism.ranking : 'pnl-leverage',
  };
}
