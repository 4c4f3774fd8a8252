import type { ScenarioParams } from '../params/riskParams';
import { prepareBootstrap, type PreparedBootstrap } from './bootstrap';
import { prepareCrash, type PreparedCrash } from './crash';
import { prepareGbm, type PreparedGbm } from './gbm';
import { prepareJump, type PreparedJump } from './jumpDiffusion';
import type { ScenarioMarket } from './pathBase';
import { prepareReplay, type PreparedReplay } from './replay';

/** A scenario's per-run constants: plain numbers and typed arrays, computed once and shared by every path. */
export type PreparedScenario = PreparedGbm | PreparedJump | PreparedCrash | PreparedReplay | PreparedBootstrap;

/**
 * Precomputes what every path of a run shares: dt = stepSeconds / (365·86,400) years, per-step log drift and
 * volatility, the Poisson jump-count table, the crash shape, the parsed replay series, the price bounds.
 * Ratios arrive as validated numbers; replay prices as decimal strings.
 * @param market initialPrice (quote per base, parsed from its decimal string), steps (points, step 0
 *   included), stepSeconds
 * @throws RangeError on a market shape no path can have, or a replay series whose length is not steps
 */
export function prepareScenario(scenario: ScenarioParams, market: ScenarioMarket): PreparedScenario {
  switch (scenario.kind) {
    case 'gbm':
      return prepareGbm(scenario, market);
    case 'jump':
      return prepareJump(scenario, market);
    case 'crash':
      return prepareCrash(scenario, market);
    case 'replay':
      return prepareReplay(scenario, market);
    case 'bootstrap':
      return prepareBootstrap(scenario, market);
  }
}
