// The defaults became the btc-binance preset (issue 15). A link is a patch against its format's FROZEN base, so a
// link made before the switch must open exactly the parameters it was made with. The links below were produced by
// encodeShareState on the branch BEFORE the switch (the page's default state, and the same with a 1 M fund and
// seed 7) and pasted here as literals; the expected parameters are that state written out, not read from code.
import { describe, expect, it } from 'vitest';
import { defaultParams, legacyDefaultParams } from '../engine/params/defaults';
import { decodeShareState, encodeShareState } from './codec';
import { defaultShareState } from './shareState';

const LINK_OF_OLD_DEFAULTS =
  'v=2&s=Q86FaDGHLQ5gaRVoEyLMSzIy8_LARaoR0PiC1KLcxDxg8oOlY0gCy_YEqw9PzUzPAOoy0DMGpshiYCEELgpyM_NgdkFyOjTQgZENcY6BnhGosMnPAdVIsIivBQIA&c=3ca9f6429df5';
const LINK_OF_OLD_DEFAULTS_FUND_1M_SEED_7 =
  'v=2&s=Q86FaDGHLQ5gaRVoEyLMSzIy8_LARaoR0PiC1KLcxDxg8oOlY0gCy_YEqw9PzUzPAOoy0DMGpshiYCEELgpyM_NgdkFyOjTQgZENcY6BnhGosMnPAdVIsIgnEHcQYwyQwxcSpOa1tQA&c=2ca3e6cb5822';

/** The page's default parameters before the switch, as the links above carry them. */
const OLD_DEFAULT_PARAMS = {
  version: 1,
  market: { initialPrice: '100', steps: 1440, stepSeconds: 60 },
  scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 365, jumpMean: 0, jumpStdev: 0.07 },
  population: {
    kind: 'generated',
    accounts: 10000,
    openInterest: '50000000',
    longShare: 0.55,
    leverageMedian: 4,
    leverageSigma: 0.7,
    paretoAlpha: 1.6,
    entrySpread: 0.03,
    marketMakerLeverage: 2,
  },
  margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] },
  liquidation: {
    penaltyRatio: 0.01,
    penaltyToFund: 1,
    partial: false,
    maxNotionalPerStep: '5000000',
    oracleDelaySteps: 0,
    impact: { model: 'sqrt', depth: '2000000', halfLifeSteps: 5, thinning: 20, permanentShare: 0 },
    markImpactWeight: 0.33,
    slice: { minNotional: '100000', fraction: 0.2, cooldownSteps: 0 },
  },
  insuranceFund: { initial: '250000', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
  lossMechanism: { kind: 'socialize' },
};
const VIEW = { tab: 'dashboard', logHistogram: false, pathIndex: 0, sweep: null };

describe('links made before the defaults became the btc-binance preset', () => {
  it('the old default link opens the old defaults, not the new ones', () => {
    const decoded = decodeShareState(LINK_OF_OLD_DEFAULTS);
    expect(decoded).toStrictEqual({ ok: true, notes: [], state: { params: OLD_DEFAULT_PARAMS, run: { paths: 1000, seed: 1 }, baseline: null, view: VIEW } });
    expect(decoded.state.params).not.toEqual(defaultParams());
  });

  it('an edited old link keeps its edit and every other old default', () => {
    const decoded = decodeShareState(LINK_OF_OLD_DEFAULTS_FUND_1M_SEED_7);
    const params = { ...OLD_DEFAULT_PARAMS, insuranceFund: { ...OLD_DEFAULT_PARAMS.insuranceFund, initial: '1000000' } };
    expect(decoded).toStrictEqual({ ok: true, notes: [], state: { params, run: { paths: 1000, seed: 7 }, baseline: null, view: VIEW } });
  });

  it('legacyDefaultParams() is that file, and encoding it today gives the very same link', () => {
    expect(legacyDefaultParams()).toStrictEqual(OLD_DEFAULT_PARAMS);
    const state = { ...defaultShareState(), params: legacyDefaultParams() };
    expect(encodeShareState(state)).toBe(LINK_OF_OLD_DEFAULTS);
  });

  it('an empty link opens the new defaults: the btc-binance preset', () => {
    const decoded = decodeShareState('');
    expect(decoded.ok && decoded.state.params).toStrictEqual(defaultParams());
    expect(defaultParams().market.initialPrice).toBe('110000');
  });
});
