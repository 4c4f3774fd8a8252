// What the proposal changes against the baseline, in the form's words ("Maintenance margin: 5 % → 8 %"), so a
// comparison says which parameters it is about. Pure; unit-tested.
import type { RiskParams } from '../../engine/params/riskParams';
import { formatInteger } from '../format';
import { formatFieldValue } from './fieldText';
import { pathKey, specOf } from './fieldSpecs';

export interface ParamChange {
  /** "margin.maintenanceMarginRatio" */
  field: string;
  label: string;
  from: string;
  to: string;
}

const KIND_LABELS: Record<string, string> = {
  scenario: 'Price model',
  population: 'Population',
  lossMechanism: 'After the insurance fund',
};

/** Lists compared as a whole and summarised, not item by item. */
const WHOLE_LISTS: Record<string, { label: string; noun: string }> = {
  'scenario.prices': { label: 'Replayed prices', noun: 'price' },
  'population.accounts': { label: 'Imported positions', noun: 'account' },
  'margin.tiers': { label: 'Margin tiers', noun: 'tier' },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(value: unknown, key: string): string {
  const spec = specOf(key);
  if (value === null) return spec?.nullable ? spec.nullable.word.toLowerCase() : 'none';
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  const text = spec ? formatFieldValue(value, spec.kind) : String(value);
  const unit = spec?.unit === '%' ? ' %' : spec?.kind === 'percent' ? ` ${spec.unit}` : '';
  return `${text}${unit}`;
}

const count = (n: number, noun: string) => `${formatInteger(n)} ${noun}${n === 1 ? '' : 's'}`;

function walk(a: unknown, b: unknown, path: (string | number)[], out: ParamChange[]): void {
  const key = pathKey(path);
  const list = WHOLE_LISTS[key];
  if (list) {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
      const sameLength = n(a) === n(b);
      out.push({ field: key, label: list.label, from: count(n(a), list.noun), to: sameLength ? `${count(n(b), list.noun)}, changed` : count(n(b), list.noun) });
    }
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    if ('kind' in a && a.kind !== b.kind) {
      out.push({ field: pathKey([...path, 'kind']), label: KIND_LABELS[String(path[0])] ?? `${key} kind`, from: String(a.kind), to: String(b.kind) });
      return;
    }
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], [...path, k], out);
    return;
  }
  if (Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b)) return;
  const label = specOf(key)?.label ?? (key === 'lossMechanism.ranking' ? 'ADL order' : key === 'scenario.preset' ? 'Crash preset' : key === 'liquidation.partial' ? 'Partial liquidation' : key === 'liquidation.impact.model' ? 'Price impact' : key);
  out.push({ field: key, label, from: show(a, key), to: show(b, key) });
}

/** Every parameter where `proposal` differs from `baseline`, in file order. */
export function paramChanges(baseline: RiskParams, proposal: RiskParams): ParamChange[] {
  const out: ParamChange[] = [];
  walk(baseline, proposal, [], out);
  return out;
}
