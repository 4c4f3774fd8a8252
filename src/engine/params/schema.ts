/**
 * The zod schema of the parameters file (DESIGN.md §5), one schema per section, mirroring riskParams.ts field
 * for field (a compile-time check below fails if they drift apart). Objects are strict: an unknown key is
 * refused, never ignored. Leaves are read by our own readers so every message names the rule and the value
 * ("must be below 1, got 1"); zod supplies structure, paths and strictness.
 */
import './zodJitless';
import { z } from 'zod';
import { Dec } from '../money/money';
import { CRASH_PRESET_IDS, type RiskParams } from './riskParams';
import { DEFAULT_GENERATED_POPULATION as GEN, FIELD_DEFAULTS } from './defaults';
import { medianVolume, VOLUME_EXPONENT_RANGE } from '../impact/volumeDepth';

export const LIMITS = {
  maxDecimalChars: 30,
  minSteps: 2,
  maxSteps: 100_000,
  maxStepSeconds: 86_400,
  maxReplayPrices: 100_000,
  maxCrashGaps: 100,
  maxAccounts: 1_000_000,
  maxTiers: 100,
  maxIdChars: 128,
  /** Prices and sizes, so notionals stay far from float64 overflow. */
  maxPrice: '1000000000000',
  maxSize: '1000000000000',
  /** Money (quote) that enters the ledger: 1e9 quote = 1e15 money units, well inside 2^53 ≈ 9.007e15. */
  maxMoney: '1000000000',
  /** Notional thresholds and depth (quote): measures, not ledger balances. */
  maxNotional: '1000000000000000',
} as const;

const MONEY_EXACT = 'money must stay exact in float64';

/** A reader turns one raw value into a typed value or a refusal message. */
type Read<T> = (value: unknown) => T | Refused;
class Refused {
  constructor(readonly message: string) {}
}
const refuse = (message: string): Refused => new Refused(message);

/** A short, safe rendering of a value for messages: strings quoted and cut at 40 characters. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `'${JSON.stringify(cut).slice(1, -1)}'`;
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n (a bigint)`;
    case 'undefined':
      return 'nothing';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? `a list of ${value.length} items` : 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** Wraps a reader as a zod schema whose refusals become issues at the field's path. */
function leaf<T>(read: Read<T>): z.ZodType<T, unknown> {
  return z.unknown().transform((value, ctx): T => {
    const result = read(value);
    if (result instanceof Refused) {
      ctx.issues.push({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    }
    return result;
  });
}

/** A missing field is refused as "required". */
function required<T>(read: Read<T>): Read<T> {
  return (value) => (value === undefined ? refuse('required') : read(value));
}

export interface RangeRule {
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
}

function rangeProblem(n: number, rule: RangeRule): string | null {
  const { min, max } = rule;
  if (min !== undefined && (rule.minExclusive ? !(n > min) : !(n >= min))) {
    return `must be ${rule.minExclusive ? 'above' : 'at least'} ${min}, got ${n}`;
  }
  if (max !== undefined && (rule.maxExclusive ? !(n < max) : !(n <= max))) {
    return `must be ${rule.maxExclusive ? 'below' : 'at most'} ${max}, got ${n}`;
  }
  return null;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const noNegZero = (n: number): number => (n === 0 ? 0 : n);

/** A real number: a finite JSON number or a plain decimal string ("0.1"), normalised to a number. */
function real(rule: RangeRule): Read<number> {
  return (value) => {
    let n: number;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return refuse(`must be a finite number, got ${value}`);
      n = value;
    } else if (typeof value === 'string') {
      if (value.length > LIMITS.maxDecimalChars || !PLAIN_DECIMAL.test(value)) {
        return refuse(`must be a number or a plain decimal string like '0.1', got ${describeValue(value)}`);
      }
      n = Number(value);
    } else {
      return refuse(`must be a number, got ${describeValue(value)}`);
    }
    const problem = rangeProblem(n, rule);
    return problem ? refuse(problem) : noNegZero(n);
  };
}

/** A whole number given as a JSON number. */
function integer(rule: RangeRule): Read<number> {
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return refuse(`must be a whole number, got ${describeValue(value)}`);
    }
    if (!Number.isInteger(value)) return refuse(`must be a whole number, got ${value}`);
    const problem = rangeProblem(value, rule);
    return problem ? refuse(problem) : noNegZero(value);
  };
}

