import { readFileSync } from 'node:fs';
import type { ParamProblem, RiskParams } from '../engine/params/riskParams';
import { validateRunInputs } from '../engine/params/validateRunInputs';
import { formatTapeProblems, parseTape, tapeReplay } from '../engine/index';

export type TapeApplied =
  | { ok: true; params: RiskParams; note: string }
  | { ok: false; message: string; problems?: ParamProblem[] };

/**
 * Replaces the scenario with a replay of the candle file and sets market.initialPrice, steps and stepSeconds
 * from it (4 sub-steps per candle). Everything else of the parameters file is kept; the result is validated
 * again, so a field that no longer fits (an oracle delay longer than the tape) is refused by name.
 */
export function applyTape(params: RiskParams, file: string): TapeApplied {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `${file}: ${(error as Error).message}` };
  }
  const parsed = parseTape(text);
  if (!parsed.ok) return { ok: false, message: `${file}:\n${formatTapeProblems(parsed.problems)}` };
  const replay = tapeReplay(parsed.tape);
  if ('problem' in replay) return { ok: false, message: `${file}: ${replay.problem}` };
  const checked = validateRunInputs({ params: { ...params, market: replay.market, scenario: replay.scenario } });
  if (!checked.ok) return { ok: false, message: `${file}: the parameters do not fit the tape`, problems: checked.problems.map(({ field, message }) => ({ field, message })) };
  const { candles, intervalSeconds, format } = parsed.tape;
  const note =
    `tape ${file}: ${candles.length} ${format} candles of ${intervalSeconds} s → ${replay.market.steps} steps of ` +
    `${replay.market.stepSeconds} s (open → low/high → close), starting at ${replay.market.initialPrice}` +
    (params.market.stepSeconds !== replay.market.stepSeconds ? '; step-counted fields (keeper capacity per step, oracle delay, impact half-life) now count these steps' : '');
  return { ok: true, params: checked.params, note };
}
