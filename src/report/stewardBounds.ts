// Risk-steward bounds (issue 16): how far each governance parameter may move in one proposal without a full vote,
// modelled on Aave's Risk Steward (research/governance-anchors-2026-12.md §4: "Liquidation Threshold: 2% absolute
// change with 3 days minimum delay"; "Supply and Borrow Caps: 100% relative change"). A change outside its limit,
// or of a parameter the steward may not touch at all, "requires a full vote". Pure: no DOM, no Node.
import { describeValue } from '../engine/params/schema';
import type { RiskParams } from '../engine/params/riskParams';

export interface StewardLimit {
  /** Largest |proposed − current| allowed, in the parameter's own unit (a ratio: 0.02 = 2 percentage points). */
  maxAbsoluteChange?: number;
  /** Largest |proposed − current| / |current| allowed (1 = 100 %). */
  maxRelativeChange?: number;
  /** Where the number comes from, in one line. */
  source: string;
}

export interface StewardBounds {
  version: 1;
  name: string;
  /** Shortest time between two steward changes of the same parameter (informational; Aave: 3 days). */
  minDelayDays: number;
  /** Dotted parameter path → limit; `[*]` matches any index (margin tiers). Unlisted parameters need a full vote. */
  limits: Record<string, StewardLimit>;
}

const AAVE_LT = 'Aave Risk Steward phase 3: Liquidation Threshold, 2 % absolute change (governance.aave.com/t/21135)';
const AAVE_CAPS = 'Aave Risk Steward phase 3: supply and borrow caps, 100 % relative change (governance.aave.com/t/21135)';

/**
 * The documented default (docs/report.md). Margin ratios play the part of Aave's liquidation threshold (both set
 * how much equity a position must keep), so they get its 2-point absolute limit; money amounts (fund size,
 * inflows, caps, keeper capacity) play the part of caps and get 100 % relative. The penalty limits are Haircut's
 * own choice, since Aave publishes none for its liquidation bonus in the sources we hold.
 */
export const DEFAULT_STEWARD_BOUNDS: StewardBounds = {
  version: 1,
  name: 'Aave-style risk steward (Haircut default)',
  minDelayDays: 3,
  limits: {
    'margin.initialMarginRatio': { maxAbsoluteChange: 0.02, source: AAVE_LT },
    'margin.maintenanceMarginRatio': { maxAbsoluteChange: 0.02, source: AAVE_LT },
    'margin.tiers[*].initialMarginRatio': { maxAbsoluteChange: 0.02, source: AAVE_LT },
    'margin.tiers[*].maintenanceMarginRatio': { maxAbsoluteChange: 0.02, source: AAVE_LT },
    'liquidation.penaltyRatio': { maxAbsoluteChange: 0.005, source: 'Haircut choice: a quarter of the margin limit' },
    'liquidation.penaltyToFund': { maxAbsoluteChange: 0.25, source: 'Haircut choice: a quarter of the range 0..1' },
    'liquidation.maxNotionalPerStep': { maxRelativeChange: 1, source: AAVE_CAPS },
    'insuranceFund.initial': { maxRelativeChange: 1, source: AAVE_CAPS },
    'insuranceFund.feeInflowPerStep': { maxRelativeChange: 1, source: AAVE_CAPS },
    'insuranceFund.cap': { maxRelativeChange: 1, source: AAVE_CAPS },
    'insuranceFund.maxDrawPerStep': { maxRelativeChange: 1, source: AAVE_CAPS },
  },
};

export type StewardStatus = 'within' | 'outside' | 'not-steward';

export interface StewardCheck {
  field: string;
  status: StewardStatus;
  /** In plain words: the change and the limit it was held against. */
  reason: string;
}

