/**
 * Checks a whole share state read from a link: params, baseline and run through the engine's one door
 * (validateRunInputs), the view by the rules below. Returns a fresh, normalised ShareState or every problem
 * as "field: message". Never throws (its callers' contract); the input is untrusted JSON.
 */
import { validateRunInputs } from '../engine/params/validateRunInputs';
import type { RunOptions } from '../engine/params/defaults';
import { describeValue } from '../engine/params/schema';
import type { RiskParams } from '../engine/params/riskParams';
import { isJsonObject, type JsonObject } from './jsonPatch';
import { ESTIMATOR_MODES, type EstimatorMode } from '../engine/importance/rareEventChoice';
import { SHARE_KEYS, VIEW_TABS, type RunSpec, type ShareState, type SweepSpec, type ViewState } from './shareState';

export const MAX_SWEEP_POINTS = 100;
const MAX_SWEEP_PARAM_CHARS = 100;
const PARAM_PATH = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

export type ShareStateResult = { ok: true; state: ShareState } | { ok: false; problems: string[] };

type ViewReader<T> = (value: unknown, context: { paths: number | null; params: RiskParams | null }) => T | string[];

/** The numeric value at a dotted path of the params (own keys only), or undefined. */
function numericParamAt(params: RiskParams, path: string): number | undefined {
  let node: unknown = params;
  for (const key of path.split('.')) {
    if (!isJsonObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  if (typeof node === 'number') return node;
  return typeof node === 'string' && PLAIN_DECIMAL.test(node) ? Number(node) : undefined;
}

const readSweep: ViewReader<SweepSpec | null> = (value, { params }) => {
  if (value === null) return null;
  if (!isJsonObject(value)) return [`view.sweep: must be null or an object, got ${describeValue(value)}`];
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!['param', 'from', 'to', 'points'].includes(key)) problems.push(`view.sweep.${key}: unknown field`);
  }
  const { param, from, to, points } = value;
  if (typeof param !== 'string' || param.length > MAX_SWEEP_PARAM_CHARS || !PARAM_PATH.test(param)) {
    problems.push(`view.sweep.param: must be the dotted name of a parameter like 'margin.maintenanceMarginRatio', got ${describeValue(param)}`);
  } else if (params !== null && numericParamAt(params, param) === undefined) {
    problems.push(`view.sweep.param: must name a numeric parameter of these params, got ${describeValue(param)}`);
  }
  for (const [key, n] of [['from', from], ['to', to]] as const) {
    if (typeof n !== 'number' || !Number.isFinite(n)) problems.push(`view.sweep.${key}: must be a finite number, got ${describeValue(n)}`);
  }
  if (typeof points !== 'number' || !Number.isInteger(points) || points < 2 || points > MAX_SWEEP_POINTS) {
    problems.push(`view.sweep.points: must be an integer from 2 to ${MAX_SWEEP_POINTS}, got ${describeValue(points)}`);
  }
  if (problems.length > 0) return problems;
  const noNegZero = (n: unknown): number => (n === 0 ? 0 : (n as number));
  return { param: param as string, from: noNegZero(from), to: noNegZero(to), points: points as number };
};

/** One reader per view key: a new ViewState key fails to compile here until it has rules. */
const VIEW_READERS: { [K in keyof ViewState]: ViewReader<ViewState[K]> } = {
  tab: (value) =>
    typeof value === 'string' && (VIEW_TABS as readonly string[]).includes(value)
      ? (value as ViewState['tab'])
      : [`view.tab: must be one of ${VIEW_TABS.map((t) => `'${t}'`).join(', ')}, got ${describeValue(value)}`],
  logHistogram: (value) => (typeof value === 'boolean' ? value : [`view.logHistogram: must be true or false, got ${describeValue(value)}`]),
  pathIndex: (value, { paths }) => {
    const max = paths === null ? null : paths - 1;
    const ok = typeof value === 'number' && Number.isInteger(value) && value >= 0 && (max === null || value <= max);
    if (ok) return value === 0 ? 0 : value;
    return [`view.pathIndex: must be an integer from 0 to ${max ?? 'run.paths − 1'}, got ${describeValue(value)}`];
  },
  sweep: readSweep,
};

