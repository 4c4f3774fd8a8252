/**
 * The one door for parameters from outside (a file, a share link, a form): `validateParams` never throws and
 * returns either params normalised to the RiskParams contract or every problem, each naming its field.
 */
import type { z } from 'zod';
import type { ParamProblem, RiskParams, ValidationResult } from './riskParams';
import { DEFAULT_RUN, type RunOptions } from './defaults';
import {
  SECTION_SCHEMAS,
  crossSectionProblems,
  describeValue,
  versionSchema,
  type PathProblem,
  type SectionName,
} from './schema';

/** More problems than this are summarised in one last line, so a hostile file cannot flood the page. */
export const MAX_PROBLEMS = 100;
export const MAX_PATHS = 100_000;

type Segment = PropertyKey;

/** "margin.tiers[1].initialMarginRatio"; keys that are not identifiers are quoted: `a["b.c"]`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out === '' ? '(root)' : out;
}

export function formatProblems(problems: readonly ParamProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw value at a path, following own properties only. */
function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || typeof seg === 'symbol' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Turns one zod issue into problems in our words (zod's own wording only for issues our readers never raise). */
function issueProblems(issue: z.core.$ZodIssue, root: unknown, prefix: Segment[]): PathProblem[] {
  const path = [...prefix, ...issue.path] as (string | number)[];
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.slice(0, MAX_PROBLEMS).map((key) => ({ path: [...path, key], message: 'unknown field' }));
    case 'invalid_type': {
      if (value === undefined) return [{ path, message: 'required' }];
      const what = issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : issue.expected;
      return [{ path, message: `must be ${what}, got ${describeValue(value)}` }];
    }
    case 'invalid_union': {
      // A discriminated union reports an unknown `kind` with the accepted values in `options` (not in the type).
      const options: unknown = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) {
        const kinds = options.map((o) => `'${String(o)}'`).join(', ');
        const message = value === undefined ? `required (one of ${kinds})` : `must be one of ${kinds}, got ${describeValue(value)}`;
        return [{ path, message }];
      }
      return [{ path, message: issue.message }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

function collect(schema: z.ZodType, raw: unknown, prefix: Segment[], problems: PathProblem[]): unknown {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(...issueProblems(issue, raw, prefix));
  return undefined;
}

function toProblems(problems: PathProblem[]): ParamProblem[] {
  const out = problems.slice(0, MAX_PROBLEMS).map((p) => ({ field: formatPath(p.path), message: p.message }));
  if (problems.length > MAX_PROBLEMS) {
    out[MAX_PROBLEMS - 1] = { field: '(root)', message: `and ${problems.length - MAX_PROBLEMS + 1} more problems not listed` };
  }
  return out;
}

function validate(input: unknown): ValidationResult {
  if (!isRecord(input)) {
    return { ok: false, problems: [{ field: '(root)', message: `must be a JSON object, got ${describeValue(input)}` }] };
  }
  const problems: PathProblem[] = [];
  const own = (key: string): unknown => (Object.hasOwn(input, key) ? input[key] : undefined);
  collect(versionSchema, own('version'), ['version'], problems);
  for (const key of Object.keys(input)) {
    if (key !== 'version' && !Object.hasOwn(SECTION_SCHEMAS, key)) problems.push({ path: [key], message: 'unknown field' });
  }
  const sections: Record<string, unknown> = {};
  for (const name of Object.keys(SECTION_SCHEMAS) as SectionName[]) {
    const parsed = collect(SECTION_SCHEMAS[name], own(name), [name], problems);
    if (parsed !== undefined) sections[name] = parsed;
  }
  problems.push(...crossSectionProblems(sections as Partial<RiskParams>));
  if (problems.length > 0) return { ok: false, problems: toProblems(problems) };
  return { ok: true, params: { version: 1, ...sections } as RiskParams };
}

/**
 * Validates a parameters file (any JSON value, or any JS value) against the RiskParams contract. Never throws:
 * an input that cannot even be read (a throwing getter, a revoked proxy) is refused with a problem too.
 */
export function validateParams(input: unknown): ValidationResult {
  try {
    return validate(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, problems: [{ field: '(root)', message: `could not be read (${reason.slice(0, 200)})` }] };
  }
}

export type RunOptionsResult = { ok: true; options: RunOptions } | { ok: false; problems: ParamProblem[] };

/**
 * Validates run options: `paths` an integer 1..100,000, `seed` an integer 0..2^53 − 1. A missing field takes
 * DEFAULT_RUN's value; a digit string ("500", as a command line gives it) is read as that integer. Never throws.
 */
export function validateRunOptions(input: unknown): RunOptionsResult {
  try {
    if (!isRecord(input)) {
      return { ok: false, problems: [{ field: '(root)', message: `must be an object, got ${describeValue(input)}` }] };
    }
    const problems: ParamProblem[] = [];
    for (const key of Object.keys(input)) {
      if (key !== 'paths' && key !== 'seed') problems.push({ field: formatPath([key]), message: 'unknown field' });
    }
    const read = (key: 'paths' | 'seed', min: number, max: number): number => {
      const raw = Object.hasOwn(input, key) ? input[key] : undefined;
      if (raw === undefined) return DEFAULT_RUN[key];
      const n = typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) {
        problems.push({ field: key, message: `must be an integer from ${min} to ${max}, got ${describeValue(raw)}` });
      }
      return n === 0 ? 0 : (n as number);
    };
    const options = { paths: read('paths', 1, MAX_PATHS), seed: read('seed', 0, Number.MAX_SAFE_INTEGER) };
    return problems.length > 0 ? { ok: false, problems } : { ok: true, options };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, problems: [{ field: '(root)', message: `could not be read (${reason.slice(0, 200)})` }] };
  }
}
