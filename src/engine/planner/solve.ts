/**
 * The mitigation solver (issue #10): the smallest value of a lever — starting fund, maintenance margin, or
 * liquidation throughput — for which P(socialized loss > 0) ≤ target with the upper end of its Wilson 95 %
 * interval at or under the target. Every probe runs on paths [0, n) of one seed (common random numbers), adding
 * paths only where the interval straddles the target (probe.ts).
 *
 * Search: probe today's value. If it fails, it is the lower end; the upper end starts at a lever-specific guess
 * and doubles (capped at the lever's bound) until it passes — never passing by the bound is reported as "not
 * reachable within bound X". Throughput is first probed unlimited (null): if even that fails, no finite
 * capacity is tried (it assumes more capacity never hurts, which price impact could in principle contradict:
 * throttled liquidations move the price less). If today's value passes, it is the upper end and the lever's floor the lower end
 * (a passing floor is the answer). Then bisection, values rounded to the lever's resolution, until
 * hi − lo ≤ max(relTolerance · hi, resolution). The answer is the last passing value; the last failing one is
 * reported beside it. Bisection assumes P falls as the lever grows; where feedback breaks that (see
 * ledger.properties.test.ts) the bracket is still true — a pass with a failure at most one tolerance below —
 * but a smaller passing value elsewhere is not ruled out.
 */
