// Stop 25 recalibrated the market presets (issue 15): thin-alt's mark weight, book thinning and leverage, and the
// thinning of btc-binance (the defaults) and sol-hyperliquid. A link never names a preset: it carries the
// parameters' values as a patch against its format's frozen base, so a link made with a preset before the change
// opens with the values it was made with, not the preset's new ones. The links below were produced by
// encodeShareState on the branch BEFORE the change (a state whose parameters are the preset's file) and pasted
// here as literals; the expected values are that file's, written out, not read from code.
// Stop 26 set the mark weights from the venues' published mark formulas: btc-binance 0.1 → 1 (Binance's 30 s
// basis average), sol-hyperliquid 0.5 → 0.33, and calibrated btc-binance's leverage median 3 → 2.8. STOP_25_DEFAULT_LINK is encodeShareState(defaultShareState()) on
// main 25fea89, before that change.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../engine/params/defaults';
import { validateParams } from '../engine/params/validateParams';
import { marketPreset, presetParams } from '../engine/params/marketPresets';
import { decodeShareState, encodeShareState } from './codec';
import { defaultShareState } from './shareState';

const OLD_THIN_ALT_LINK =
  'v=2&s=hZZREoIgGITv0nvOSFZn6AQ9l6PIFOQQPfTA3VtAAhH0AO7__8y3u8YunIMcqD3koJ1edAEt0EuZJRUQSQgFjimhxxmJ5SKIJpepBFN5lonehjTP367xYwNuni9r7AxeNbTUwISwjXOuiIFf8pvA8f7J3NmPixW9dowOkLaufiOjbVJyJvw68bAeXnAn4C6Txa-nKWzviw20J5kVRFeb9Z_pApjanGuh0_m0vuMr-RlVa35hlGSUogiDdI919h0f1de1ajH0zX5xqEexXZujs7FdN6dFVBOt9Q8&c=18c1845cf970';
const OLD_BTC_BINANCE_LINK =
  'v=2&s=jZZBDoIwEEVPZFIpLjyCJ3CtpAIxNATrwgV391OglLYzdE14zJR5v-NbSJtn5xZ27_TaCVQunqQMiqwRZaRNoIT9oJMicACjHDlwjRy4ZAy2EBCfGW0B3egbaR0NDoBjIT6N_xoj3bgxTOhCIOFyjFyOkmcWdJ04RxJ6QCWh6d5zmGTzyd69ZGWQdPMF2_wBlqRKKbn-eSxdbLJWmQUlmOcxK9CnklKB7f_RLaGDSJ4emqbV2u5kIPVq6B4a19d6D84ev2-WcFdt3YBjJ-GDHWbJRD7F3bgyecyukW6B0chke6lX4Kg1IJ94a_j2ppr2dTO0dY2tb0O_UNBJdb35IevH8Q8&c=daa960719c1b';
const STOP_25_DEFAULT_LINK =
  'v=2&s=jZZBDoIwEEVPZFIpLjyCJ3CtpAIxNATrwgV391OglLYzdE14zJR5v-NbSJtn5xZ27_TaCVQunqQMiqwRZaRNoIT9oJMicACjHDlwjRy4ZAy2EBCfGW0B3egbaR0NDoBjIT6N_xoj3bgxTOhCIOFyjFyOkmcWdJ04RxJ6QCWh6d5zmGTzyd69ZGWQdPMF2_wBlqRKKbn-eSxdbLJWmQUlmOcxK9CnklKB7f_RLaGDSJ4emqbV2u5kBbKiV0P30Li_1otwFvl9s4i7ausGIDsKHywxSyjyMe7mlQlkdo90G4xGKNtbvQJHrQn5xFvDtzfVtLCboa1rrH0b-oWCTqrrzQ9hP45_&c=05c564549c61';

