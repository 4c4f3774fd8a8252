import type { EstimatorMode } from '../engine/index';
import { DEFAULT_RUN } from '../engine/params/defaults';
import type { ParamProblem, RiskParams } from '../engine/params/riskParams';
import { validateRunInputs } from '../engine/params/validateRunInputs';
import { integerFlag } from './args';
import { readInputFile } from './inputFile';
import { writeError } from './printable';

export type RunInputs =
  | { readable: false }
  | { readable: true; params: RiskParams | null; paths: number; seed: number; problems: ParamProblem[]; estimator?: EstimatorMode; populationCi?: boolean };

/**
 * What every command that runs the engine reads first: the parameters file, --paths and --seed. A file that
 * cannot be read or parsed is reported on stderr here (the caller exits 2). Otherwise parameter and run-option
 * problems are collected together — `params` is null when the parameters were refused — so a command can add
 * its own flags' problems and name every bad field in one run.
 */
export function readRunInputs(file: string, flags: { paths?: string | undefined; seed?: string | undefined }): RunInputs {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(file));
  } catch (error) {
    const message = (error as Error).message;
    writeError(message.startsWith(file) ? `${message}\n` : `${file}: ${message}\n`);
    return { readable: false };
  }
  const paths = integerFlag('paths', flags.paths, DEFAULT_RUN.paths);
  const seed = integerFlag('seed', flags.seed, DEFAULT_RUN.seed);
  const checked = validateRunInputs({ params: raw, run: { paths, seed } });
  if (checked.ok) return { readable: true, params: checked.params, paths, seed, problems: [] };
  const problems = checked.problems.map(({ field, message }) => ({ field, message }));
  return { readable: true, params: checked.params, paths, seed, problems };
}
