import { createSimulator } from '../engine/sim/simulateRange';
import { summarizeRun } from '../engine/metrics';
import { defaultParams } from '../engine/params/defaults';
import { formatProblems } from '../engine/params/validateParams';
import { parseFlags, UsageError } from './args';
import { readRunInputs } from './readRunInputs';
import { writeError } from './printable';
import { formatSummaryTable } from './formatSummary';
import { finiteJson } from './finiteJson';
import { readShardFlags, runSimulateShard, SHARD_USAGE } from './shard/shardCli';
import { runIdOf } from '../engine/identity';
import { linkRunInputs } from './linkRunInputs';

const USAGE = `usage: npm run simulate -- --params FILE.json [--paths N] [--seed S] [--json]
       npm run simulate -- --link 'URL' [--json]   run what a share link encodes (its parameters, seed, paths)
       npm run simulate -- --defaults     print the default parameters file
${SHARD_USAGE}`;

/**
 * The command line around the engine (DESIGN.md §5). Bad input exits non-zero with one message per problem on
 * stderr and nothing on stdout; results go to stdout only, as one JSON object with --json.
 */
function main(argv: string[]): number {
  const flags = parseFlags(argv, { params: 'string', paths: 'string', seed: 'string', json: 'boolean', defaults: 'boolean', help: 'boolean', shard: 'string', out: 'string', link: 'string' });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags.defaults) {
    if (flags.params !== undefined) throw new UsageError('--defaults prints the defaults; it takes no --params');
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
  const { params, paths, seed } = inputs;
  const sharded = readShardFlags(flags);
  if (sharded) return runSimulateShard({ params, paramsFile: flags.params ?? 'share link', paths, seed, shard: sharded.shard }, sharded.out);
  const simulator = createSimulator(params, seed);
  const result = simulator.run(0, paths);
  const explicit = params.population.kind === 'explicit';
  const summary = summarizeRun(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}) });
  const runId = runIdOf({ params, seed, paths });
  const file = flags.params ?? 'share link';
  process.stdout.write(flags.json ? `${finiteJson({ ...summary, runId })}\n` : formatSummaryTable(summary, { paths, seed, file, runId }));
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