/** thin-alt's file before the recalibration, as OLD_THIN_ALT_LINK carries it. */
const OLD_THIN_ALT_PARAMS = {
  version: 1,
  population: { kind: 'generated', accounts: 3000, openInterest: '20000000', longShare: 0.6, leverageMedian: 2.5, leverageSigma: 0.7, paretoAlpha: 1.3, entrySpread: 0.05, marketMakerLeverage: 2 },
  margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [{ notionalFloor: '20000000', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 }] },
  liquidation: { penaltyRatio: 0, penaltyToFund: 1, partial: false, maxNotionalPerStep: '400000', oracleDelaySteps: 0, impact: { model: 'sqrt', depth: '100000', halfLifeSteps: 10, thinning: 7.2, permanentShare: 0 }, markImpactWeight: 0.7, slice: { minNotional: '100000', fraction: 0.2, cooldownSteps: 0 } },
  insuranceFund: { initial: '100000', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
  lossMechanism: { kind: 'adl', ranking: 'pnl-leverage', size: 'needed', closePrice: 'bankruptcy', trigger: { kind: 'fund-empty' } },
  market: { initialPrice: '1', steps: 1440, stepSeconds: 60 },
  scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 1.2, jumpIntensityAnnual: 1460, jumpMean: 0, jumpStdev: 0.02 },
};

describe('links made with a market preset before the recalibration of 6 Dec 2026', () => {
  it("an old thin-alt link opens the old thin-alt numbers, not the preset's new ones", () => {
    const decoded = decodeShareState(OLD_THIN_ALT_LINK);
    expect(decoded.ok).toBe(true);
    expect(decoded.state.params).toStrictEqual(OLD_THIN_ALT_PARAMS);
    expect(decoded.state.params.liquidation.markImpactWeight).toBe(0.7);
    expect(decoded.state.params.liquidation.impact.thinning).toBe(7.2);
    expect(decoded.state.params).not.toEqual(presetParams(marketPreset('thin-alt')!));
  });

  it('an old btc-binance (default) link keeps thinning 5 and mark weight 0.1; the new defaults carry 20 and 1 and make a different link', () => {
    const decoded = decodeShareState(OLD_BTC_BINANCE_LINK);
    expect(decoded.ok).toBe(true);
    expect(decoded.state.params.liquidation.impact.thinning).toBe(5);
    expect(decoded.state.params.liquidation.markImpactWeight).toBe(0.1);
    const { liquidation: oldLiquidation, population: oldPopulation, ...oldRest } = decoded.state.params;
    const { liquidation: newLiquidation, population: newPopulation, ...newRest } = defaultParams();
    // Only the thinning (stop 25), the mark weight and the leverage median (stop 26) changed in this preset.
    expect(oldRest).toStrictEqual(newRest);
    expect({ ...oldPopulation, leverageMedian: 2.8 }).toStrictEqual(newPopulation);
    expect({ ...oldLiquidation, impact: { ...oldLiquidation.impact, thinning: 20 }, markImpactWeight: 1 }).toStrictEqual(newLiquidation);
    expect(encodeShareState(defaultShareState())).not.toBe(OLD_BTC_BINANCE_LINK);
  });

  it("a default link from stop 25 keeps Binance's old mark weight 0.1 and leverage median 3; today's defaults carry 1 and 2.8", () => {
    const decoded = decodeShareState(STOP_25_DEFAULT_LINK);
    expect(decoded.ok).toBe(true);
    const { liquidation: oldLiquidation, population: oldPopulation, ...oldRest } = decoded.state.params;
    const { liquidation: newLiquidation, population: newPopulation, ...newRest } = defaultParams();
    expect(oldRest).toStrictEqual(newRest);
    expect(oldPopulation).toMatchObject({ leverageMedian: 3 });
    expect({ ...oldPopulation, leverageMedian: 2.8 }).toStrictEqual(newPopulation);
    expect(oldLiquidation.markImpactWeight).toBe(0.1);
    expect({ ...oldLiquidation, markImpactWeight: 1 }).toStrictEqual(newLiquidation);
    expect(encodeShareState(defaultShareState())).not.toBe(STOP_25_DEFAULT_LINK);
  });

  it('an old thin-alt parameters file (complete, as --defaults --preset printed it) validates to its own values', () => {
    const checked = validateParams(structuredClone(OLD_THIN_ALT_PARAMS));
    expect(checked.ok && checked.params).toStrictEqual(OLD_THIN_ALT_PARAMS);
  });

  it('a link of the new thin-alt round-trips to the new values', () => {
    const state = { ...defaultShareState(), params: presetParams(marketPreset('thin-alt')!) };
    const decoded = decodeShareState(encodeShareState(state));
    expect(decoded.ok && decoded.state.params).toStrictEqual(presetParams(marketPreset('thin-alt')!));
  });
});
