import { performance } from 'node:perf_hooks';
import type { ParamProblem, RiskParams } from '../engine/params/riskParams';
import { DEFAULT_RUN } from '../engine/params/defaults';
import { formatProblems } from '../engine/params/validateParams';
import { MAX_SWEEP_CELLS, MAX_SWEEP_POINTS, paramPathProblem, sweep1d, sweep2d, SWEEPABLE_PARAMS, sweepableParam, sweepValues, type PointObserver, type SweepPointResult } from '../engine/index';
import { parseFlags, UsageError, runCli } from './args';
import { readRunInputs } from './readRunInputs';
import { printSweep, type Axis } from './sweepOutput';
import { readShardFlags, runSweepShard, SHARD_USAGE } from './shard/shardCli';
import { writeError } from './printable';

const USAGE = `usage: npm run sweep -- --params FILE.json --param PATH --from A --to B [--points N]
                     [--param2 PATH --from2 A --to2 B [--points2 N]] [--paths N] [--seed S] [--json]
  Sweeps one parameter (or two: a heatmap) on the same price paths for every point (common random numbers):
  P(socialized loss > 0) with its 95 % interval, mean and 99 % ES of socialized loss, mean bad debt and fund draw.
  --points defaults to 10 (at most ${MAX_SWEEP_POINTS}; 2-D at most ${MAX_SWEEP_CELLS} cells), --paths to ${DEFAULT_RUN.paths}, --seed to ${DEFAULT_RUN.seed}.
  PATH is one of: ${SWEEPABLE_PARAMS.map((p) => p.path).join(', ')}
${SHARD_USAGE} (a sweep splits by grid point, row-major)`;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Reads one axis's flags; problems name the flag. */
function readAxis(params: RiskParams, suffix: '' | '2', raw: { param?: string; from?: string; to?: string; points?: string }, problems: ParamProblem[]): Axis | null {
  const flag = (name: string) => `--${name}${suffix}`;
  for (const [name, value] of [['from', raw.from], ['to', raw.to]] as const) {
    if (value === undefined) problems.push({ field: flag(name), message: 'required' });
    else if (!PLAIN_NUMBER.test(value)) problems.push({ field: flag(name), message: `must be a plain number like 0 or 0.05, got '${value}'` });
  }
  const points = raw.points === undefined ? 10 : /^\d+$/.test(raw.points) ? Number(raw.points) : NaN;
  if (!(Number.isInteger(points) && points >= 1 && points <= MAX_SWEEP_POINTS)) {
    problems.push({ field: flag('points'), message: `must be a whole number from 1 to ${MAX_SWEEP_POINTS}, got '${raw.points}'` });
  }
  const spec = raw.param === undefined ? undefined : sweepableParam(raw.param);
  if (raw.param === undefined) problems.push({ field: flag('param'), message: 'required' });
  else if (spec === undefined) problems.push({ field: flag('param'), message: `'${raw.param}' is not a sweepable parameter (one of ${SWEEPABLE_PARAMS.map((p) => p.path).join(', ')})` });
  else {
    const notHere = paramPathProblem(params, raw.param);
    if (notHere !== null) problems.push({ field: flag('param'), message: notHere });
  }
  if (problems.length > 0 || spec === undefined) return null;
  return { spec, values: sweepValues(spec.path, raw.from as string, raw.to as string, points) };
}

function main(argv: string[]): number {
  const flags = parseFlags(argv, {
    params: 'string', param: 'string', from: 'string', to: 'string', points: 'string',
    param2: 'string', from2: 'string', to2: 'string', points2: 'string',
    paths: 'string', seed: 'string', json: 'boolean', help: 'boolean', shard: 'string', out: 'string',
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags.params === undefined) throw new UsageError('--params FILE.json is required');
  const sharded = readShardFlags(flags);
  const inputs = readRunInputs(flags.params, flags);
  if (!inputs.readable) return 2;
  const { params, paths, seed, problems } = inputs;
  if (params === null) {
    writeError(`${formatProblems(problems)}\n`);
    return 1;
  }
  const axis = readAxis(params, '', { param: flags.param, from: flags.from, to: flags.to, points: flags.points }, problems);
  const twoD = [flags.param2, flags.from2, flags.to2, flags.points2].some((f) => f !== undefined);
  const axis2 = twoD ? readAxis(params, '2', { param: flags.param2, from: flags.from2, to: flags.to2, points: flags.points2 ?? flags.points }, problems) : null;
  if (axis && axis2) {
    if (axis.spec.path === axis2.spec.path) problems.push({ field: '--param2', message: `must differ from --param (${axis.spec.path})` });
    if (axis.values.length * axis2.values.length > MAX_SWEEP_CELLS) {
      problems.push({ field: '--points2', message: `a 2-D sweep may have at most ${MAX_SWEEP_CELLS} cells, got ${axis.values.length} × ${axis2.values.length}` });
    }
  }
  if (problems.length > 0 || axis === null) {
    writeError(`${formatProblems(problems)}\n`);
    return 1;
  }

  if (sharded) {
    const axes = [axis, ...(axis2 ? [axis2] : [])].map((a) => ({ path: a.spec.path, values: a.values }));
    return runSweepShard({ params, paramsFile: flags.params, seed, paths, shard: sharded.shard, axes }, sharded.out);
  }
  const total = axis.values.length * (axis2?.values.length ?? 1);
  // Counted as they finish: a fund sweep computes its points from the largest fund down (the fund ladder).
  let finished = 0;
  const onPoint: PointObserver | undefined = process.stderr.isTTY ? () => process.stderr.write(`\rpoint ${++finished}/${total}`) : undefined;
  const t0 = performance.now();
  const options = onPoint ? { onPoint } : {};
  const points: (SweepPointResult & { valueText2?: string })[] = axis2
    ? sweep2d(params, seed, paths, { path: axis.spec.path, values: axis.values, path2: axis2.spec.path, values2: axis2.values }, options).cells
    : sweep1d(params, seed, paths, axis.spec.path, axis.values, options);
  const seconds = (performance.now() - t0) / 1000;
  if (onPoint) process.stderr.write('\r\u001b[K');

  return printSweep({ file: flags.params, seed, paths, axis, axis2, points, seconds, json: flags.json === true });
}

runCli(main, USAGE);
