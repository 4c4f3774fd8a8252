/**
 * The one door for a run's inputs from outside the engine: worker requests (structured clone delivers whatever
 * the page sent), command-line files and flags, share links. Parameters go through validateParams and paths/seed
 * through validateRunOptions, and their problems come back together, each naming its field, so every bad field
 * is reported at once whichever door the input came through.
 */
import { formatProblems, validateParams, validateRunOptions } from './validateParams';
import type { RunOptions } from './defaults';
import type { ParamProblem, RiskParams } from './riskParams';

export interface RunInputs {
  params: unknown;
  /** Paths and seed as given; a field left out takes DEFAULT_RUN's value unless it is required. */
  run?: unknown;
  /** Run fields the input must carry (a share link states both; a worker request names only what it uses). */
  required?: readonly (keyof RunOptions)[];
}

/** A problem and the input it was found in, for callers that file problems under their own names (share links). */
export interface RunInputProblem extends ParamProblem {
  input: 'params' | 'run';
}

export type RunInputsResult =
  | { ok: true; params: RiskParams; run: RunOptions }
  /**
   * `params` (`run`) is set when the parameters (run options) alone passed, so a caller can add problems that
   * need them, or report each input on its own.
   */
  | { ok: false; problems: RunInputProblem[]; params: RiskParams | null; run: RunOptions | null };

/** Validates parameters and run options together. Never throws. */
export function validateRunInputs({ params, run = {}, required = [] }: RunInputs): RunInputsResult {
  const checked = validateParams(params);
  const missing = isRecord(run) ? required.filter((key) => !Object.hasOwn(run, key)) : [];
  const options = missing.length > 0 ? null : validateRunOptions(run);
  const problems: RunInputProblem[] = [
    ...(checked.ok ? [] : checked.problems).map((p) => ({ ...p, input: 'params' as const })),
    ...missing.map((field) => ({ field, message: 'required', input: 'run' as const })),
    ...(options === null || options.ok ? [] : options.problems).map((p) => ({ ...p, input: 'run' as const })),
  ];
  if (checked.ok && options?.ok && problems.length === 0) return { ok: true, params: checked.params, run: options.options };
  return { ok: false, problems, params: checked.ok ? checked.params : null, run: options?.ok ? options.options : null };
}

/**
 * The door for callers that cannot go on without valid inputs (worker jobs): the validated inputs, or an Error
 * whose message starts with `refusal` and lists every problem by field.
 */
export function requireRunInputs(inputs: RunInputs, refusal = 'The parameters were refused'): { params: RiskParams; run: RunOptions } {
  const result = validateRunInputs(inputs);
  if (!result.ok) throw new Error(`${refusal}:\n${formatProblems(result.problems)}`);
  return { params: result.params, run: result.run };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
