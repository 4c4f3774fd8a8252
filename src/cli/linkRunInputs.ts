import { runIdOf } from '../engine/index';
import type { RunInputs } from './readRunInputs';
import { readLinkInputs } from './linkInputs';
import { UsageError } from './args';

/**
 * `simulate --link`: the link's parameters, seed and paths as the same inputs `--params` gives, with the link's
 * run options (rare-event mode, the population interval) so the command prints what the page showed. --paths and --seed
 * are refused with a link: the link's own run is what the page showed. A link that cannot be read is reported on
 * stderr (exit 1 through `problems`).
 */
export function linkRunInputs(link: string, flags: { paths?: string | undefined; seed?: string | undefined }): RunInputs {
  if (flags.paths !== undefined || flags.seed !== undefined) throw new UsageError('--link carries its own --paths and --seed; give neither');
  const read = readLinkInputs(link);
  if (!read.ok) return { readable: true, params: null, paths: 0, seed: 0, problems: read.problems.map((message) => ({ field: '--link', message })) };
  for (const note of read.notes) process.stderr.write(`note: ${note}\n`);
  const runId = runIdOf({ params: read.params, seed: read.seed, paths: read.paths });
  if (read.expectedRunId !== null && read.expectedRunId !== runId) {
    const message = `the link says run=${read.expectedRunId}, but its parameters, seed and paths give run id ${runId} on this build: the link was edited or the parameters are read differently here`;
    return { readable: true, params: null, paths: read.paths, seed: read.seed, problems: [{ field: '--link', message }] };
  }
  return { readable: true, params: read.params, paths: read.paths, seed: read.seed, problems: [], estimator: read.estimator, populationCi: read.populationCi };
}