export interface DecimalRule {
  /** What the value must be: 'positive' (> 0), 'nonNegative' (≥ 0) or 'any' (a leading '-' allowed). */
  sign: 'positive' | 'nonNegative' | 'any';
  /** Largest allowed absolute value: a whole number written as digits (compared by digit count first). */
  max: string;
  /** Why the maximum exists, appended to its message. */
  maxReason?: string;
}

const NOUN = { positive: 'a positive decimal', nonNegative: 'a non-negative decimal', any: 'a decimal' } as const;

/**
 * Checks an exact decimal string (money, prices, sizes): plain digits with an optional fraction, no exponent,
 * at most 30 characters, '-' only where the rule allows it. Returns the problem, or null when it is fine.
 */
export function decimalProblem(text: string, rule: DecimalRule): string | null {
  if (text.length > LIMITS.maxDecimalChars) {
    return `must be at most ${LIMITS.maxDecimalChars} characters, got ${describeValue(text)} (${text.length} characters)`;
  }
  if (!PLAIN_DECIMAL.test(text)) {
    const hint = /^-?[\d.]+[eE][-+]?\d+$/.test(text) ? ' written without an exponent' : '';
    return `must be ${NOUN[rule.sign]}${hint}, got ${describeValue(text)}`;
  }
  const negative = text.startsWith('-');
  if (rule.sign !== 'any' && negative) return `must be ${NOUN[rule.sign]}, got ${describeValue(text)}`;
  if (rule.sign === 'positive' && !/[1-9]/.test(text)) return `must be above 0, got ${describeValue(text)}`;
  // Compare magnitudes by integer digits first; only a tie in digit count needs exact decimal arithmetic.
  const point = text.indexOf('.');
  const intDigits = (point < 0 ? text.length : point) - (negative ? 1 : 0) - (/^-?0*/.exec(text)?.[0].replace('-', '').length ?? 0);
  const maxDigits = rule.max.length;
  if (intDigits > maxDigits || (intDigits === maxDigits && new Dec(text).abs().gt(rule.max))) {
    const sizeWord = rule.sign === 'any' ? 'in absolute value ' : '';
    return `must be at most ${rule.max} ${sizeWord}(${rule.maxReason ?? 'limit'}), got ${describeValue(text)}`;
  }
  return null;
}

function decimal(rule: DecimalRule): Read<string> {
  return (value) => {
    if (typeof value !== 'string') {
      return refuse(`must be a decimal string like '100' (exact, not a JSON number), got ${describeValue(value)}`);
    }
    const problem = decimalProblem(value, rule);
    return problem ? refuse(problem) : value;
  };
}

function nullable<T>(read: Read<T>): Read<T | null> {
  return (value) => (value === null ? null : read(value));
}

