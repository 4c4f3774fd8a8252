import { FIELD_DEFAULTS } from '../../params/defaults';
import { decimalToUnits } from '../../money/money';
import type { AdlClosePrice, AdlRanking, AdlSize, ImpactModel, LossMechanismKind, RiskParams, SocializeBase } from '../../params/riskParams';
import { marginSchedule, type MarginSchedule } from '../../margin/marginSchedule';
import { impactDecayPerStep } from '../../impact/priceImpact';

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
  adlSize: AdlSize;
  adlClosePrice: AdlClosePrice;
  /** ADL trigger: the fund pays only down to (1 − share) × its peak over the window; share 1 = fund-empty. */
  adlTriggerShare: number;
  adlTriggerWindowSteps: number;
  socializeBase: SocializeBase;
  /** Backstop takeover threshold as a share of maintenance; 0 when the mechanism is not backstop. */
  backstopTakeoverShare: number;
  backstopUnwindSteps: number;
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
    adlSize: lossMechanism.kind === 'adl' ? lossMechanism.size : 'needed',
    adlClosePrice: lossMechanism.kind === 'adl' ? lossMechanism.closePrice : 'bankruptcy',
    adlTriggerShare: lossMechanism.kind === 'adl' && lossMechanism.trigger.kind === 'fund-drawdown' ? lossMechanism.trigger.share : 1,
    adlTriggerWindowSteps: lossMechanism.kind === 'adl' && lossMechanism.trigger.kind === 'fund-drawdown' ? lossMechanism.trigger.windowSteps : 1,
    socializeBase: lossMechanism.kind === 'socialize' ? (lossMechanism.base ?? FIELD_DEFAULTS.socializeBase) : 'profit',
    backstopTakeoverShare: lossMechanism.kind === 'backstop' ? lossMechanism.takeoverEquityShare : 0,
    backstopUnwindSteps: lossMechanism.kind === 'backstop' ? lossMechanism.unwindSteps : 1,
  };
}
