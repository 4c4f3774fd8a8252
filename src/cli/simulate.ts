import { createSimulator, populationBatches, runIdOf, simulateImportance, summarizeRun } from '../engine/index';
import { defaultParams } from '../engine/params/defaults';
import { formatProblems } from '../engine/params/validateParams';
import { parseFlags, UsageError, runCli } from './args';
import { readRunInputs } from './readRunInputs';
import { writeError } from './printable';
import { formatSummaryTable } from './formatSummary';
import { finiteJson } from './finiteJson';
import { readShardFlags, runSimulateShard, SHARD_USAGE } from './shard/shardCli';
import { linkRunInputs } from './linkRunInputs';
import { marketPreset, MARKET_PRESETS, presetIndex, presetParams } from '../engine/params/marketPresets';
import { applyTape } from './tapeInput';
import { estimatorModeOf } from './estimatorFlag';
import { rareEventLine, rareEventOf } from './rareEventOutput';

const USAGE = `usage: npm run simulate -- --params FILE.json [--tape CANDLES.csv] [--paths N] [--seed S] [--population-ci] [--estimator plain|importance|auto] [--json]
       npm run simulate -- --link 'URL' [--json]   run what a share link encodes (its parameters, seed, paths,
                                                    rare-event mode and population interval)
       npm run simulate -- --defaults [--preset NAME]   print the default (or a market preset's) parameters file
       npm run simulate -- --presets                    list the market presets with their sources
  --population-ci adds an interval on P(socialized) that includes population resampling (one more run)
${SHARD_USAGE}`;

/**
 * The command line around the engine (DESIGN.md §5). Bad input exits non-zero with one message per problem on
 * stderr and nothing on stdout; results go to stdout only, as one JSON object with --json.
 */
function main(argv: string[]): number {
  const flags = parseFlags(argv, {
    params: 'string',
    paths: 'string',
    seed: 'string',
    json: 'boolean',
    defaults: 'boolean',
    help: 'boolean',
    presets: 'boolean',
    preset: 'string',
    tape: 'string',
    'population-ci': 'boolean',
    shard: 'string',
    out: 'string',
    link: 'string',
    estimator: 'string',
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags.presets) {
    process.stdout.write(`${JSON.stringify(presetIndex(), null, 2)}\n`);
    return 0;
  }
  if (flags.preset !== undefined && !flags.defaults) throw new UsageError('--preset NAME goes with --defaults: --defaults --preset NAME');
  if (flags.defaults) {
    if (flags.params !== undefined) throw new UsageError('--defaults prints the defaults; it takes no --params');
    if (flags.preset !== undefined) {
      const preset = marketPreset(flags.preset);
      if (!preset) throw new UsageError(`--preset: no market preset '${flags.preset}'; one of ${MARKET_PRESETS.map((p) => p.name).join(', ')}`);
      process.stdout.write(`${JSON.stringify(presetParams(preset), null, 2)}\n`);
      return 0;
    }
    process.stdout.write(`${JSON.stringify(defaultParams(), null, 2)}\n`);
    return 0;
  }
  if (flags.link !== undefined && flags.params !== undefined) throw new UsageError('--link runs what the link encodes; it takes no --params');
  if (flags.params === undefined && flags.link === undefined) throw new UsageError('--params FILE.json (or --link URL) is required');

  const inputs = flags.link !== undefined ? linkRunInputs(flags.link, flags) : readRunInputs(flags.params!, flags);
  if (!inputs.readable) return 2;
  if (inputs.params === null || inputs.problems.length > 0) {
    writeError(`${formatProblems(inputs.problems)}\n`);
    return 1;
  }
  let { params } = inputs;
  const { paths, seed } = inputs;
  if (flags.tape !== undefined) {
    const applied = applyTape(params, flags.tape);
    if (!applied.ok) {
      writeError(`${applied.message}\n${applied.problems ? `${formatProblems(applied.problems)}\n` : ''}`);
      return 1;
    }
    params = applied.params;
    process.stderr.write(`${applied.note}\n`);
  }
  const mode = estimatorModeOf(flags.estimator, inputs.estimator);
  const sharded = readShardFlags(flags);
  // A part file holds plain paths only; anything that changes the output must not be dropped silently.
  if (sharded && mode !== 'plain') {
    if (flags.estimator !== undefined) throw new UsageError(`--estimator ${mode} is not sharded: run it without --shard`);
    // The link's mode only adds `rareEvent` beside the plain numbers a part holds: say that it is left out.
    process.stderr.write(`note: the link's rare-event mode ('${mode}') is not sharded; the parts hold the plain paths (run it without --shard for rareEvent)\n`);
  }
  if (sharded && flags['population-ci']) throw new UsageError('--population-ci is not sharded: run it without --shard');
  // A link made with the page's population interval on asks for it, as `report --link` honours it (run.populationCi).
  const withPopulation = flags['population-ci'] === true || inputs.populationCi === true;
  if (sharded && withPopulation) {
    process.stderr.write('note: the link\'s population interval (run.populationCi) is not sharded; the parts hold the plain paths (run it without --shard for pSocializedPopulationCI)\n');
  }
  if (sharded) {
    return runSimulateShard({ params, paramsFile: flags.params ?? 'share link', paths, seed, shard: sharded.shard }, sharded.out);
  }
  const file = flags.params ?? 'share link';
  if (mode === 'importance' && flags.estimator !== undefined) {
    const summary = { ...simulateImportance(params, { seed, paths }), runId: runIdOf({ params, seed, paths, data: 'estimator=importance' }) };
    process.stdout.write(flags.json ? `${finiteJson(summary)}\n` : formatSummaryTable(summary, { paths, seed, file, runId: summary.runId }));
    return 0;
  }
  const simulator = createSimulator(params, seed);
  const result = simulator.run(0, paths);
  const explicit = params.population.kind === 'explicit';
  const base = summarizeRun(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}) });
  const runId = runIdOf({ params, seed, paths });
  // The population-inclusive interval costs one more run of the same paths over K resampled populations.
  const population = withPopulation ? populationBatches(params, seed, paths) : null;
  // A link's rare-event mode (or --estimator auto) adds what the page shows beside the plain numbers.
  const rareEvent = mode === 'plain' ? null : rareEventOf(mode, params, { seed, paths }, base);
  const plainSummary = withPopulation ? { ...base, pSocializedPopulationCI: population?.interval ?? null, pSocializedPopulation: population, runId } : { ...base, runId };
  const summary = rareEvent ? { ...plainSummary, rareEvent } : plainSummary;
  const populationLine = population
    ? `P(socialized), paths + population  95 % CI ${(population.interval[0] * 100).toFixed(2)} % – ${(population.interval[1] * 100).toFixed(2)} % ` +
      `(batch means over ${population.populations} populations × ${population.pathsPerPopulation} paths, pooled ${(population.pSocialized * 100).toFixed(2)} %)\n`
    : '';
  process.stdout.write(flags.json ? `${finiteJson(summary)}\n` : `${formatSummaryTable(base, { paths, seed, file, runId })}${populationLine}${rareEvent ? rareEventLine(rareEvent) : ''}`);
  return 0;
}

runCli(main, USAGE);
