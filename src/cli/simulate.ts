import { createSimulator } from '../engine/sim/simulateRange';
import { summarizeRun } from '../engine/metrics';
import { defaultParams } from '../engine/params/defaults';
import { formatProblems } from '../engine/params/validateParams';
import { parseFlags, UsageError } from './args';
import { readRunInputs } from './readRunInputs';
import { formatSummaryTable } from './formatSummary';
import { finiteJson } from './finiteJson';
import { marketPreset, MARKET_PRESETS, presetIndex, presetParams } from '../engine/params/presets';
import { populationBatches } from '../engine/sim/populationBatches';
import { applyTape } from './tapeInput';

const USAGE = `usage: npm run simulate -- --params FILE.json [--tape CANDLES.csv] [--paths N] [--seed S] [--json]
       npm run simulate -- --defaults [--preset NAME]   print the default (or a market preset's) parameters file
       npm run simulate -- --presets                    list the market presets with their sources`;

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
  if (flags.params === undefined) throw new UsageError('--params FILE.json is required');

  const inputs = readRunInputs(flags.params, flags);
  if (!inputs.readable) return 2;
  if (inputs.params === null || inputs.problems.length > 0) {
    process.stderr.write(`${formatProblems(inputs.problems)}\n`);
    return 1;
  }
  let { params } = inputs;
  const { paths, seed } = inputs;
  if (flags.tape !== undefined) {
    const applied = applyTape(params, flags.tape);
    if (!applied.ok) {
      process.stderr.write(`${applied.message}\n${applied.problems ? `${formatProblems(applied.problems)}\n` : ''}`);
      return 1;
    }
    params = applied.params;
    process.stderr.write(`${applied.note}\n`);
  }
  const simulator = createSimulator(params, seed);
  const result = simulator.run(0, paths);
  const explicit = params.population.kind === 'explicit';
  const base = summarizeRun(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}) });
  // The population-inclusive interval costs one more run of the same paths over K resampled populations.
  const population = populationBatches(params, seed, paths);
  const summary = { ...base, pSocializedPopulationCI: population?.interval ?? null, pSocializedPopulation: population };
  const populationLine = population
    ? `P(socialized), paths + population  95 % CI ${(population.interval[0] * 100).toFixed(2)} % – ${(population.interval[1] * 100).toFixed(2)} % ` +
      `(batch means over ${population.populations} populations × ${population.pathsPerPopulation} paths, pooled ${(population.pSocialized * 100).toFixed(2)} %)\n`
    : '';
  process.stdout.write(flags.json ? `${finiteJson(summary)}\n` : `${formatSummaryTable(summary, { paths, seed, file: flags.params })}${populationLine}`);
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
