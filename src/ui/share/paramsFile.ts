// The parameters file the command line reads (`npm run simulate -- --params FILE.json`), written and read by
// the page. Reading uses the same validation as the CLI (validateParams): problems are listed by field and
// nothing is applied unless the whole file validates.
import type { ParamProblem, RiskParams } from '../../engine/params/riskParams';
import { validateParams } from '../../engine/params/validateParams';

export const PARAMS_FILE_NAME = 'haircut-params.json';
/** Larger files are refused before they are read (the biggest valid explicit population is far smaller). */
export const MAX_PARAMS_FILE_BYTES = 20_000_000;

/** The file's text: the parameters object as JSON, two-space indented, with a final newline. */
export function paramsFileText(params: RiskParams): string {
  return `${JSON.stringify(params, null, 2)}\n`;
}

export type ParamsFileResult = { ok: true; params: RiskParams } | { ok: false; problems: ParamProblem[] };

/** Reads a parameters file's text. Never throws. */
export function readParamsFile(text: string): ParamsFileResult {
  if (text.length > MAX_PARAMS_FILE_BYTES) {
    return { ok: false, problems: [{ field: '(file)', message: `is larger than ${MAX_PARAMS_FILE_BYTES / 1_000_000} MB; it was not read` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return { ok: false, problems: [{ field: '(file)', message: `is not valid JSON (${reason})` }] };
  }
  const result = validateParams(value);
  return result.ok ? { ok: true, params: result.params } : { ok: false, problems: result.problems };
}