function oneOf<const T extends string>(values: readonly T[]): Read<T> {
  const list = values.map((v) => `'${v}'`).join(', ');
  return (value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? (value as T)
      : refuse(`must be one of ${list}, got ${describeValue(value)}`);
}

const bool: Read<boolean> = (value) =>
  typeof value === 'boolean' ? value : refuse(`must be true or false, got ${describeValue(value)}`);

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Checks an account id: non-blank, at most 128 characters, no control characters (so CSV lines stay lines). */
export function idProblem(id: string): string | null {
  if (id.trim() === '') return 'must not be empty';
  if (id.length > LIMITS.maxIdChars) return `must be at most ${LIMITS.maxIdChars} characters, got ${id.length}`;
  if (CONTROL_CHARS.test(id)) return `must not contain control characters (tabs, line breaks), got ${describeValue(id)}`;
  return null;
}

const idRead: Read<string> = (value) => {
  if (typeof value !== 'string') return refuse(`must be a string, got ${describeValue(value)}`);
  const problem = idProblem(value);
  return problem ? refuse(problem) : value;
};

/** A list with a bounded length, checked before any item is read (a hostile 10-million-item list costs nothing). */
function list<S extends z.ZodType<unknown, unknown>>(item: S, min: number, max: number, noun: string) {
  const guard: Read<unknown[]> = (value) => {
    if (!Array.isArray(value)) return refuse(`must be a list, got ${describeValue(value)}`);
    if (value.length < min) return refuse(min === 1 ? 'must not be empty' : `must have at least ${min} ${noun}, got ${value.length}`);
    if (value.length > max) return refuse(`must have at most ${max} ${noun}, got ${value.length}`);
    return value;
  };
  return leaf(required(guard)).pipe(z.array(item));
}

const req = <T>(read: Read<T>) => leaf(required(read));
/** An optional field: absent (or undefined) takes the fallback, documented in defaults.ts. */
const opt = <T>(read: Read<T>, fallback: () => z.util.NoUndefined<T>) => leaf(read).default(fallback);

const money = (sign: DecimalRule['sign']): DecimalRule => ({ sign, max: LIMITS.maxMoney, maxReason: MONEY_EXACT });
/** The rules of an explicit account's decimals, shared with the CSV import so both refuse the same values. */
export const ACCOUNT_DECIMAL_RULES = {
  size: { sign: 'positive', max: LIMITS.maxSize, maxReason: 'size limit' },
  entryPrice: { sign: 'positive', max: LIMITS.maxPrice, maxReason: 'price limit' },
  collateral: money('any'),
} as const satisfies Record<string, DecimalRule>;
const positivePrice = ACCOUNT_DECIMAL_RULES.entryPrice;
const notional = (sign: DecimalRule['sign']): DecimalRule => ({ sign, max: LIMITS.maxNotional, maxReason: 'notional limit' });
const ratio01: RangeRule = { min: 0, max: 1 };
const volRule: RangeRule = { min: 0, max: 10 };

export const versionSchema = leaf<1>((value) => {
  if (value === 1) return 1;
  if (value === undefined) return refuse('required (this build reads version 1)');
  return refuse(`unsupported version ${describeValue(value)}, this build reads version 1`);
});

export const marketSchema = z.strictObject({
  initialPrice: req(decimal(positivePrice)),
  steps: req(integer({ min: LIMITS.minSteps, max: LIMITS.maxSteps })),
  stepSeconds: req(real({ min: 0, minExclusive: true, max: LIMITS.maxStepSeconds })),
});

const drift = () => opt(real({ min: -10, max: 10 }), () => FIELD_DEFAULTS.driftAnnual);
const minutes = () => req(real({ min: 0 }));

export const scenarioSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('gbm'), driftAnnual: drift(), volAnnual: req(real(volRule)) }),
  z.strictObject({
    kind: z.literal('jump'),
    driftAnnual: drift(),
    volAnnual: req(real(volRule)),
    jumpIntensityAnnual: req(real({ min: 0, max: 100_000 })),
    jumpMean: req(real({ min: -10, max: 10 })),
    jumpStdev: req(real({ min: 0, max: 10 })),
  }),
  z
    .strictObject({
      kind: z.literal('crash'),
      preset: opt(nullable(oneOf(CRASH_PRESET_IDS)), () => FIELD_DEFAULTS.crashPreset),
      drawdown: req(real({ min: 0, minExclusive: true, max: 0.9999 })),
      startMinute: minutes(),
      crashMinutes: minutes(),
      recovery: req(real(ratio01)),
      recoveryMinutes: minutes(),
      volAnnual: req(real(volRule)),
      gaps: list(
        z.strictObject({ minute: req(real({ min: 0 })), drop: req(real({ min: 0, minExclusive: true, max: 0.9999 })) }),
        0,
        LIMITS.maxCrashGaps,
        'gaps',
      ).optional(),
    })
    .superRefine((crash, ctx) => {
      let kept = 1;
      crash.gaps?.forEach((gap, i) => {
        kept *= 1 - gap.drop;
        if (gap.minute > crash.crashMinutes) {
          ctx.addIssue({ code: 'custom', path: ['gaps', i, 'minute'], message: `must be at most crashMinutes (${crash.crashMinutes}), got ${gap.minute}` });
        }
      });
      if (kept < 1 - crash.drawdown - 1e-12) {
        ctx.addIssue({ code: 'custom', path: ['gaps'], message: `together drop the price by ${(1 - kept).toFixed(4)}, more than drawdown (${crash.drawdown})` });
      }
    }),
  z
    .strictObject({
      kind: z.literal('replay'),
      prices: list(req(decimal(positivePrice)), 1, LIMITS.maxReplayPrices, 'prices'),
      noiseVolAnnual: opt(real(volRule), () => FIELD_DEFAULTS.replayNoiseVolAnnual),
      volumes: list(req(real({ min: 0 })), 1, LIMITS.maxReplayPrices, 'volumes').optional(),
    })
    .superRefine((replay, ctx) => {
      if (replay.volumes === undefined) return;
      if (replay.volumes.length !== replay.prices.length) {
        ctx.addIssue({ code: 'custom', path: ['volumes'], message: `has ${replay.volumes.length} volumes but prices has ${replay.prices.length}; give one volume per price` });
      } else if (medianVolume(replay.volumes) <= 0) {
        ctx.addIssue({ code: 'custom', path: ['volumes'], message: 'has a median of 0 (over half the prices traded nothing), so depth cannot follow volume; leave volumes out' });
      }
    }),
  z
    .strictObject({
      kind: z.literal('bootstrap'),
      prices: list(req(decimal(positivePrice)), 2, LIMITS.maxReplayPrices, 'prices'),
      blockSteps: req(integer({ min: 1, max: LIMITS.maxReplayPrices - 1 })),
    })
    .superRefine((s, ctx) => {
      if (s.blockSteps > s.prices.length - 1) {
        ctx.addIssue({ code: 'custom', path: ['blockSteps'], message: `must be at most prices.length − 1 (${s.prices.length - 1}), got ${s.blockSteps}` });
      }
    }),
]);

