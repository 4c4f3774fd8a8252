import { describe, expect, it } from 'vitest';
// Cases are written against the pre-preset defaults (a 100-quote market, no tiers, socialize): set explicitly.
import { legacyDefaultParams } from './defaults';
import type { RiskParams } from './riskParams';
import { riskParamsSchema } from './schema';
import { formatPath, formatProblems, validateParams, validateRunOptions } from './validateParams';

type Json = Record<string | number, unknown>;
const DELETE = Symbol('delete');

/** Sets (or deletes, with DELETE) the value at "a.b[2].c" in a copy of `base`. */
function withValue(base: unknown, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  const last = keys[keys.length - 1] as string;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

const gbm = (): RiskParams => ({ ...legacyDefaultParams(), scenario: { kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 } });
const jump = (): RiskParams => ({
  ...legacyDefaultParams(),
  scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.5, jumpIntensityAnnual: 20, jumpMean: -0.05, jumpStdev: 0.1 },
});
const crash = (): RiskParams => ({
  ...legacyDefaultParams(),
  scenario: { kind: 'crash', preset: 'mar-2020', drawdown: 0.4, startMinute: 60, crashMinutes: 120, recovery: 0.3, recoveryMinutes: 300, volAnnual: 0.6 },
});
const replay = (): RiskParams => ({
  ...legacyDefaultParams(),
  market: { initialPrice: '100', steps: 3, stepSeconds: 60 },
  scenario: { kind: 'replay', prices: ['100', '90', '95.5'], noiseVolAnnual: 0 },
});
const explicit = (): RiskParams => ({
  ...legacyDefaultParams(),
  population: {
    kind: 'explicit',
    accounts: [
      { id: 'a1', side: 'long', size: '10', entryPrice: '100', collateral: '100' },
      { id: 'a2', side: 'short', size: '5', entryPrice: '101', collateral: '-3.5' },
      { id: 'a3', side: 'short', size: '5', entryPrice: '99', collateral: '50' },
    ],
  },
});
const tiered = (): RiskParams => ({
  ...legacyDefaultParams(),
  margin: {
    initialMarginRatio: 0.1,
    maintenanceMarginRatio: 0.05,
    tiers: [
      { notionalFloor: '100000', maintenanceMarginRatio: 0.06, initialMarginRatio: 0.12 },
      { notionalFloor: '1000000', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 },
    ],
  },
});
const adl = (): RiskParams => ({ ...legacyDefaultParams(), lossMechanism: { kind: 'adl', ranking: 'pnl-leverage', size: 'needed', closePrice: 'bankruptcy', trigger: { kind: 'fund-empty' } } });

const sliced = (): RiskParams => ({ ...legacyDefaultParams(), liquidation: { ...legacyDefaultParams().liquidation, slice: { minNotional: '100000', fraction: 0.2, cooldownSteps: 0 } } });
const adlDrawdown = (): RiskParams => ({ ...legacyDefaultParams(), lossMechanism: { kind: 'adl', ranking: 'random', size: 'needed', closePrice: 'mark', trigger: { kind: 'fund-drawdown', share: 0.3, windowSteps: 480 } } });
const backstop = (): RiskParams => ({ ...legacyDefaultParams(), lossMechanism: { kind: 'backstop', takeoverEquityShare: 2 / 3, unwindSteps: 60 } });

interface RuleCase {
  name: string;
  input: unknown;
  field: string;
  message: string;
}

const rule = (name: string, base: () => RiskParams, path: string, value: unknown, message: string, field = path): RuleCase => ({
  name,
  input: withValue(base(), path, value),
  field,
  message,
});
const d = legacyDefaultParams;
const thirtyOne = '1'.repeat(31);

