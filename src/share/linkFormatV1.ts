/**
 * Link format v1, FROZEN: a v1 link is a patch against V1_BASE, compressed with V1_DICTIONARY. Both are part
 * of the format, copied here rather than read from the live defaults, so a link made today decodes to the
 * same state (and the same numbers) after the defaults change. Editing either breaks every v1 link already
 * shared: change the defaults freely, and if they drift far enough that default links stop being tiny, add
 * a v2 with a new base and a migration (migrations.ts). codec.test.ts pins both.
 */
import { deepFreeze } from '../engine/params/defaults';
import type { JsonObject } from './jsonPatch';

export const V1_BASE: Readonly<JsonObject> = deepFreeze({
  params: {
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
      maxNotionalPerStep: null,
      oracleDelaySteps: 0,
      impact: { model: 'sqrt', depth: '2000000', halfLifeSteps: 5 },
    },
    insuranceFund: { initial: '250000', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
    lossMechanism: { kind: 'socialize' },
  },
  run: { paths: 1000, seed: 1 },
  baseline: null,
  view: { tab: 'dashboard', logHistogram: false, pathIndex: 0, sweep: null },
});

/**
 * Preset DEFLATE dictionary: JSON fragments a patch is likely to repeat (field names, other kinds' shapes,
 * the base itself last, where matches are cheapest), so one changed field costs a few bytes, not its path.
 */
export const V1_DICTIONARY_TEXT = [
  '{"kind":"replay","prices":["100","',
  '"noiseVolAnnual":',
  '{"kind":"crash","preset":"mar-2020","may-2021","luna-2022","ftx-2022","oct-2025",null,"drawdown":0.',
  '"startMinute":',
  '"crashMinutes":',
  '"recovery":0.',
  '"recoveryMinutes":',
  '{"kind":"gbm","driftAnnual":0,"volAnnual":0.',
  '"tiers":[{"notionalFloor":"',
  '"lossMechanism":{"kind":"adl","ranking":"pnl-leverage"}},{"kind":"adl","ranking":"random"}},',
  '{"kind":"backstop"}},{"kind":"bad-debt"}},',
  '"model":"linear"',
  '"view":{"tab":"learn","tab":"planner","logHistogram":true,"pathIndex":',
  '"sweep":{"param":"margin.maintenanceMarginRatio","from":0.0',
  '"to":0.',
  '"points":',
  '{"$delete":true}',
  '"population":{"kind":"explicit","accounts":[{"id":"',
  '","side":"short","size":"',
  '","entryPrice":"',
  '","collateral":"',
  '"},{"id":"',
  '","side":"long","size":"',
  '"baseline":',
  JSON.stringify(V1_BASE),
].join('');
