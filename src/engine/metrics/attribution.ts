/**
 * Which part of a proposal does what (issue #21): the proposal's changes applied one at a time to the baseline, and
 * all together, each compared with the baseline on the same paths (common random numbers). The interaction is what
 * "together" does beyond the sum of the parts. Pure: the caller passes a way to run a parameter set.
 */
import type { RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import type { RangeResult } from '../results/pathResults';
import { compareRuns } from './compareRuns';
import type { PairedDifference } from './pairedDifference';

export interface AttributionRow {
  /** Dotted field paths changed in this row ('together': all of them). */
  fields: string[];
  together: boolean;
  /** Null when this change alone makes invalid parameters (the reason is in `problem`). */
  socializedLoss: PairedDifference | null;
  pSocialized: PairedDifference | null;
  badDebt: PairedDifference | null;
  problem: string | null;
}

export interface Attribution {
  paths: number;
  rows: AttributionRow[];
  /** Together − Σ alone, mean socialized loss per path, quote (null when a change was invalid alone). */
  interactionSocializedLoss: number | null;
}

type Obj = Record<string, unknown>;

function getIn(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const seg of path) node = (node as Obj | null)?.[seg];
  return node;
}

function setIn(root: Obj, path: readonly string[], value: unknown): Obj {
  const [head, ...rest] = path as [string, ...string[]];
  return { ...root, [head]: rest.length === 0 ? value : setIn((root[head] ?? {}) as Obj, rest, value) };
}

/** Parameters are JSON data: a JSON round trip is a deep copy. */
function copy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** `baseline` with the proposal's value at each of `fields` (dotted paths into the parameters). */
export function withChanges(baseline: RiskParams, proposal: RiskParams, fields: readonly string[]): RiskParams {
  let out = baseline as unknown as Obj;
  for (const field of fields) out = setIn(out, field.split('.'), copy(getIn(proposal, field.split('.'))));
  return out as unknown as RiskParams;
}

/**
 * Runs the baseline, each change alone and all together over `run` (paths [0, n) of one seed), and compares each with
 * the baseline. `fields` are the changed fields, coarsest first (a whole object such as `scenario` when its kind changed).
 */
export function attributeChanges(baseline: RiskParams, proposal: RiskParams, fields: readonly string[], run: (params: RiskParams) => RangeResult): Attribution {
  const base = run(baseline);
  const row = (changed: readonly string[], together: boolean): AttributionRow => {
    const candidate = together ? proposal : withChanges(baseline, proposal, changed);
    const checked = validateParams(candidate);
    if (!checked.ok) {
      return { fields: [...changed], together, socializedLoss: null, pSocialized: null, badDebt: null, problem: checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
    }
    const c = compareRuns(run(checked.params), base);
    return { fields: [...changed], together, socializedLoss: c.socializedLoss, pSocialized: c.pSocialized, badDebt: c.badDebt, problem: null };
  };
  const alone = fields.map((f) => row([f], false));
  const all = row(fields, true);
  const sum = alone.every((r) => r.socializedLoss !== null) ? alone.reduce((s, r) => s + (r.socializedLoss as PairedDifference).meanDiff, 0) : null;
  return {
    paths: base.to - base.from,
    rows: [...alone, all],
    interactionSocializedLoss: sum === null || all.socializedLoss === null ? null : all.socializedLoss.meanDiff - sum,
  };
}