type Parsed = { ok: true; bounds: StewardBounds } | { ok: false; problems: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Reads a bounds file (JSON already parsed); every problem names its field. */
export function parseStewardBounds(raw: unknown): Parsed {
  const problems: string[] = [];
  if (!isRecord(raw)) return { ok: false, problems: [`bounds: must be a JSON object, got ${describeValue(raw)}`] };
  if (raw.version !== 1) problems.push(`version: must be 1, got ${describeValue(raw.version)}`);
  if (typeof raw.name !== 'string' || raw.name.trim() === '') problems.push(`name: must be a non-empty string, got ${describeValue(raw.name)}`);
  if (!nonNegative(raw.minDelayDays)) problems.push(`minDelayDays: must be a number ≥ 0, got ${describeValue(raw.minDelayDays)}`);
  if (!isRecord(raw.limits)) problems.push(`limits: must be an object of parameter path → limit, got ${describeValue(raw.limits)}`);
  else {
    for (const [field, limit] of Object.entries(raw.limits)) {
      const at = `limits.${field}`;
      if (!/^[A-Za-z]+(\.[A-Za-z]+|\[\*\])*$/.test(field)) problems.push(`${at}: is not a parameter path like "margin.maintenanceMarginRatio"`);
      if (!isRecord(limit)) {
        problems.push(`${at}: must be an object, got ${describeValue(limit)}`);
        continue;
      }
      const known = new Set(['maxAbsoluteChange', 'maxRelativeChange', 'source']);
      for (const key of Object.keys(limit)) if (!known.has(key)) problems.push(`${at}.${key}: unknown field (known: ${[...known].join(', ')})`);
      if (limit.maxAbsoluteChange === undefined && limit.maxRelativeChange === undefined) problems.push(`${at}: needs maxAbsoluteChange or maxRelativeChange`);
      for (const key of ['maxAbsoluteChange', 'maxRelativeChange'] as const) {
        if (limit[key] !== undefined && !nonNegative(limit[key])) problems.push(`${at}.${key}: must be a number ≥ 0, got ${describeValue(limit[key])}`);
      }
      if (typeof limit.source !== 'string') problems.push(`${at}.source: must say where the limit comes from, got ${describeValue(limit.source)}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bounds: raw as unknown as StewardBounds };
}

/** The limit of a concrete path such as "margin.tiers[2].maintenanceMarginRatio". */
export function limitOf(bounds: StewardBounds, field: string): StewardLimit | undefined {
  return Object.hasOwn(bounds.limits, field) ? bounds.limits[field] : bounds.limits[field.replace(/\[\d+\]/g, '[*]')];
}

const asNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

const trim = (x: number) => String(Number(x.toPrecision(6)));

/** Holds one changed field against its limit. `from`/`to` are the raw values in the parameters file. */
export function checkChange(bounds: StewardBounds, field: string, from: unknown, to: unknown): StewardCheck {
  const limit = limitOf(bounds, field);
  if (!limit) return { field, status: 'not-steward', reason: 'not a parameter the steward may change: needs a full vote' };
  const a = asNumber(from);
  const b = asNumber(to);
  if (a === null || b === null) {
    return { field, status: 'outside', reason: `changes between a number and ${a === null ? describeValue(from) : describeValue(to)}: needs a full vote` };
  }
  const absolute = Math.abs(b - a);
  const relative = a === 0 ? (absolute === 0 ? 0 : Infinity) : absolute / Math.abs(a);
  const parts: string[] = [];
  let within = true;
  if (limit.maxAbsoluteChange !== undefined) {
    // A hair of tolerance: 0.05 → 0.07 is exactly the 0.02 limit, whatever binary floating point says.
    const ok = absolute <= limit.maxAbsoluteChange * (1 + 1e-9);
    within &&= ok;
    parts.push(`moves ${trim(absolute)}, limit ${trim(limit.maxAbsoluteChange)} absolute`);
  }
  if (limit.maxRelativeChange !== undefined) {
    const ok = relative <= limit.maxRelativeChange * (1 + 1e-9);
    within &&= ok;
    parts.push(`moves ${Number.isFinite(relative) ? `${trim(relative * 100)} %` : 'from zero'}, limit ${trim(limit.maxRelativeChange * 100)} % relative`);
  }
  return { field, status: within ? 'within' : 'outside', reason: `${parts.join('; ')}${within ? '' : ': needs a full vote'}` };
}

function leaves(a: unknown, b: unknown, path: string, out: { field: string; from: unknown; to: unknown }[]): void {
  if (isRecord(a) && isRecord(b) && a.kind === b.kind) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) leaves(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => leaves(item, b[i], `${path}[${i}]`, out));
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: path, from: a, to: b });
}

/** Every changed leaf of the parameters, held against the bounds (a changed kind or list length is one change). */
export function checkAgainstBounds(bounds: StewardBounds, baseline: RiskParams, proposal: RiskParams): StewardCheck[] {
  const changed: { field: string; from: unknown; to: unknown }[] = [];
  leaves(baseline, proposal, '', changed);
  return changed.map((c) => checkChange(bounds, c.field, c.from, c.to));
}
