import { createSimulator } from '../engine/sim/simulateRange';
import { summarizeRun } from '../engine/metrics';
import { defaultParams } from '../engine/params/defaults';
import { formatProblems } from '../engine/params/validateParams';
import { parseFlags, UsageError } from './args';
import { readRunInputs } from './readRunInputs';
import { formatSummaryTable } from './formatSummary';
import { finiteJson } from './finiteJson';
import { estimatorFlag } from './estimatorFlag';
import { simulateImportance } from '../engine/importance';

const USAGE = `usage: npm run simulate -- --params FILE.json [--paths N] [--seed S] [--estimator plain|importance] [--json]
       npm run simulate -- --defaults     print the default parameters file`;

/**
 * The command line around the engine (DESIGN.md §5). Bad input exits non-zero with one message per problem on
 * stderr and nothing on stdout; results go to stdout only, as one JSON object with --json.
 */
function main(argv: string[]): number {
  const flags = parseFlags(argv, { params: 'string', paths: 'string', seed: 'string', json: 'boolean', defaults: 'boolean', help: 'boolean', estimator: 'string' });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags.defaults) {
    if (flags.params !== undefined) throw new UsageError('--defaults prints the defaults; it takes no --params');
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
  const { params, paths, seed } = inputs;
  if (estimatorFlag(flags.estimator) === 'importance') {
    const summary = simulateImportance(params, { seed, paths });
    process.stdout.write(flags.json ? `${finiteJson(summary)}\n` : formatSummaryTable(summary, { paths, seed, file: flags.params }));
    return 0;
  }
  const simulator = createSimulator(params, seed);
  const result = simulator.run(0, paths);
  const explicit = params.population.kind === 'explicit';
  const summary = summarizeRun(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}) });
  process.stdout.write(flags.json ? `${finiteJson(summary)}\n` : formatSummaryTable(summary, { paths, seed, file: flags.params }));
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
