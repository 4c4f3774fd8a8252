// Whether two chart views would draw the same thing. Every partial summary is a new object, so every card's view
// is new too, yet most cards (an empty socialized-loss chart on a calm market, a waterfall whose means did not
// move) would draw exactly what they show: comparing the React elements by their props' values lets those cards
// skip a Recharts redraw (tens of ms of main thread each) instead of repeating it.
import { isValidElement, type ReactNode } from 'react';

/** Deep value equality of plain data and React elements (same type, key and props); functions by identity. */
export function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  // Chart props are rows of numbers a few levels deep; anything deeper is treated as different (a redraw).
  if (depth > 8 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (isValidElement(a) || isValidElement(b)) {
    return isValidElement(a) && isValidElement(b) && a.type === b.type && a.key === b.key && sameValue(a.props, b.props, depth + 1);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/** Two card views draw the same: same empty sentence, caption and chart (by value). */
export function sameView(a: { empty: string | null; caption: ReactNode; chart: ReactNode }, b: { empty: string | null; caption: ReactNode; chart: ReactNode }): boolean {
  return a.empty === b.empty && sameValue(a.caption, b.caption) && sameValue(a.chart, b.chart);
}