const RULES: RuleCase[] = [
  // version and top level
  rule('version 2 is not this build', d, 'version', 2, 'unsupported version 2, this build reads version 1'),
  rule('version as a string', d, 'version', '1', "unsupported version '1', this build reads version 1"),
  rule('version missing', d, 'version', DELETE, 'required (this build reads version 1)'),
  rule('unknown top-level field', d, 'extra', 1, 'unknown field'),
  rule('a section missing', d, 'margin', DELETE, 'required'),
  rule('a section of the wrong type', d, 'market', [], 'must be an object, got a list of 0 items'),
  // market
  rule('initialPrice zero', d, 'market.initialPrice', '0', "must be above 0, got '0'"),
  rule('initialPrice negative', d, 'market.initialPrice', '-1', "must be a positive decimal, got '-1'"),
  rule('initialPrice as a JSON number', d, 'market.initialPrice', 100, 'must be a decimal string'),
  rule('initialPrice with an exponent', d, 'market.initialPrice', '1e5', "must be a positive decimal written without an exponent, got '1e5'"),
  rule('initialPrice too long', d, 'market.initialPrice', thirtyOne, 'must be at most 30 characters'),
  rule('initialPrice with a bare point', d, 'market.initialPrice', '1.', "must be a positive decimal, got '1.'"),
  rule('initialPrice with spaces', d, 'market.initialPrice', ' 100', "must be a positive decimal, got ' 100'"),
  rule('initialPrice above the price limit', d, 'market.initialPrice', '10000000000000', 'must be at most 1000000000000'),
  rule('steps below 2', d, 'market.steps', 1, 'must be at least 2, got 1'),
  rule('steps above 100000', d, 'market.steps', 100_001, 'must be at most 100000, got 100001'),
  rule('steps fractional', d, 'market.steps', 2.5, 'must be a whole number, got 2.5'),
  rule('steps as a string', d, 'market.steps', '1440', "must be a whole number, got '1440'"),
  rule('stepSeconds zero', d, 'market.stepSeconds', 0, 'must be above 0, got 0'),
  rule('stepSeconds above a day', d, 'market.stepSeconds', 86_401, 'must be at most 86400, got 86401'),
  rule('stepSeconds missing', d, 'market.stepSeconds', DELETE, 'required'),
  rule('unknown market field', d, 'market.horizon', 5, 'unknown field'),
  // scenario
  rule('unknown scenario kind', d, 'scenario.kind', 'garch', "must be one of 'gbm', 'jump', 'crash', 'replay', 'bootstrap', got 'garch'"),
  rule('scenario kind missing', d, 'scenario.kind', DELETE, "required (one of 'gbm', 'jump', 'crash', 'replay', 'bootstrap')"),
  rule('gbm volAnnual negative', d, 'scenario.volAnnual', -0.1, 'must be at least 0, got -0.1'),
  rule('gbm volAnnual above 10', d, 'scenario.volAnnual', 10.5, 'must be at most 10, got 10.5'),
  rule('gbm volAnnual not a number', d, 'scenario.volAnnual', true, 'must be a number, got true'),
  rule('gbm volAnnual a non-decimal string', d, 'scenario.volAnnual', '0.8x', "must be a number or a plain decimal string like '0.1', got '0.8x'"),
  rule('gbm volAnnual missing', d, 'scenario.volAnnual', DELETE, 'required'),
  rule('gbm driftAnnual above 10', d, 'scenario.driftAnnual', 11, 'must be at most 10, got 11'),
  rule('gbm driftAnnual below -10', d, 'scenario.driftAnnual', -11, 'must be at least -10, got -11'),
  rule('a field of another kind', gbm, 'scenario.jumpMean', 0, 'unknown field'),
  rule('jump intensity negative', jump, 'scenario.jumpIntensityAnnual', -1, 'must be at least 0, got -1'),
  rule('jump intensity above 100000', jump, 'scenario.jumpIntensityAnnual', 100_001, 'must be at most 100000, got 100001'),
  rule('jump stdev negative', jump, 'scenario.jumpStdev', -0.1, 'must be at least 0, got -0.1'),
  rule('jump mean missing', jump, 'scenario.jumpMean', DELETE, 'required'),
  rule('crash drawdown zero', crash, 'scenario.drawdown', 0, 'must be above 0, got 0'),
  rule('crash drawdown total', crash, 'scenario.drawdown', 1, 'must be at most 0.9999, got 1'),
  rule('crash recovery above 1', crash, 'scenario.recovery', 1.5, 'must be at most 1, got 1.5'),
  rule('crash minutes negative', crash, 'scenario.crashMinutes', -1, 'must be at least 0, got -1'),
  rule('crash startMinute missing', crash, 'scenario.startMinute', DELETE, 'required'),
  rule('crash preset unknown', crash, 'scenario.preset', 'black-monday', "must be one of 'mar-2020', 'may-2021', 'luna-2022', 'ftx-2022', 'oct-2025', got 'black-monday'"),
  rule('replay length differs from steps', replay, 'market.steps', 4, 'has 3 prices but market.steps is 4; they must be equal', 'scenario.prices'),
  rule('replay prices empty', replay, 'scenario.prices', [], 'must not be empty'),
  rule('replay price zero', replay, 'scenario.prices[1]', '0', "must be above 0, got '0'", 'scenario.prices[1]'),
  rule('replay price as a number', replay, 'scenario.prices[2]', 95, 'must be a decimal string'),
  rule('replay prices longer than 100000', replay, 'scenario.prices', new Array(100_001).fill('1'), 'must have at most 100000 prices, got 100001'),
  rule('replay noise negative', replay, 'scenario.noiseVolAnnual', -1, 'must be at least 0, got -1'),
  // generated population
  rule('accounts zero', d, 'population.accounts', 0, 'must be at least 1, got 0'),
  rule('accounts above a million', d, 'population.accounts', 1_000_001, 'must be at most 1000000, got 1000001'),
  rule('accounts fractional', d, 'population.accounts', 1.5, 'must be a whole number, got 1.5'),
  rule('accounts missing', d, 'population.accounts', DELETE, 'required'),
  rule('openInterest zero', d, 'population.openInterest', '0', "must be above 0, got '0'"),
  rule('openInterest beyond exact money', d, 'population.openInterest', '1000000001', 'must be at most 1000000000 (money must stay exact in float64)'),
  rule('longShare zero', d, 'population.longShare', 0, 'must be above 0, got 0'),
  rule('longShare one', d, 'population.longShare', 1, 'must be below 1, got 1'),
  rule('leverageMedian below 1', d, 'population.leverageMedian', 0.5, 'must be at least 1, got 0.5'),
  rule('leverageSigma above 3', d, 'population.leverageSigma', 3.1, 'must be at most 3, got 3.1'),
  rule('paretoAlpha below 1.05', d, 'population.paretoAlpha', 1.04, 'must be at least 1.05, got 1.04'),
  rule('paretoAlpha above 10', d, 'population.paretoAlpha', 10.1, 'must be at most 10, got 10.1'),
  rule('entrySpread above 1', d, 'population.entrySpread', 1.1, 'must be at most 1, got 1.1'),
  rule('marketMakerLeverage below 1', d, 'population.marketMakerLeverage', 0.9, 'must be at least 1, got 0.9'),
  rule('unknown population kind', d, 'population.kind', 'csv', "must be one of 'generated', 'explicit', got 'csv'"),
  // explicit population
  rule('explicit accounts empty', explicit, 'population.accounts', [], 'must not be empty'),
  rule('explicit duplicate id', explicit, 'population.accounts[2].id', 'a1', "duplicate id 'a1', also at accounts[0]"),
  rule('explicit empty id', explicit, 'population.accounts[0].id', ' ', 'must not be empty'),
  rule('explicit id with a line break', explicit, 'population.accounts[0].id', 'a\nb', 'must not contain control characters'),
  rule('explicit side buy', explicit, 'population.accounts[1].side', 'buy', "must be one of 'long', 'short', got 'buy'"),
  rule('explicit size zero', explicit, 'population.accounts[0].size', '0', "must be above 0, got '0'"),
  rule('explicit size negative', explicit, 'population.accounts[0].size', '-10', "must be a positive decimal, got '-10'"),
  rule('explicit entryPrice negative', explicit, 'population.accounts[0].entryPrice', '-1', "must be a positive decimal, got '-1'"),
  rule('explicit collateral too negative', explicit, 'population.accounts[0].collateral', '-1000000001', 'must be at most 1000000000 in absolute value'),
  rule('explicit collateral missing', explicit, 'population.accounts[0].collateral', DELETE, 'required'),
  rule('explicit account extra field', explicit, 'population.accounts[0].leverage', 5, 'unknown field'),
  // margin
  rule('maintenance not below initial', d, 'margin.maintenanceMarginRatio', 0.12, 'must be below initialMarginRatio (0.1), got 0.12'),
  rule('initialMarginRatio zero', d, 'margin.initialMarginRatio', 0, 'must be above 0, got 0'),
  rule('initialMarginRatio above 1', d, 'margin.initialMarginRatio', 1.1, 'must be at most 1, got 1.1'),
  rule('maintenanceMarginRatio zero', d, 'margin.maintenanceMarginRatio', 0, 'must be above 0, got 0'),
  rule('initialMarginRatio missing', d, 'margin.initialMarginRatio', DELETE, 'required'),
  rule('tier maintenance not below its initial', tiered, 'margin.tiers[1].maintenanceMarginRatio', 0.25, 'must be below initialMarginRatio (0.2), got 0.25'),
  rule('tiers out of order', tiered, 'margin.tiers[1].notionalFloor', '50000', "must be above tiers[0].notionalFloor (100000), got '50000'"),
  rule('tiers with equal floors', tiered, 'margin.tiers[1].notionalFloor', '100000', "must be above tiers[0].notionalFloor (100000), got '100000'"),
  rule('tier floor negative', tiered, 'margin.tiers[0].notionalFloor', '-1', "must be a non-negative decimal, got '-1'"),
  rule('tier maintenance below the base', tiered, 'margin.tiers[0].maintenanceMarginRatio', 0.04, 'must be at least the base maintenanceMarginRatio (0.05), got 0.04'),
  rule('tier initial below the base', tiered, 'margin.tiers[0].initialMarginRatio', 0.09, 'must be at least the base initialMarginRatio (0.1), got 0.09'),
  rule('tier initial falls across tiers', tiered, 'margin.tiers[1].initialMarginRatio', 0.11, 'must be at least tiers[0].initialMarginRatio (0.12), got 0.11'),
  rule('tier maintenance falls across tiers', tiered, 'margin.tiers[1].maintenanceMarginRatio', 0.055, 'must be at least tiers[0].maintenanceMarginRatio (0.06), got 0.055'),
  rule('tier initial above 1', tiered, 'margin.tiers[1].initialMarginRatio', 1.5, 'must be at most 1, got 1.5'),
  rule('tier extra field', tiered, 'margin.tiers[0].leverage', 5, 'unknown field'),
  rule('more than 100 tiers', d, 'margin.tiers', Array.from({ length: 101 }, (_, i) => ({ notionalFloor: String(i), maintenanceMarginRatio: 0.05, initialMarginRatio: 0.1 })), 'must have at most 100 tiers, got 101'),
  // liquidation
  rule('penaltyRatio above 0.5', d, 'liquidation.penaltyRatio', 0.6, 'must be at most 0.5, got 0.6'),
  rule('penaltyRatio negative', d, 'liquidation.penaltyRatio', -0.01, 'must be at least 0, got -0.01'),
  rule('penaltyToFund above 1', d, 'liquidation.penaltyToFund', 1.1, 'must be at most 1, got 1.1'),
  rule('penaltyToFund missing', d, 'liquidation.penaltyToFund', DELETE, 'required'),
  rule('a typo in liquidation', d, 'liquidation.penalty', 0.01, 'unknown field'),
  rule('partial not a boolean', d, 'liquidation.partial', 'yes', "must be true or false, got 'yes'"),
  rule('maxNotionalPerStep zero', d, 'liquidation.maxNotionalPerStep', '0', "must be above 0, got '0'"),
  rule('maxNotionalPerStep a number', d, 'liquidation.maxNotionalPerStep', 5, 'must be a decimal string'),
  rule('oracleDelaySteps reaches the horizon', d, 'liquidation.oracleDelaySteps', 1440, 'must be at most market.steps − 1 (1439), got 1440'),
  rule('oracleDelaySteps negative', d, 'liquidation.oracleDelaySteps', -1, 'must be at least 0, got -1'),
  rule('oracleDelaySteps fractional', d, 'liquidation.oracleDelaySteps', 1.5, 'must be a whole number, got 1.5'),
  rule('impact missing', d, 'liquidation.impact', DELETE, 'required'),
  rule('impact model unknown', d, 'liquidation.impact.model', 'cubic', "must be one of 'none', 'linear', 'sqrt', got 'cubic'"),
  rule('impact depth missing for linear', d, 'liquidation.impact.depth', DELETE, "required when model is 'sqrt'"),
  rule('impact depth zero', d, 'liquidation.impact.depth', '0', "must be above 0, got '0'"),
  rule('impact halfLifeSteps zero', d, 'liquidation.impact.halfLifeSteps', 0, 'must be above 0, got 0'),
  // insurance fund
  rule('fund initial negative', d, 'insuranceFund.initial', '-1', "must be a non-negative decimal, got '-1'"),
  rule('fund initial beyond exact money', d, 'insuranceFund.initial', '1000000000.5', 'must be at most 1000000000 (money must stay exact in float64)'),
  rule('fund initial missing', d, 'insuranceFund.initial', DELETE, 'required'),
  rule('fee inflow negative', d, 'insuranceFund.feeInflowPerStep', '-1', "must be a non-negative decimal, got '-1'"),
  rule('fee inflow outgrows exact money', d, 'insuranceFund.feeInflowPerStep', '1000000', 'initial + feeInflowPerStep × market.steps = 1440250000 must be at most 1000000000'),
  rule('cap below initial', d, 'insuranceFund.cap', '1000', "must be at least initial (250000), got '1000'"),
  rule('maxDrawPerStep zero', d, 'insuranceFund.maxDrawPerStep', '0', "must be above 0, got '0'"),
  // loss mechanism
  rule('loss mechanism unknown', d, 'lossMechanism.kind', 'haircut', "must be one of 'socialize', 'adl', 'backstop', 'bad-debt', got 'haircut'"),
  rule('adl ranking missing', adl, 'lossMechanism.ranking', DELETE, 'required'),
  rule('adl ranking unknown', adl, 'lossMechanism.ranking', 'size', "must be one of 'pnl-leverage', 'random', 'hyperliquid', got 'size'"),
  rule('socialize with a ranking', d, 'lossMechanism.ranking', 'random', 'unknown field'),
  // round two (issues 13 and 14): every new field is named when its value is bad
  rule('markImpactWeight above 1', d, 'liquidation.markImpactWeight', 2, 'must be at most 1, got 2'),
  rule('markImpactWeight not a number', d, 'liquidation.markImpactWeight', 'a', "must be a number or a plain decimal string like '0.1', got 'a'"),
  rule('impact thinning negative', d, 'liquidation.impact.thinning', -1, 'must be at least 0, got -1'),
  rule('impact permanentShare above 1', d, 'liquidation.impact.permanentShare', 1.5, 'must be at most 1, got 1.5'),
  rule('slice fraction zero', sliced, 'liquidation.slice.fraction', 0, 'must be above 0, got 0'),
  rule('slice fraction above 1', sliced, 'liquidation.slice.fraction', 2, 'must be at most 1, got 2'),
  rule('slice minNotional negative', sliced, 'liquidation.slice.minNotional', '-1', "must be a non-negative decimal, got '-1'"),
  rule('slice cooldownSteps fractional', sliced, 'liquidation.slice.cooldownSteps', 1.5, 'must be a whole number, got 1.5'),
  rule('adl size unknown', adl, 'lossMechanism.size', 'x', "must be one of 'needed', 'full', got 'x'"),
  rule('adl drawdown share zero', adlDrawdown, 'lossMechanism.trigger.share', 0, 'must be above 0, got 0'),
  rule('adl drawdown window zero', adlDrawdown, 'lossMechanism.trigger.windowSteps', 0, 'must be at least 1, got 0'),
  rule('backstop takeover share above 1', backstop, 'lossMechanism.takeoverEquityShare', 3, 'must be at most 1, got 3'),
  rule('backstop unwindSteps zero', backstop, 'lossMechanism.unwindSteps', 0, 'must be at least 1, got 0'),
  rule('socialize base unknown', d, 'lossMechanism', { kind: 'socialize', base: 'x' }, "must be one of 'profit', 'open-interest', got 'x'", 'lossMechanism.base'),
];