const explicitAccountSchema = z.strictObject({
  id: req(idRead),
  side: req(oneOf(['long', 'short'] as const)),
  size: req(decimal(ACCOUNT_DECIMAL_RULES.size)),
  entryPrice: req(decimal(ACCOUNT_DECIMAL_RULES.entryPrice)),
  collateral: req(decimal(ACCOUNT_DECIMAL_RULES.collateral)),
});

const accountsSchema = list(explicitAccountSchema, 1, LIMITS.maxAccounts, 'accounts').superRefine((accounts, ctx) => {
  const firstIndex = new Map<string, number>();
  let reported = 0;
  accounts.forEach((account, i) => {
    const first = firstIndex.get(account.id);
    if (first === undefined) firstIndex.set(account.id, i);
    else if (reported++ < 100) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${describeValue(account.id)}, also at accounts[${first}]` });
    }
  });
});

export const populationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('generated'),
    accounts: req(integer({ min: 1, max: LIMITS.maxAccounts })),
    openInterest: opt(decimal(money('positive')), () => GEN.openInterest),
    longShare: opt(real({ min: 0, minExclusive: true, max: 1, maxExclusive: true }), () => GEN.longShare),
    leverageMedian: opt(real({ min: 1 }), () => GEN.leverageMedian),
    leverageSigma: opt(real({ min: 0, max: 3 }), () => GEN.leverageSigma),
    paretoAlpha: opt(real({ min: 1.05, max: 10 }), () => GEN.paretoAlpha),
    entrySpread: opt(real(ratio01), () => GEN.entrySpread),
    marketMakerLeverage: opt(real({ min: 1 }), () => GEN.marketMakerLeverage),
    seed: leaf(integer({ min: 0, max: Number.MAX_SAFE_INTEGER })).optional(),
  }),
  z.strictObject({ kind: z.literal('explicit'), accounts: accountsSchema }),
]);

const mmrRule: RangeRule = { min: 0, minExclusive: true, max: 1, maxExclusive: true };
const imrRule: RangeRule = { min: 0, minExclusive: true, max: 1 };

const tierSchema = z.strictObject({
  notionalFloor: req(decimal(notional('nonNegative'))),
  maintenanceMarginRatio: req(real(mmrRule)),
  initialMarginRatio: req(real(imrRule)),
});

export const marginSchema = z
  .strictObject({
    initialMarginRatio: req(real(imrRule)),
    maintenanceMarginRatio: req(real(mmrRule)),
    tiers: list(tierSchema, 0, LIMITS.maxTiers, 'tiers').default(() => []),
  })
  .superRefine((margin, ctx) => {
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const { initialMarginRatio: imr, maintenanceMarginRatio: mmr } = margin;
    if (!(mmr < imr)) add(['maintenanceMarginRatio'], `must be below initialMarginRatio (${imr}), got ${mmr}`);
    margin.tiers.forEach((tier, i) => {
      const here = ['tiers', i];
      if (!(tier.maintenanceMarginRatio < tier.initialMarginRatio)) {
        add([...here, 'maintenanceMarginRatio'], `must be below initialMarginRatio (${tier.initialMarginRatio}), got ${tier.maintenanceMarginRatio}`);
      }
      const prev = i === 0 ? null : margin.tiers[i - 1];
      const before = prev ? `tiers[${i - 1}].` : 'the base ';
      const base = prev ?? margin;
      if (prev && !new Dec(tier.notionalFloor).gt(prev.notionalFloor)) {
        add([...here, 'notionalFloor'], `must be above tiers[${i - 1}].notionalFloor (${prev.notionalFloor}), got '${tier.notionalFloor}'`);
      }
      for (const key of ['maintenanceMarginRatio', 'initialMarginRatio'] as const) {
        if (tier[key] < base[key]) add([...here, key], `must be at least ${before}${key} (${base[key]}), got ${tier[key]}`);
      }
    });
  });

const impactSchema = z
  .strictObject({
    model: req(oneOf(['none', 'linear', 'sqrt'] as const)),
    depth: leaf(decimal(notional('positive'))).optional(),
    halfLifeSteps: opt(real({ min: 0, minExclusive: true, max: LIMITS.maxSteps }), () => FIELD_DEFAULTS.impactHalfLifeSteps),
    thinning: opt(real({ min: 0, max: 1000 }), () => FIELD_DEFAULTS.impactThinning),
    permanentShare: opt(real(ratio01), () => FIELD_DEFAULTS.impactPermanentShare),
    volumeExponent: leaf(real(VOLUME_EXPONENT_RANGE)).optional(),
  })
  .superRefine((impact, ctx) => {
    if (impact.depth === undefined && impact.model !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['depth'], message: `required when model is '${impact.model}'` });
    }
  })
  .transform((impact) => ({ ...impact, depth: impact.depth ?? FIELD_DEFAULTS.impactDepthWhenNone }));

const sliceSchema = z.strictObject({
  minNotional: req(decimal(notional('nonNegative'))),
  fraction: req(real({ min: 0, minExclusive: true, max: 1 })),
  cooldownSteps: req(integer({ min: 0, max: LIMITS.maxSteps })),
});

export const liquidationSchema = z.strictObject({
  penaltyRatio: req(real({ min: 0, max: 0.5 })),
  penaltyToFund: req(real(ratio01)),
  partial: opt(bool, () => FIELD_DEFAULTS.partial),
  maxNotionalPerStep: opt(nullable(decimal(notional('positive'))), () => FIELD_DEFAULTS.maxNotionalPerStep),
  oracleDelaySteps: opt(integer({ min: 0, max: LIMITS.maxSteps - 1 }), () => FIELD_DEFAULTS.oracleDelaySteps),
  impact: impactSchema,
  markImpactWeight: opt(real(ratio01), () => FIELD_DEFAULTS.markImpactWeight),
  slice: sliceSchema.nullable().default(() => FIELD_DEFAULTS.slice),
});

export const insuranceFundSchema = z
  .strictObject({
    initial: req(decimal(money('nonNegative'))),
    feeInflowPerStep: opt(decimal(money('nonNegative')), () => FIELD_DEFAULTS.feeInflowPerStep),
    cap: opt(nullable(decimal(money('nonNegative'))), () => FIELD_DEFAULTS.fundCap),
    maxDrawPerStep: opt(nullable(decimal(money('positive'))), () => FIELD_DEFAULTS.maxDrawPerStep),
  })
  .superRefine((fund, ctx) => {
    if (fund.cap !== null && new Dec(fund.cap).lt(fund.initial)) {
      ctx.addIssue({ code: 'custom', path: ['cap'], message: `must be at least initial (${fund.initial}), got '${fund.cap}'` });
    }
  });

const adlTriggerSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fund-empty') }),
    z.strictObject({
      kind: z.literal('fund-drawdown'),
      share: req(real({ min: 0, minExclusive: true, max: 1 })),
      windowSteps: req(integer({ min: 1, max: LIMITS.maxSteps })),
    }),
  ])
  .optional()
  .transform((trigger) => trigger ?? { ...FIELD_DEFAULTS.adlTrigger });

export const lossMechanismSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('socialize'), base: leaf(oneOf(['profit', 'open-interest'] as const)).optional() }),
  z.strictObject({
    kind: z.literal('adl'),
    ranking: req(oneOf(['pnl-leverage', 'random', 'hyperliquid'] as const)),
    size: opt(oneOf(['needed', 'full'] as const), () => FIELD_DEFAULTS.adlSize),
    closePrice: opt(oneOf(['bankruptcy', 'mark'] as const), () => FIELD_DEFAULTS.adlClosePrice),
    trigger: adlTriggerSchema,
  }),
  z.strictObject({
    kind: z.literal('backstop'),
    takeoverEquityShare: opt(real({ min: 0, max: 1 }), () => FIELD_DEFAULTS.backstopTakeoverEquityShare),
    unwindSteps: opt(integer({ min: 1, max: LIMITS.maxSteps }), () => FIELD_DEFAULTS.backstopUnwindSteps),
  }),
  z.strictObject({ kind: z.literal('bad-debt') }),
]);

/** The sections of a parameters file in contract order, each validated on its own so one bad section hides no other. */
export const SECTION_SCHEMAS = {
  market: marketSchema,
  scenario: scenarioSchema,
  population: populationSchema,
  margin: marginSchema,
  liquidation: liquidationSchema,
  insuranceFund: insuranceFundSchema,
  lossMechanism: lossMechanismSchema,
} as const;
export type SectionName = keyof typeof SECTION_SCHEMAS;

export interface PathProblem {
  path: (string | number)[];
  message: string;
}

/** Rules that relate two sections; each runs when both sections are valid on their own. */
export function crossSectionProblems(p: Partial<RiskParams>): PathProblem[] {
  const problems: PathProblem[] = [];
  const steps = p.market?.steps;
  if (steps === undefined) return problems;
  if (p.scenario?.kind === 'replay' && p.scenario.prices.length !== steps) {
    problems.push({
      path: ['scenario', 'prices'],
      message: `has ${p.scenario.prices.length} prices but market.steps is ${steps}; they must be equal`,
    });
  }
  // A replay's first price is the market's initial price: the population is opened there, so a series that
  // starts elsewhere would liquidate the book at step 0 (fidelity review B2). Refused, naming both values.
  const first = p.scenario?.kind === 'replay' ? p.scenario.prices[0] : undefined;
  if (first !== undefined && p.market && !new Dec(first).eq(p.market.initialPrice)) {
    problems.push({
      path: ['scenario', 'prices', 0],
      message: `is '${first}' but market.initialPrice is '${p.market.initialPrice}'; a replay starts at the market's initial price, so set market.initialPrice to '${first}'`,
    });
  }
  if (p.liquidation && p.liquidation.oracleDelaySteps > steps - 1) {
    problems.push({
      path: ['liquidation', 'oracleDelaySteps'],
      message: `must be at most market.steps − 1 (${steps - 1}), got ${p.liquidation.oracleDelaySteps}`,
    });
  }
  const fund = p.insuranceFund;
  if (fund && fund.cap === null) {
    const reach = new Dec(fund.feeInflowPerStep).times(steps).plus(fund.initial);
    if (reach.gt(LIMITS.maxMoney)) {
      problems.push({
        path: ['insuranceFund', 'feeInflowPerStep'],
        message: `initial + feeInflowPerStep × market.steps = ${reach.toFixed()} must be at most ${LIMITS.maxMoney} (${MONEY_EXACT}); lower it or set a cap`,
      });
    }
  }
  return problems;
}

/** The whole file as one schema (cross-section rules included), for callers that want a single zod schema. */
export const riskParamsSchema = z
  .strictObject({ version: versionSchema, ...SECTION_SCHEMAS })
  .superRefine((params, ctx) => {
    for (const problem of crossSectionProblems(params)) ctx.addIssue({ code: 'custom', ...problem });
  });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile if the schema's output and the RiskParams contract differ in any field. */
export type SchemaMirrorsContract = Assert<Same<z.output<typeof riskParamsSchema>, RiskParams>>;