function readView(value: unknown, context: Parameters<ViewReader<unknown>>[1]): ViewState | string[] {
  if (!isJsonObject(value)) return [`view: must be an object, got ${describeValue(value)}`];
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!Object.hasOwn(VIEW_READERS, key)) problems.push(`view.${key}: unknown field`);
  const view: Partial<Record<keyof ViewState, unknown>> = {};
  for (const key of Object.keys(VIEW_READERS) as (keyof ViewState)[]) {
    const raw = Object.hasOwn(value, key) ? value[key] : undefined;
    if (raw === undefined) {
      problems.push(`view.${key}: required`);
      continue;
    }
    // No view value is an array, so an array is always a reader's list of problems.
    const read = (VIEW_READERS[key] as ViewReader<unknown>)(raw, context);
    if (Array.isArray(read)) problems.push(...(read as string[]));
    else view[key] = read;
  }
  return problems.length > 0 ? problems : (view as ViewState);
}

/** "params" + "market.steps" → "params.market.steps"; "(root)" → "params"; '["a b"]' → 'params["a b"]'. */
function qualify(prefix: string, field: string): string {
  if (field === '(root)') return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

function readParams(field: 'params' | 'baseline', value: unknown): RiskParams | string[] {
  const result = validateRunInputs({ params: value });
  if (result.ok) return result.params;
  return result.problems.map((p) => `${qualify(field, p.field)}: ${p.message}`);
}

/**
 * The proposal with its run through the engine's one door. Paths and seed are both required (validateRunOptions
 * would fill a missing one from today's DEFAULT_RUN); the optional estimator mode is the link's own field:
 * absent stays absent (= plain, what links made before it existed showed).
 */
function readProposalAndRun(rawParams: unknown, rawRun: unknown): { params: RiskParams | string[]; run: RunSpec | string[] } {
  let options = rawRun;
  let estimator: EstimatorMode | undefined;
  if (isJsonObject(rawRun) && Object.hasOwn(rawRun, 'estimator')) {
    const raw = rawRun['estimator'];
    if (!ESTIMATOR_MODES.includes(raw as EstimatorMode)) {
      const problem = `run.estimator: must be one of ${ESTIMATOR_MODES.map((m) => `'${m}'`).join(', ')}, got ${describeValue(raw)}`;
      return { params: readParams('params', rawParams), run: [problem] };
    }
    estimator = raw as EstimatorMode;
    const { estimator: _estimator, ...rest } = rawRun;
    options = rest;
  }
  const toSpec = (run: RunOptions): RunSpec => ({ paths: run.paths, seed: run.seed, ...(estimator ? { estimator } : {}) });
  const result = validateRunInputs({ params: rawParams, run: options, required: ['paths', 'seed'] });
  if (result.ok) return { params: result.params, run: toSpec(result.run) };
  const problemsOf = (input: 'params' | 'run'): string[] =>
    result.problems.filter((p) => p.input === input).map((p) => `${qualify(input, p.field)}: ${p.message}`);
  return { params: result.params ?? problemsOf('params'), run: result.run ? toSpec(result.run) : problemsOf('run') };
}

export function validateShareState(doc: JsonObject): ShareStateResult {
  try {
    const problems: string[] = [];
    for (const key of Object.keys(doc)) {
      if (!Object.hasOwn(SHARE_KEYS, key)) problems.push(`the link's state has an unknown field ${describeValue(key)}`);
    }
    const own = (key: keyof ShareState): unknown => (Object.hasOwn(doc, key) ? doc[key] : undefined);

    const { params, run } = readProposalAndRun(own('params'), own('run'));
    const rawBaseline = own('baseline');
    const baseline = rawBaseline === null ? null : readParams('baseline', rawBaseline);
    const view = readView(own('view'), {
      paths: Array.isArray(run) ? null : run.paths,
      params: Array.isArray(params) ? null : params,
    });
    for (const part of [params, baseline, run, view]) if (Array.isArray(part)) problems.push(...part);

    if (problems.length > 0 || Array.isArray(params) || Array.isArray(baseline) || Array.isArray(run) || Array.isArray(view)) {
      return { ok: false, problems };
    }
    return { ok: true, state: { params, run, baseline, view } };
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return { ok: false, problems: [`the link's state could not be read (${reason})`] };
  }
}
