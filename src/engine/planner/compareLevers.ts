/**
 * The three levers side by side for one target (issue #10): how much fund, or margin, or throughput each alone
 * would need (solveLever from the base parameters), and one combination.
 *
 * Combination rule: every lever whose solo search was solved moves by the same fraction λ of its solo change
 * (value = base + λ · (solo answer − base), rounded to its resolution); levers that could not meet the target
 * alone, or already met it, stay at their base value. λ is the smallest value in [0, 1] that meets the target,
 * found by bisection to ±1/64 on the same paths; the first λ probed is ½ — "half of each lever's required
 * change" — so that combination's result is always among the probes. λ = 0 is the base parameters, which fail
 * (otherwise there is nothing to combine and the status says so).
 */
import { Dec } from '../money/money';
import type { RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { buildPopulation } from '../population/buildPopulation';
import { leverCosts, type LeverCosts } from './leverCosts';
import { probeParams, type ProbeOutcome, type ProbeSettings } from './probe';
import { combinationProbesLeft, compareProbesLeft, soloProbesLeft, type CompareProgress, type CompareStage } from './searchProgress';
import { DEFAULT_REL_TOLERANCE, solveLever, type SolveResult } from './solve';
import { LEVER_PATHS, readParam, roundToResolution, sweepableParam, withParam, type LeverKind, type SweepableParam } from '../params/sweepableParams';

export const LEVER_KINDS: readonly LeverKind[] = ['fund', 'margin', 'throughput'];

/** λ is found to this absolute tolerance. */
export const COMBINATION_TOLERANCE = 1 / 64;

export interface CombinationProbe extends ProbeOutcome {
  fraction: number;
}

export interface Combination {
  rule: string;
  status: 'solved' | 'already-met' | 'no-lever-alone' | 'not-reachable';
  message: string;
  /** Smallest passing λ found, or null. */
  fraction: number | null;
  /** λ of the last failing probe (0 = the base parameters). */
  lastFailingFraction: number | null;
  /** The value of each lever in the combination (valueText null: the field is null, e.g. unlimited throughput). */
  values: Record<LeverKind, { value: number | null; valueText: string | null; moved: boolean }> | null;
  atAnswer: CombinationProbe | null;
  cost: LeverCosts | null;
  probes: CombinationProbe[];
  pathsSimulated: number;
}

export interface LeverComparison {
  target: number;
  seed: number;
  levers: Record<LeverKind, SolveResult>;
  combination: Combination;
  evaluations: number;
  pathsSimulated: number;
}

export interface CompareOptions extends ProbeSettings {
  params: RiskParams;
  relTolerance?: number;
  /** Called after every probe: where the comparison is and how many probes it still expects (issue #21). */
  onProgress?: (progress: CompareProgress) => void;
  /** Called as each solo search finishes, so its card can be shown before the others are done. */
  onLever?: (result: SolveResult) => void;
}

const RULE =
  'every lever that meets the target alone moves by the same fraction λ of its solo change; λ is the smallest in [0, 1] that meets the target (±1/64, ½ probed first); the others stay at base';

/** Runs the three solo searches and the combination; see the module comment for the rule. */
export function compareLevers(options: CompareOptions): LeverComparison {
  const { params: base } = options;
  const levers = {} as Record<LeverKind, SolveResult>;
  const finished = { probes: [] as number[], paths: 0 };
  const report = (stage: CompareStage, probesSoFar: readonly { paths: number }[], stageLeft: number, soloNotStarted: number, last: CompareProgress['last']): void => {
    options.onProgress?.({
      stage,
      probesDone: finished.probes.reduce((a, b) => a + b, 0) + probesSoFar.length,
      probesLeft: compareProbesLeft(stageLeft, finished.probes, soloNotStarted, stage === 'combination'),
      pathsSimulated: finished.paths + probesSoFar.reduce((n, p) => n + p.paths, 0),
      last,
    });
  };
  const relTolerance = options.relTolerance ?? DEFAULT_REL_TOLERANCE;
  LEVER_KINDS.forEach((lever, i) => {
    const resolution = Number((sweepableParam(LEVER_PATHS[lever]) as SweepableParam).resolution);
    const onProbe = options.onProgress
      ? (probes: readonly (ProbeOutcome & { value: number | null })[]) => {
          const p = probes[probes.length - 1]!;
          report(lever, probes, soloProbesLeft(probes, relTolerance, resolution), LEVER_KINDS.length - i - 1, { value: p.value, pSocialized: p.pSocialized, passes: p.passes, paths: p.paths });
        }
      : undefined;
    levers[lever] = solveLever({ ...options, lever, relTolerance, ...(onProbe ? { onProbe } : {}) });
    finished.probes.push(levers[lever].evaluations);
    finished.paths += levers[lever].pathsSimulated;
    options.onLever?.(levers[lever]);
  });
  const combination = combine(options, levers);
  const solo = LEVER_KINDS.map((k) => levers[k]);
  return {
    target: options.target,
    seed: options.seed,
    levers,
    combination,
    evaluations: solo.reduce((n, r) => n + r.evaluations, 0) + combination.probes.length,
    pathsSimulated: solo.reduce((n, r) => n + r.pathsSimulated, 0) + combination.pathsSimulated,
  };

  function combine(s: ProbeSettings, solved: Record<LeverKind, SolveResult>): Combination {
    const empty = { fraction: null, lastFailingFraction: null, values: null, atAnswer: null, cost: null, probes: [], pathsSimulated: 0, rule: RULE };
    if (LEVER_KINDS.some((k) => solved[k].current.passes)) {
      return { ...empty, status: 'already-met', message: 'the base parameters already meet the target; nothing to combine' };
    }
    const moving = LEVER_KINDS.filter((k) => solved[k].status === 'solved' && solved[k].answerText !== null && solved[k].current.value !== null);
    if (moving.length === 0) {
      return { ...empty, status: 'no-lever-alone', message: 'no lever meets the target alone, so there is no solo change to combine' };
    }
    const valuesAt = (fraction: number): Combination['values'] => {
      const values = {} as NonNullable<Combination['values']>;
      for (const k of LEVER_KINDS) {
        const spec = sweepableParam(LEVER_PATHS[k]) as SweepableParam;
        const baseValue = readParam(base, LEVER_PATHS[k]);
        if (!moving.includes(k) || baseValue === null) {
          values[k] = { value: baseValue, valueText: baseValue === null ? null : roundToResolution(spec, new Dec(baseValue).toFixed()), moved: false };
          continue;
        }
        const from = new Dec(baseValue);
        const text = roundToResolution(spec, from.plus(new Dec(solved[k].answerText as string).minus(from).times(fraction)).toFixed());
        values[k] = { value: Number(text), valueText: text, moved: true };
      }
      return values;
    };
    const paramsAt = (fraction: number): RiskParams => {
      const values = valuesAt(fraction) as NonNullable<Combination['values']>;
      let p = base;
      for (const k of moving) p = withParam(p, LEVER_PATHS[k], values[k].valueText);
      const validated = validateParams(p);
      if (!validated.ok) throw new Error(`compareLevers: λ = ${fraction} makes invalid parameters: ${validated.problems.map((q) => `${q.field}: ${q.message}`).join('; ')}`);
      return validated.params;
    };
    const probes: CombinationProbe[] = [];
    let pathsSimulated = 0;
    const probe = (fraction: number): CombinationProbe => {
      const outcome = probeParams(paramsAt(fraction), s);
      pathsSimulated += outcome.paths;
      const p = { fraction, ...outcome };
      probes.push(p);
      report('combination', probes, combinationProbesLeft(probes, COMBINATION_TOLERANCE), 0, { value: fraction, pSocialized: p.pSocialized, passes: p.passes, paths: p.paths });
      return p;
    };
    // λ = ½ first (the "half of each" combination), then bisection of whichever half holds the answer.
    let lo = 0;
    let hi: CombinationProbe | null = null;
    const half = probe(0.5);
    if (half.passes) hi = half;
    else {
      lo = 0.5;
      const full = probe(1);
      if (!full.passes) {
        return { ...empty, probes, pathsSimulated, status: 'not-reachable', lastFailingFraction: 1, message: 'all solo changes together still do not meet the target (feedback between the levers)' };
      }
      hi = full;
    }
    while (hi.fraction - lo > COMBINATION_TOLERANCE) {
      const p = probe((lo + hi.fraction) / 2);
      if (p.passes) hi = p;
      else lo = p.fraction;
    }
    const population = buildPopulation(base, s.seed);
    return {
      rule: RULE,
      status: 'solved',
      message: `λ = ${hi.fraction} of each solo change (${moving.join(', ')}) meets the target; λ = ${lo} does not`,
      fraction: hi.fraction,
      lastFailingFraction: lo,
      values: valuesAt(hi.fraction),
      atAnswer: hi,
      cost: leverCosts(base, paramsAt(hi.fraction), population, buildPopulation(paramsAt(hi.fraction), s.seed)),
      probes,
      pathsSimulated,
    };
  }
}
