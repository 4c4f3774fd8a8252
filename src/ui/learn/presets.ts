// Guided stories for learn mode: each is a whole ShareState (parameters, seed, view on the Learn tab), so a
// story is a link like any other. Small explicit populations and replayed prices make each story happen
// deterministically on every path; presets.test.ts traces each one and checks the story really happens.
import { withLossMechanismDefaults } from '../../engine/params/lossMechanism';
import type { ExplicitAccount, RiskParams } from '../../engine/params/riskParams';
import type { ShareState } from '../../share/shareState';

export interface LearnPreset {
  id: string;
  title: string;
  /** Two or three sentences: what to watch for. */
  story: string;
  state: ShareState;
}

const STEPS = 40;

type Side = 'long' | 'short';
const account = (id: string, side: Side, size: number, entryPrice: number, collateral: number): ExplicitAccount => ({
  id,
  side,
  size: String(size),
  entryPrice: String(entryPrice),
  collateral: String(collateral),
});

/** A price path of STEPS points: flat at 100, then through `waypoints` (step → price), linear in between, then flat. */
function pricePath(waypoints: readonly (readonly [number, number])[]): string[] {
  const points: [number, number][] = [[0, 100], ...waypoints.map(([s, p]) => [s, p] as [number, number])];
  const out: string[] = [];
  for (let t = 0; t < STEPS; t++) {
    let price = points[points.length - 1]![1];
    for (let i = 0; i < points.length - 1; i++) {
      const [s0, p0] = points[i]!;
      const [s1, p1] = points[i + 1]!;
      if (t >= s0 && t <= s1) {
        price = s1 === s0 ? p1 : p0 + ((p1 - p0) * (t - s0)) / (s1 - s0);
        break;
      }
    }
    out.push(price.toFixed(2));
  }
  return out;
}

/**
 * Twenty traders around one market at 100: longs from 2× to 10× leverage, shorts from 2× to 8× (they win when
 * the price falls: they are the "winners" who may be haircut or deleveraged).
 */
function traders(): ExplicitAccount[] {
  return [
    account('t1', 'long', 10, 100, 100), // 10×: bankrupt below 90, goes in the gap
    account('t2', 'long', 10, 100, 80), // 12.5×: liquidatable below 96.84, closed in the slide with equity to spare
    account('t3', 'long', 5, 100, 100),
    account('t4', 'long', 4, 100, 100),
    account('t5', 'long', 3, 100, 100),
    account('t6', 'long', 2, 100, 100),
    account('t7', 'long', 6, 100, 200),
    account('t8', 'long', 4, 100, 200),
    account('t9', 'long', 3, 100, 150),
    account('t10', 'long', 2, 100, 100),
    account('t11', 'short', 8, 100, 100), // 8×: the most leveraged winner
    account('t12', 'short', 6, 100, 150),
    account('t13', 'short', 5, 100, 200),
    account('t14', 'short', 4, 100, 200),
    account('t15', 'short', 4, 100, 100),
    account('t16', 'short', 3, 100, 150),
    account('t17', 'short', 3, 100, 100),
    account('t18', 'short', 2, 100, 100),
    account('t19', 'short', 2, 100, 50),
    account('t20', 'short', 1, 100, 50),
  ];
}

/** The market every story starts from; each preset changes what it is about. */
function baseParams(): RiskParams {
  return {
    version: 1,
    market: { initialPrice: '100', steps: STEPS, stepSeconds: 60 },
    // A slide to 95 (t2 is liquidated on the way), then a gap to 86 (t1 is closed below its bankruptcy price).
    scenario: { kind: 'replay', prices: pricePath([[4, 100], [10, 95], [14, 95], [15, 86], [25, 85], [39, 88]]), noiseVolAnnual: 0 },
    population: { kind: 'explicit', accounts: traders() },
    margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] },
    liquidation: {
      penaltyRatio: 0.01,
      penaltyToFund: 1,
      partial: false,
      maxNotionalPerStep: null,
      oracleDelaySteps: 0,
      impact: { model: 'none', depth: '2000000', halfLifeSteps: 5, thinning: 0, permanentShare: 0 },
      markImpactWeight: 1,
      slice: null,
    },
    insuranceFund: { initial: '60', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
    lossMechanism: { kind: 'socialize' },
  };
}

function learnState(params: RiskParams, baseline: RiskParams | null = null): ShareState {
  return {
    params,
    run: { paths: 20, seed: 1 },
    baseline,
    view: { tab: 'learn', logHistogram: false, pathIndex: 0, sweep: null },
  };
}

function fundRunsDry(): RiskParams {
  return { ...baseParams(), insuranceFund: { initial: '10', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null } };
}

function adlStory(): RiskParams {
  return { ...fundRunsDry(), lossMechanism: withLossMechanismDefaults({ kind: 'adl', ranking: 'pnl-leverage' }) };
}

