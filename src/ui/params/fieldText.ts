// Text ↔ value for parameter inputs, and the validator's messages in the words of the form (percent where
// the form shows percent, labels instead of JSON names). Pure: unit-tested in Node.
import type { FieldKind } from './fieldSpecs';

/** What an input's text becomes: a value for the draft, plus a message when the text is not a number at all. */
export interface ParsedText {
  /** Written into the draft as is; an unreadable number is written as its text so validation refuses it. */
  value: unknown;
  /** Shown instead of the validator's message: the text could not be read. */
  problem: string | null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Ratio ↔ percent without float noise (0.05 → "5", not "5.000000000000001"). */
export const toPercentText = (ratio: number): string => String(Number((ratio * 100).toPrecision(12)));
export const fromPercent = (percent: number): number => Number((percent / 100).toPrecision(12));

/** The text an input shows for a value of the draft. */
export function formatFieldValue(value: unknown, kind: FieldKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return kind === 'percent' ? toPercentText(value) : String(value);
  return String(value);
}

/** Reads an input's text. Unicode minus and surrounding spaces are accepted; thousands separators are not. */
export function parseFieldText(text: string, kind: FieldKind): ParsedText {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (kind === 'decimal') return { value: trimmed, problem: null };
  if (!NUMBER.test(trimmed)) {
    const problem = trimmed === '' ? 'Enter a number.' : /,/.test(trimmed) ? 'Enter a number, with a dot for decimals and no thousands separators.' : 'Enter a number.';
    return { value: trimmed, problem };
  }
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { value: trimmed, problem: 'Enter a number.' };
  return { value: kind === 'percent' ? fromPercent(n) : n, problem: null };
}

/** JSON names in validator messages → the form's words. Longest first, so compound names win. */
const NAMES: [RegExp, string][] = [
  [/\bthe base maintenanceMarginRatio\b/g, 'the base maintenance margin'],
  [/\bthe base initialMarginRatio\b/g, 'the base initial margin'],
  [/\bmarket\.steps − 1\b/g, 'the horizon − 1'],
  [/\bmarket\.steps\b/g, 'the horizon (steps)'],
  [/\binitial \+ feeInflowPerStep × the horizon \(steps\)/g, 'starting balance + fee inflow × horizon'],
  [/\binitialMarginRatio\b/g, 'the initial margin'],
  [/\bmaintenanceMarginRatio\b/g, 'the maintenance margin'],
  [/\bat least initial \(/g, 'at least the starting balance ('],
];

const TIER_WORDS: Record<string, string> = {
  maintenanceMarginRatio: 'maintenance margin',
  initialMarginRatio: 'initial margin',
  notionalFloor: 'notional floor',
};

/** A bare number in a message (not part of a name like tiers[0], not inside quotes). */
const BARE_NUMBER = /(?<![\w[.'])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w\]'])/g;

/**
 * A validator message as the form says it: for a percent field every bare number is a ratio and is shown in
 * percent ("must be below the initial margin (10 %), got 20 %"); JSON names become labels.
 */
export function describeProblem(message: string, kind: FieldKind | null): string {
  let text = message;
  if (kind === 'percent') {
    text = text.replace(BARE_NUMBER, (n) => `${toPercentText(Number(n))} %`);
  }
  text = text.replace(/\btiers\[(\d+)\]\.(\w+)/g, (_m, i: string, key: string) => `tier ${Number(i) + 1} ${TIER_WORDS[key] ?? key}`);
  for (const [pattern, words] of NAMES) text = text.replace(pattern, words);
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