import { Dec } from '../money/money';
import type { ParamProblem, RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { buildPopulation } from '../population/buildPopulation';
import { leverCosts, openInterestQuote, type LeverCosts } from './leverCosts';
import { bestUpperBound, checkProbeSettings, probeParams, type ProbeOutcome, type ProbeSettings } from './probe';
import { fundLadderApplies } from '../sim/simulateRange';
import { createFundProber } from './fundProber';
import { fundLadderFits, fundUnitsOf } from './sweep';
import { LEVER_PATHS, readParam, roundToResolution, sweepableParam, withParam, type LeverKind, type SweepableParam } from '../params/sweepableParams';

/** A probe at one lever value; value/valueText null means the field was null (unlimited throughput). */
export interface Probe extends ProbeOutcome {
  value: number | null;
  valueText: string | null;
}

export type SolveStatus =
  /** Found: answer passes, lastFailing (one tolerance below) fails. */
  | 'solved'
  /** The lower end of the search already passes; answer = that value, nothing below was probed. */
  | 'met-at-lower-bound'
  /** No value up to the bound passes (or the target is below what maxPaths can ever show). */
  | 'not-reachable'
  /** A probe's parameters were refused by validateParams (e.g. the fund would exceed the money limit). */
  | 'invalid';

export interface SolveResult {
  lever: LeverKind;
  path: string;
  target: number;
  seed: number;
  status: SolveStatus;
  /** One sentence saying what was found, for people. */
  message: string;
  /** The smallest passing value found (quote, ratio or quote per step), or null. */
  answer: number | null;
  answerText: string | null;
  /** The answer lies in (lastFailing, firstPassing]; firstPassing is the answer's probe. */
  bracket: { lastFailing: Probe | null; firstPassing: Probe | null };
  /** The probe at the base parameters' value. */
  current: Probe;
  /** Largest value the search could reach. */
  bound: number;
  relTolerance: number;
  /** Costs at the answer (all three blocks; the lever's own is the one that moved). */
  cost: LeverCosts | null;
  problems: ParamProblem[];
  probes: Probe[];
  evaluations: number;
  /** Paths evaluated, summed over the probes (each probe's paths). */
  pathsSimulated: number;
  /** Paths actually simulated: fewer than pathsSimulated when the probes of the fund share paths (fund ladder). */
  pathsRun: number;
  /** Probes that still straddled the target at maxPaths (counted as failing). */
  undecidedProbes: number;
  /** True only if the ledger balanced exactly on every path of every probe. */
  ledgerBalanced: boolean;
}

export interface SolveOptions extends ProbeSettings {
  /** Validated base parameters. */
  params: RiskParams;
  lever: LeverKind;
  /** Lower end of the search (probed first; a pass there is the answer). Default: today's value or the lever's floor. */
  lo?: number;
  /** First upper end to try (doubled while it fails). Default: a lever-specific guess. */
  hi?: number;
  /** Largest value to try. Default: the lever's bound. */
  limit?: number;
  /** Relative tolerance of the answer, default 0.01. */
  relTolerance?: number;
  /** Called after every new probe with all probes so far (progress for the page; issue #21). */
  onProbe?: (probes: readonly Probe[]) => void;
}

export const DEFAULT_REL_TOLERANCE = 0.01;

interface LeverSearch {
  /** Smallest value searched when today's value already passes. */
  floor: (current: number | null) => number;
  /** First upper end to try above a failing lower end `lo`. */
  start: (lo: number, openInterest: number) => number;
  bound: number;
}

const LEVER_SEARCH: Record<LeverKind, LeverSearch> = {
  // A fund can be empty; the first guess is 1 % of open interest (or twice the failing value).
  fund: { floor: () => 0, start: (lo, oi) => Math.max(2 * lo, 0.01 * oi, 1), bound: 1e9 },
  // Margin: 0.1 % (1000× leverage) is as low as the search goes; 0.99 as high (initial margin is then 1).
  margin: { floor: (current) => Math.min(0.001, (current ?? 0.002) / 2), start: (lo) => Math.min(0.99, 2 * lo), bound: 0.99 },
  // Keeper capacity: 1 quote per step is the floor; the first guess 1 % of open interest per step.
  throughput: { floor: () => 1, start: (lo, oi) => Math.max(2 * lo, 0.01 * oi, 1), bound: 1e15 },
};

/** The lever a sweepable path is, or undefined. */
export function leverOfPath(path: string): LeverKind | undefined {
  return (Object.keys(LEVER_PATHS) as LeverKind[]).find((k) => LEVER_PATHS[k] === path);
}

/** Probes with memory: a value is simulated once; all share settings and therefore paths. */
class Prober {
  readonly probes: Probe[] = [];
  private readonly byText = new Map<string, Probe | { problems: ParamProblem[] }>();
  pathsSimulated = 0;
  private pathsRunElsewhere = 0;

  constructor(
    private readonly settings: ProbeSettings,
    private readonly apply: (valueText: string | null) => RiskParams,
    private readonly onProbe?: (probes: readonly Probe[]) => void,
    /** How a validated parameter set is probed (the fund ladder for the fund lever); counts its own paths run. */
    private readonly evaluate?: { probe: (params: RiskParams) => ProbeOutcome; pathsRun: () => number },
  ) {}

  get pathsRun(): number {
    return this.evaluate ? this.evaluate.pathsRun() : this.pathsRunElsewhere;
  }

  /** The probe at `valueText`, or the problems validateParams found with the parameters it makes. */
  at(valueText: string | null): Probe | { problems: ParamProblem[] } {
    const key = valueText ?? 'null';
    const known = this.byText.get(key);
    if (known) return known;
    const validated = validateParams(this.apply(valueText));
    let out: Probe | { problems: ParamProblem[] };
    if (!validated.ok) out = { problems: validated.problems };
    else {
      const outcome = this.evaluate ? this.evaluate.probe(validated.params) : probeParams(validated.params, this.settings);
      this.pathsSimulated += outcome.paths;
      if (!this.evaluate) this.pathsRunElsewhere += outcome.paths;
      out = { value: valueText === null ? null : Number(valueText), valueText, ...outcome };
      this.probes.push(out);
      this.onProbe?.(this.probes);
    }
    this.byText.set(key, out);
    return out;
  }
}

function isProbe(p: Probe | { problems: ParamProblem[] }): p is Probe {
  return !('problems' in p);
}

const fmt = (spec: SweepableParam, v: number | null): string => (v === null ? (spec.nullMeans ?? 'null') : `${v} ${spec.unit}`);
const pct = (p: Probe): string => `P = ${(100 * p.pSocialized).toFixed(2)} % (95 % CI ${(100 * p.pSocializedCI[0]).toFixed(2)}–${(100 * p.pSocializedCI[1]).toFixed(2)} %, ${p.paths} paths)`;

/** Thrown inside solveLever when a probe's parameters are invalid; becomes status 'invalid'. */
class InvalidProbe extends Error {
  constructor(
    readonly valueText: string | null,
    readonly problems: ParamProblem[],
  ) {
    super('invalid probe');
  }
}

/** Finds the smallest passing lever value; see the module comment for the search and its guarantees. */
export function solveLever(options: SolveOptions): SolveResult {
  checkProbeSettings(options);
  const relTolerance = options.relTolerance ?? DEFAULT_REL_TOLERANCE;
  if (!(relTolerance > 0 && relTolerance < 1)) throw new Error(`relTolerance must lie in (0, 1), got ${relTolerance}`);
  const { params: base, lever, target } = options;
  const path = LEVER_PATHS[lever];
  const spec = sweepableParam(path) as SweepableParam;
  const search = LEVER_SEARCH[lever];
  const bound = options.limit ?? search.bound;
  const population = buildPopulation(base, options.seed);
  const oi = openInterestQuote(population, Number(base.market.initialPrice));
  const text = (v: number) => roundToResolution(spec, new Dec(v).toFixed());
  // The fund lever probes on the fund ladder: the same outcomes, most paths simulated once for all probes.
  const fundProber = lever === 'fund' && fundLadderApplies(base) ? createFundProber(base, options) : null;
  let pathsRunInFull = 0;
  const evaluate = fundProber
    ? {
        probe: (params: RiskParams): ProbeOutcome => {
          if (fundLadderFits([base, params])) return fundProber.probe(fundUnitsOf(params));
          const outcome = probeParams(params, options);
          pathsRunInFull += outcome.paths;
          return outcome;
        },
        pathsRun: () => fundProber.pathsRun + pathsRunInFull,
      }
    : undefined;
  const prober = new Prober(options, (valueText) => withParam(base, path, valueText), options.onProbe, evaluate);
  const probe = (valueText: string | null): Probe => {
    const p = prober.at(valueText);
    if (!isProbe(p)) throw new InvalidProbe(valueText, p.problems);
    return p;
  };

  const currentValue = readParam(base, path);
  let current: Probe;
  try {
    current = probe(currentValue === null ? null : text(currentValue));
  } catch (error) {
    if (!(error instanceof InvalidProbe)) throw error;
    throw new Error(`solveLever: the base parameters are invalid: ${error.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }

  const costAt = (valueText: string | null): LeverCosts => {
    const proposal = withParam(base, path, valueText);
    return leverCosts(base, proposal, population, buildPopulation(proposal, options.seed));
  };
  const finish = (status: SolveStatus, message: string, answer: Probe | null, lastFailing: Probe | null, problems: ParamProblem[] = []): SolveResult => ({
    lever,
    path,
    target,
    seed: options.seed,
    status,
    message,
    answer: answer?.value ?? null,
    answerText: answer?.valueText ?? null,
    bracket: { lastFailing, firstPassing: answer },
    current,
    bound,
    relTolerance,
    cost: answer ? costAt(answer.valueText) : null,
    problems,
    probes: prober.probes,
    evaluations: prober.probes.length,
    pathsSimulated: prober.pathsSimulated,
    pathsRun: prober.pathsRun,
    undecidedProbes: prober.probes.filter((p) => p.undecided).length,
    ledgerBalanced: prober.probes.every((p) => p.ledgerBalanced),
  });

  const best = bestUpperBound(options.maxPaths);
  if (best > target) {
    return finish('not-reachable', `target ${target} is below ${best.toPrecision(3)}, the smallest 95 % upper bound ${options.maxPaths} paths can show (0 socialized paths); raise maxPaths`, null, null);
  }
  try {
    return search1d();
  } catch (error) {
    if (!(error instanceof InvalidProbe)) throw error;
    const problems = error.problems;
    return finish('invalid', `${path} = ${error.valueText ?? 'null'} makes invalid parameters: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, null, null, problems);
  }

  function search1d(): SolveResult {
    // The lower end (failing) and, when known, the upper end (passing).
    let lo: Probe;
    let hi: Probe | null = null;
    if (options.lo !== undefined) {
      lo = probe(text(options.lo));
      if (lo.passes) return finish('met-at-lower-bound', `${path} = ${fmt(spec, lo.value)} (the lower end of the search) already meets the target: ${pct(lo)}`, lo, null);
      // Today's value brackets too: a pass above the lower end is an upper end, a failure above it a better lower end.
      if (current.value !== null && current.value > (lo.value as number)) {
        if (current.passes) hi = current;
        else lo = current;
      }
    } else if (current.passes) {
      lo = probe(text(search.floor(currentValue)));
      if (lo.passes) return finish('met-at-lower-bound', `already met today; even ${path} = ${fmt(spec, lo.value)} (the search floor) meets the target: ${pct(lo)}`, lo, null);
      if (current.value !== null) hi = current;
    } else if (current.value === null) {
      return finish('not-reachable', `fails even with ${path} = ${spec.nullMeans ?? 'null'}: ${pct(current)}; this lever alone cannot meet the target`, null, null);
    } else {
      lo = current;
      if (spec.nullMeans !== null && options.hi === undefined) {
        // A nullable lever (throughput) has its best case at null: if unlimited fails, no finite value is tried.
        const unlimited = probe(null);
        if (!unlimited.passes) {
          return finish('not-reachable', `fails even with ${path} = ${spec.nullMeans}: ${pct(unlimited)}; this lever alone cannot meet the target`, null, lo);
        }
      }
    }

    // Expand the upper end geometrically until it passes or the bound is reached.
    if (hi === null) {
      const loValue = lo.value as number;
      let next = Math.min(bound, options.hi !== undefined && options.hi > loValue ? options.hi : search.start(loValue, oi));
      for (;;) {
        const nextText = text(next);
        if (Number(nextText) <= (lo.value as number)) {
          return finish('not-reachable', `not reachable within bound ${fmt(spec, bound)}: ${pct(lo)} at ${fmt(spec, lo.value)}`, null, lo);
        }
        const p = probe(nextText);
        if (p.passes) {
          hi = p;
          break;
        }
        lo = p;
        if (next >= bound) return finish('not-reachable', `not reachable within bound ${fmt(spec, bound)}: ${pct(p)} there`, null, lo);
        next = Math.min(bound, 2 * next);
      }
    }

    // Bisection on the same paths.
    const resolution = Number(spec.resolution);
    for (;;) {
      const loValue = lo.value as number;
      const hiValue = hi.value as number;
      if (hiValue - loValue <= Math.max(relTolerance * hiValue, resolution)) break;
      const midText = roundToResolution(spec, new Dec(lo.valueText as string).plus(hi.valueText as string).dividedBy(2).toFixed());
      const mid = Number(midText);
      if (mid <= loValue || mid >= hiValue) break;
      const p = probe(midText);
      if (p.passes) hi = p;
      else lo = p;
    }
    const undecided = lo.undecided ? ', undecided at maxPaths' : '';
    return finish('solved', `${path} = ${fmt(spec, hi.value)} meets the target (${pct(hi)}); ${fmt(spec, lo.value)} does not (${pct(lo)}${undecided})`, hi, lo);
  }
}