function cascadeStory(): RiskParams {
  const base = baseParams();
  return {
    ...base,
    // A gentle slide to 96.5: without impact only t2 would go. Its sale moves a thin book.
    scenario: { kind: 'replay', prices: pricePath([[4, 100], [10, 96.5], [39, 96.5]]), noiseVolAnnual: 0 },
    liquidation: { ...base.liquidation, impact: { model: 'linear', depth: '100', halfLifeSteps: 20, thinning: 0, permanentShare: 0 } },
  };
}

function vaultStory(): RiskParams {
  return { ...fundRunsDry(), lossMechanism: withLossMechanismDefaults({ kind: 'backstop', unwindSteps: 10 }) };
}

function fullAdlStory(): RiskParams {
  return { ...fundRunsDry(), lossMechanism: withLossMechanismDefaults({ kind: 'adl', ranking: 'pnl-leverage', size: 'full' }) };
}

/** The cascade's market with the mark taken from the external index: the venue's own sales no longer trigger. */
function indexMarkStory(): RiskParams {
  const cascade = cascadeStory();
  return { ...cascade, liquidation: { ...cascade.liquidation, markImpactWeight: 0 } };
}

function largerFundStory(): RiskParams {
  const dry = fundRunsDry();
  return {
    ...dry,
    margin: { ...dry.margin, maintenanceMarginRatio: 0.08 },
  };
}

export const LEARN_PRESETS: readonly LearnPreset[] = [
  {
    id: 'fund-absorbs',
    title: 'The fund absorbs it',
    story:
      'The price slides from 100 to 95, then gaps to 86. The 12.5× long t2 is liquidated in time and its penalty goes to the insurance fund; the 10× long t1 is closed below its bankruptcy price, and the fund pays the whole deficit. Nobody else loses a cent.',
    state: learnState(baseParams()),
  },
  {
    id: 'fund-runs-dry',
    title: 'The fund runs dry and winners are haircut',
    story:
      'Same market, but the insurance fund holds only 10. The fund pays what it has and is emptied; the rest of the deficit is taken from the profits of the shorts who were winning — a haircut on traders who did nothing wrong.',
    state: learnState(fundRunsDry()),
  },
  {
    id: 'adl',
    title: 'ADL hits the most leveraged winner',
    story:
      'Same shortfall, but the venue auto-deleverages instead of haircutting everyone: after the fund is empty, the winning short ranked first by profit × leverage is closed at the bankrupt account’s price and bears the loss alone.',
    state: learnState(adlStory()),
  },
  {
    id: 'vault-vs-haircut',
    title: 'A backstop vault instead of a haircut or ADL',
    story:
      'The same path as the haircut and ADL stories, with Hyperliquid’s vault: t1 falls through 2/3 of its maintenance margin in the gap and the vault takes it over at the mark with what margin it has left, instead of selling it into the book. The fund pays the deficit it can, the vault the rest; then it sells the long back over ten minutes. Pinned against the haircut: nobody who was winning loses anything.',
    state: learnState(vaultStory(), fundRunsDry()),
  },
  {
    id: 'adl-full-vs-needed',
    title: 'Full or needed ADL: who loses what',
    story:
      'The ADL story again, pinned against dYdX v4’s rule of closing each counterparty’s whole position. The money taken is the same deficit, but the 8× short t11 loses its whole position, not only the contracts needed: profit closed beyond what had to be covered is the overshoot, shown in money in each ADL event and summed for the path above the charts.',
    state: learnState(fullAdlStory(), adlStory()),
  },
  {
    id: 'cascade',
    title: 'A thin order book turns one liquidation into a cascade',
    story:
      'The price only drifts down to 96.50, but the book is thin: each forced sale pushes the price lower, which makes the next long liquidatable in the same minute. In one minute t2’s sale drags the price through t1’s liquidation price, t1’s sale through t3’s, and so on down the book: six longs liquidated, bad debt that empties the fund, and haircuts on the shorts who were winning.',
    state: learnState(cascadeStory()),
  },
  {
    id: 'index-vs-mark',
    title: 'Index vs mark: the same slide without the self-made cascade',
    story:
      'The thin-book cascade again, pinned as the baseline, where the mark is the venue’s own book (weight 100 %). In the proposal the mark follows the external index (weight 0, as Binance’s spot index does): t2’s sale still fills in the thin book (a small deficit the fund pays), but it no longer drags the mark through t1’s liquidation price, so nothing follows. One liquidation instead of six, and no haircut.',
    state: learnState(indexMarkStory(), cascadeStory()),
  },
  {
    id: 'larger-fund',
    title: 'What a larger fund or higher margin would have changed',
    story:
      'The “fund runs dry” path again, pinned as the baseline, against a proposal with maintenance margin at 8 % instead of 5 %. The longs are closed earlier, while they still have equity: no bad debt, no haircut. (A fund of 60 instead of 10 would also have covered it: see the first story.)',
    state: learnState(largerFundStory(), fundRunsDry()),
  },
];
