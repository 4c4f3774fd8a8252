import { performance } from 'node:perf_hooks';
import type { ParamProblem } from '../engine/params/riskParams';
import { DEFAULT_RUN } from '../engine/params/defaults';
import { formatProblems, MAX_PATHS } from '../engine/params/validateParams';
import { compareLevers, DEFAULT_REL_TOLERANCE, LEVER_KINDS, LEVER_PATHS, leverOfPath, solveLever, sweepableParam, type Combination, type LeverComparison, type LeverCosts, type LeverKind, type Probe, type SolveResult } from '../engine/index';
import { integerFlag, parseFlags, UsageError } from './args';
import { readRunInputs } from './readRunInputs';
import { writeError } from './printable';
import { finiteJson } from './finiteJson';
import { SOLVE_SHARD_REFUSAL } from './shard/shardCli';

const MAX_PATHS_FACTOR = 8;

const USAGE = `usage: npm run solve -- --params FILE.json --lever PATH --target P [--paths N] [--max-paths M] [--seed S]
                     [--lo A] [--hi B] [--limit C] [--tolerance R] [--json]
       npm run solve -- --params FILE.json --compare --target P [...]      the three levers side by side + one combination
  Finds the smallest value of a lever for which P(socialized loss > 0) ≤ P with the upper end of its 95 % interval
  at or under P, by bisection on the same paths; probes whose interval straddles P double their paths up to
  --max-paths. PATH: ${LEVER_KINDS.map((k) => LEVER_PATHS[k]).join(', ')} (or fund, margin, throughput).
  Defaults: --paths ${DEFAULT_RUN.paths}, --max-paths ${MAX_PATHS_FACTOR} × --paths (at most ${MAX_PATHS}), --seed ${DEFAULT_RUN.seed}, --tolerance ${DEFAULT_REL_TOLERANCE} (relative).
  Exit status 0 whenever the search ran: the status (solved, met-at-lower-bound, not-reachable, invalid) says what it found.`;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function numberFlag(name: string, raw: string | undefined, problems: ParamProblem[], rule: (n: number) => string | null): number | undefined {
  if (raw === undefined) return undefined;
  if (!PLAIN_NUMBER.test(raw)) {
    problems.push({ field: `--${name}`, message: `must be a plain number like 0.01, got '${raw}'` });
    return undefined;
  }
  const n = Number(raw);
  const problem = rule(n);
  if (problem !== null) problems.push({ field: `--${name}`, message: problem });
  return n;
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

function valueOf(lever: LeverKind, value: number | null): string {
  const spec = sweepableParam(LEVER_PATHS[lever])!;
  if (value === null) return spec.nullMeans ?? 'null';
  return lever === 'margin' ? String(value) : `${money(value)} ${spec.unit}`;
}

function probeLine(label: string, lever: LeverKind, p: Probe | null): string {
  if (p === null) return `${label.padEnd(16)}—`;
  const undecided = p.undecided ? ', undecided at --max-paths' : '';
  return `${label.padEnd(16)}${valueOf(lever, p.value).padEnd(26)}P = ${pct(p.pSocialized)} (95 % CI ${pct(p.pSocializedCI[0])} – ${pct(p.pSocializedCI[1])}), ${p.paths} ${p.estimator === 'importance' ? 'importance-sampled paths' : 'paths'}${undecided}`;
}

function costLines(lever: LeverKind, c: LeverCosts): string[] {
  switch (lever) {
    case 'fund':
      return [`capital held in the fund ${money(c.fund.capitalQuote)} quote = ${pct(c.fund.shareOfOpenInterest)} of open interest (${money(c.openInterestQuote)}); ${c.fund.changeQuote >= 0 ? '+' : ''}${money(c.fund.changeQuote)} against today`];
    case 'margin':
      return [
        `maintenance ${c.margin.maintenanceMarginRatio}, initial ${c.margin.initialMarginRatio}: leverage cap ${c.margin.maxLeverage.toFixed(2)}× (today ${c.margin.baseMaxLeverage.toFixed(2)}×)`,
        `extra collateral today's positions must post to meet it at the initial price: ${money(c.margin.extraCollateralQuote)} quote (${c.margin.accountsShort} of ${c.margin.accounts} accounts)`,
        `collateral the simulated population holds beyond today's (leverage capped at 1 / initial margin): ${money(c.margin.simulatedCollateralChangeQuote)} quote`,
      ];
    case 'throughput': {
      const t = c.throughput;
      if (t.perStepQuote === null) return ['keeper capacity unlimited'];
      return [`keeper capacity ${money(t.perStepQuote)} quote notional per step = ${money(t.perMinuteQuote!)} per minute (${pct(t.shareOfOpenInterestPerMinute!)} of open interest per minute)`];
    }
  }
}

function formatSolve(r: SolveResult): string[] {
  const spec = sweepableParam(r.path)!;
  return [
    `lever ${r.path} (${spec.label}), target P(socialized loss > 0) ≤ ${pct(r.target)} at the upper end of the 95 % interval`,
    probeLine('today', r.lever, r.current),
    probeLine('answer', r.lever, r.bracket.firstPassing),
    probeLine('last failing', r.lever, r.bracket.lastFailing),
    `status          ${r.status}: ${r.message}`,
    ...(r.cost ? costLines(r.lever, r.cost).map((l) => `cost            ${l}`) : []),
    `search          ${r.evaluations} evaluations, ${r.pathsSimulated} paths simulated, tolerance ${pct(r.relTolerance)} of the answer${r.undecidedProbes > 0 ? `, ${r.undecidedProbes} undecided at --max-paths` : ''}${r.ledgerBalanced ? '' : ', LEDGER NOT BALANCED on some path'}`,
  ];
}

function formatCombination(c: Combination): string[] {
  const lines = [`combination     ${c.status}: ${c.message}`, `rule            ${c.rule}`];
  if (c.values && c.cost && c.atAnswer) {
    for (const k of LEVER_KINDS) lines.push(`  ${k.padEnd(14)}${valueOf(k, c.values[k].value)}${c.values[k].moved ? '' : ' (unchanged)'}`);
    lines.push(`  at λ = ${c.fraction}: P = ${pct(c.atAnswer.pSocialized)} (95 % CI ${pct(c.atAnswer.pSocializedCI[0])} – ${pct(c.atAnswer.pSocializedCI[1])}), ${c.atAnswer.paths} paths`);
    for (const k of LEVER_KINDS) for (const l of costLines(k, c.cost)) lines.push(`  cost: ${l}`);
  }
  return lines;
}

function formatComparison(r: LeverComparison): string[] {
  return [
    ...LEVER_KINDS.flatMap((k) => [...formatSolve(r.levers[k]), '']),
    ...formatCombination(r.combination),
    '',
    `in all          ${r.evaluations} evaluations, ${r.pathsSimulated} paths simulated`,
  ];
}

function main(argv: string[]): number {
  const flags = parseFlags(argv, {
    params: 'string', lever: 'string', target: 'string', paths: 'string', 'max-paths': 'string', seed: 'string',
    lo: 'string', hi: 'string', limit: 'string', tolerance: 'string', compare: 'boolean', json: 'boolean', help: 'boolean', shard: 'string', out: 'string',
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags.shard !== undefined || flags.out !== undefined) throw new UsageError(SOLVE_SHARD_REFUSAL);
  if (flags.params === undefined) throw new UsageError('--params FILE.json is required');
  if (flags.compare && (flags.lever ?? flags.lo ?? flags.hi ?? flags.limit) !== undefined) throw new UsageError('--compare runs all three levers: it takes no --lever, --lo, --hi or --limit');
  const inputs = readRunInputs(flags.params, flags);
  if (!inputs.readable) return 2;
  const { params, paths, seed, problems } = inputs;
  const maxPaths = integerFlag('max-paths', flags['max-paths'], Math.min(MAX_PATHS, MAX_PATHS_FACTOR * paths));
  if (!(maxPaths >= paths && maxPaths <= MAX_PATHS)) problems.push({ field: '--max-paths', message: `must be a whole number from --paths (${paths}) to ${MAX_PATHS}, got ${maxPaths}` });
  let lever: LeverKind | undefined;
  if (!flags.compare) {
    const name = flags.lever;
    lever = name === undefined ? undefined : (LEVER_KINDS as readonly string[]).includes(name) ? (name as LeverKind) : leverOfPath(name);
    if (name === undefined) problems.push({ field: '--lever', message: `required (one of ${LEVER_KINDS.map((k) => LEVER_PATHS[k]).join(', ')}), or --compare` });
    else if (lever === undefined) problems.push({ field: '--lever', message: `'${name}' is not a lever (one of ${LEVER_KINDS.map((k) => LEVER_PATHS[k]).join(', ')})` });
  }
  let target: number | undefined;
  if (flags.target === undefined) problems.push({ field: '--target', message: 'required: the largest acceptable P(socialized loss > 0), e.g. 0.01' });
  else target = numberFlag('target', flags.target, problems, (n) => (n > 0 && n < 1 ? null : `must lie strictly between 0 and 1, got ${n}`));
  const nonNegative = (n: number) => (n >= 0 ? null : `must be at least 0, got ${n}`);
  const lo = numberFlag('lo', flags.lo, problems, nonNegative);
  const hi = numberFlag('hi', flags.hi, problems, nonNegative);
  const limit = numberFlag('limit', flags.limit, problems, (n) => (n > 0 ? null : `must be above 0, got ${n}`));
  const tolerance = numberFlag('tolerance', flags.tolerance, problems, (n) => (n > 0 && n < 1 ? null : `must lie strictly between 0 and 1, got ${n}`));
  if (lo !== undefined && hi !== undefined && !(hi > lo)) problems.push({ field: '--hi', message: `must be above --lo (${lo}), got ${hi}` });
  if (problems.length > 0 || params === null || target === undefined) {
    writeError(`${formatProblems(problems)}\n`);
    return 1;
  }

  const settings = { params, seed, target, initialPaths: paths, maxPaths, ...(tolerance === undefined ? {} : { relTolerance: tolerance }) };
  const t0 = performance.now();
  const result: SolveResult | LeverComparison = lever === undefined
    ? compareLevers(settings)
    : solveLever({ ...settings, lever, ...(lo === undefined ? {} : { lo }), ...(hi === undefined ? {} : { hi }), ...(limit === undefined ? {} : { limit }) });
  const seconds = (performance.now() - t0) / 1000;
  if (flags.json) {
    process.stdout.write(`${finiteJson(result)}\n`);
    return 0;
  }
  const body = 'levers' in result ? formatComparison(result) : formatSolve(result);
  process.stdout.write([`Haircut solve — ${flags.params}, seed ${seed}, ${paths} paths per probe (up to ${maxPaths}), the same paths for every probe`, '', ...body, `time            ${seconds.toFixed(1)} s`, ''].join('\n'));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else throw error;
}