describe('validateParams refuses each rule, naming the field', () => {
  it.each(RULES)('$name → $field', ({ input, field, message }) => {
    const result = validateParams(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ field, message: expect.stringContaining(message) }]);
  });
});

describe('validateParams accepts valid variants', () => {
  const VALID: [string, unknown][] = [
    ['defaults', legacyDefaultParams()],
    ['jump', jump()],
    ['crash with a preset, running past the horizon', withValue(crash(), 'scenario.startMinute', 5000)],
    ['replay matching steps', replay()],
    ['explicit with negative collateral', explicit()],
    ['tiers', tiered()],
    ['adl random', withValue(adl(), 'lossMechanism.ranking', 'random')],
    ['backstop', withValue(d(), 'lossMechanism', { kind: 'backstop' })],
    ['bad-debt', withValue(d(), 'lossMechanism', { kind: 'bad-debt' })],
    ['impact none without depth', withValue(withValue(d(), 'liquidation.impact.model', 'none'), 'liquidation.impact.depth', DELETE)],
    ['a capped fund with large inflow', withValue(withValue(d(), 'insuranceFund.feeInflowPerStep', '1000000'), 'insuranceFund.cap', '1000000000')],
    ['boundary values', withValue(withValue(withValue(d(), 'population.paretoAlpha', 1.05), 'margin.initialMarginRatio', 1), 'liquidation.penaltyRatio', 0.5)],
    ['oracleDelaySteps at steps − 1', withValue(d(), 'liquidation.oracleDelaySteps', 1439)],
  ];
  it.each(VALID)('%s', (_name, input) => {
    const result = validateParams(input);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('returns its input normalised, and validating that again changes nothing', () => {
    for (const [, input] of VALID) {
      const first = validateParams(input);
      if (!first.ok) throw new Error(formatProblems(first.problems));
      const second = validateParams(first.params);
      expect(second).toEqual(first);
    }
  });

  it('returns fresh objects: editing the result leaves the input alone', () => {
    const input = tiered();
    const result = validateParams(input);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    result.params.margin.tiers.push({ notionalFloor: '1', maintenanceMarginRatio: 0.5, initialMarginRatio: 0.6 });
    result.params.market.steps = 3;
    expect(input.margin.tiers).toHaveLength(2);
    expect(input.market.steps).toBe(1440);
  });
});

describe('ratios', () => {
  it.each([
    ['margin.initialMarginRatio', '0.2', 0.2],
    ['margin.maintenanceMarginRatio', '0.025', 0.025],
    ['liquidation.penaltyRatio', '0.015', 0.015],
    ['liquidation.penaltyToFund', '1', 1],
    ['population.longShare', '0.6', 0.6],
    ['scenario.driftAnnual', '-0.5', -0.5],
    ['scenario.volAnnual', '1.25', 1.25],
  ])('%s given as %j is returned as the number %d', (path, text, number) => {
    const result = validateParams(withValue(d(), path, text));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    const keys = path.split('.');
    const section = result.params[keys[0] as keyof RiskParams] as unknown as Json;
    expect(section[keys[1] as string]).toBe(number);
  });

  it('normalises tier ratios given as strings', () => {
    const result = validateParams(withValue(tiered(), 'margin.tiers[0].initialMarginRatio', '0.15'));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.params.margin.tiers[0]?.initialMarginRatio).toBe(0.15);
  });

  it.each([['NaN'], ['Infinity'], ['1e-3'], ['0x10'], [''], ['.5']])('refuses the string %j', (text) => {
    const result = validateParams(withValue(d(), 'liquidation.penaltyRatio', text));
    expect(result.ok).toBe(false);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])('refuses the number %d', (n) => {
    // Built directly: JSON cannot carry NaN or Infinity, a JS object can.
    const result = validateParams({ ...d(), scenario: { kind: 'gbm', driftAnnual: 0, volAnnual: n } });
    expect(result).toEqual({ ok: false, problems: [{ field: 'scenario.volAnnual', message: `must be a finite number, got ${n}` }] });
  });
});

describe('omitted fields take their documented defaults', () => {
  const pick = (input: unknown, read: (p: RiskParams) => unknown): unknown => {
    const result = validateParams(input);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    return read(result.params);
  };
  it.each<[string, () => unknown, (p: RiskParams) => unknown, unknown]>([
    ['gbm driftAnnual → 0', () => withValue(withValue(gbm(), 'scenario.driftAnnual', DELETE), 'scenario.volAnnual', 0.5), (p) => p.scenario, { kind: 'gbm', driftAnnual: 0, volAnnual: 0.5 }],
    ['crash preset → null', () => withValue(crash(), 'scenario.preset', DELETE), (p) => p.scenario.kind === 'crash' && p.scenario.preset, null],
    ['replay noiseVolAnnual → 0', () => withValue(replay(), 'scenario.noiseVolAnnual', DELETE), (p) => p.scenario.kind === 'replay' && p.scenario.noiseVolAnnual, 0],
    ['margin tiers → []', () => withValue(d(), 'margin.tiers', DELETE), (p) => p.margin.tiers, []],
    ['partial → false', () => withValue(d(), 'liquidation.partial', DELETE), (p) => p.liquidation.partial, false],
    ['maxNotionalPerStep → null', () => withValue(d(), 'liquidation.maxNotionalPerStep', DELETE), (p) => p.liquidation.maxNotionalPerStep, null],
    ['oracleDelaySteps → 0', () => withValue(d(), 'liquidation.oracleDelaySteps', DELETE), (p) => p.liquidation.oracleDelaySteps, 0],
    ['impact halfLifeSteps → 5', () => withValue(withValue(d(), 'liquidation.impact.halfLifeSteps', DELETE), 'liquidation.impact.depth', '7'), (p) => p.liquidation.impact, { model: 'sqrt', depth: '7', halfLifeSteps: 5, thinning: 20, permanentShare: 0 }],
    ['impact depth (model none) → 2000000', () => withValue(d(), 'liquidation.impact', { model: 'none' }), (p) => p.liquidation.impact, { model: 'none', depth: '2000000', halfLifeSteps: 5, thinning: 0, permanentShare: 0 }],
    ['impact thinning → 0 (constant depth)', () => withValue(d(), 'liquidation.impact.thinning', DELETE), (p) => p.liquidation.impact.thinning, 0],
    ['impact permanentShare → 0 (all impact decays)', () => withValue(d(), 'liquidation.impact.permanentShare', DELETE), (p) => p.liquidation.impact.permanentShare, 0],
    ['markImpactWeight → 1 (the mark is the impacted book)', () => withValue(d(), 'liquidation.markImpactWeight', DELETE), (p) => p.liquidation.markImpactWeight, 1],
    ['slice → null (no slicing)', () => withValue(d(), 'liquidation.slice', DELETE), (p) => p.liquidation.slice, null],
    ['fund inflow, cap and max draw', () => withValue(d(), 'insuranceFund', { initial: '7' }), (p) => p.insuranceFund, { initial: '7', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null }],
    ['generated population from accounts alone', () => withValue(d(), 'population', { kind: 'generated', accounts: 12 }), (p) => p.population, { ...d().population, accounts: 12 }],
  ])('%s', (_name, input, read, expected) => {
    expect(pick(input(), read)).toEqual(expected);
  });

  it('gives each result its own tiers list', () => {
    const input = withValue(d(), 'margin.tiers', DELETE);
    const a = validateParams(input);
    const b = validateParams(input);
    if (!a.ok || !b.ok) throw new Error('should validate');
    expect(a.params.margin.tiers).not.toBe(b.params.margin.tiers);
    a.params.margin.tiers.push({ notionalFloor: '1', maintenanceMarginRatio: 0.5, initialMarginRatio: 0.6 });
    expect(b.params.margin.tiers).toEqual([]);
  });
});

describe('several problems at once', () => {
  it('reports problems in every section, not only the first', () => {
    const input = withValue(withValue(withValue(d(), 'market.steps', 0), 'margin.maintenanceMarginRatio', 0.2), 'lossMechanism.kind', 'x');
    const result = validateParams(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['market.steps', 'margin.maintenanceMarginRatio', 'lossMechanism.kind']);
  });

  it('formats one line per problem as "field: message"', () => {
    expect(formatProblems([{ field: 'a.b', message: 'bad' }, { field: 'c[0]', message: 'worse' }])).toBe('a.b: bad\nc[0]: worse');
  });

  it('formats paths with indices and quotes keys that are not identifiers', () => {
    expect(formatPath(['margin', 'tiers', 1, 'initialMarginRatio'])).toBe('margin.tiers[1].initialMarginRatio');
    expect(formatPath(['liquidation', 'a.b'])).toBe('liquidation["a.b"]');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('validateRunOptions', () => {
  it.each<[string, unknown, unknown]>([
    ['both given', { paths: 500, seed: 42 }, { ok: true, options: { paths: 500, seed: 42 } }],
    ['defaults for missing fields', {}, { ok: true, options: { paths: 1000, seed: 1 } }],
    ['digit strings from a command line', { paths: '20', seed: '7' }, { ok: true, options: { paths: 20, seed: 7 } }],
    ['largest seed', { paths: 100_000, seed: Number.MAX_SAFE_INTEGER }, { ok: true, options: { paths: 100_000, seed: Number.MAX_SAFE_INTEGER } }],
  ])('accepts %s', (_name, input, expected) => {
    expect(validateRunOptions(input)).toEqual(expected);
  });

  it.each<[string, unknown, string, string]>([
    ['zero paths', { paths: 0 }, 'paths', 'must be an integer from 1 to 100000, got 0'],
    ['too many paths', { paths: 100_001 }, 'paths', 'must be an integer from 1 to 100000, got 100001'],
    ['fractional paths', { paths: 1.5 }, 'paths', 'must be an integer from 1 to 100000, got 1.5'],
    ['negative seed', { seed: -1 }, 'seed', 'must be an integer from 0 to 9007199254740991, got -1'],
    ['seed beyond 2^53 − 1', { seed: 2 ** 53 }, 'seed', 'must be an integer from 0 to 9007199254740991, got 9007199254740992'],
    ['seed NaN', { seed: Number.NaN }, 'seed', 'must be an integer from 0 to 9007199254740991, got NaN'],
    ['seed as words', { seed: 'lucky' }, 'seed', "must be an integer from 0 to 9007199254740991, got 'lucky'"],
    ['unknown option', { path: 5 }, 'path', 'unknown field'],
    ['not an object', 5, '(root)', 'must be an object, got 5'],
  ])('refuses %s', (_name, input, field, message) => {
    expect(validateRunOptions(input)).toEqual({ ok: false, problems: [{ field, message }] });
  });
});

describe('riskParamsSchema (the whole file as one zod schema)', () => {
  it('parses what validateParams accepts to the same params', () => {
    for (const input of [d(), tiered(), replay(), explicit(), crash()]) {
      const viaDoor = validateParams(input);
      if (!viaDoor.ok) throw new Error(formatProblems(viaDoor.problems));
      expect(riskParamsSchema.parse(input)).toEqual(viaDoor.params);
    }
  });

  it('carries the cross-section rules', () => {
    const result = riskParamsSchema.safeParse(withValue(replay(), 'market.steps', 4));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['scenario.prices', 'has 3 prices but market.steps is 4; they must be equal'],
    ]);
  });
});
