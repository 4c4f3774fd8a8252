import { withLossMechanismDefaults } from '../../engine/params/lossMechanism';
// Link fuzzing shared by the unit suite (linkFuzz.test.ts, ≥ 10,000 fragments) and `npm run fuzz` (10⁵): valid
// links of a few states, damaged the ways mail, chat, prose and bit rot damage them, and the one property that
// matters: decoding never throws, never reports an internal error, and a link either opens EXACTLY the state it
// was made from or is refused with problems in words — never a different state. Benign damage (percent-encoding,
// trailing punctuation) must open the original.
import fc from 'fast-check';
import { INTERNAL_ERROR, decodeShareState, encodeShareState } from '../codec';
import { defaultShareState, type ShareState } from '../shareState';
import { legacyDefaultShareState } from './v1Defaults';

// Edited states start from the pre-preset defaults, whose fields the edits below were written against.
const edited = (edit: (s: ShareState) => void): ShareState => {
  const s = legacyDefaultShareState();
  edit(s);
  return s;
};

/** States the fuzz damages links of: the defaults, the seed 42 / 500 paths, and richer ones. */
export const FUZZ_STATES: readonly ShareState[] = [
  defaultShareState(),
  edited((s) => {
    s.run = { paths: 500, seed: 42 };
  }),
  edited((s) => {
    s.params.margin.maintenanceMarginRatio = 0.03;
    s.params.lossMechanism = withLossMechanismDefaults({ kind: 'adl', ranking: 'pnl-leverage' });
    s.baseline = legacyDefaultShareState().params;
    s.view = { tab: 'planner', logHistogram: true, pathIndex: 3, sweep: { param: 'liquidation.penaltyRatio', from: 0, to: 0.05, points: 6 } };
  }),
  edited((s) => {
    s.params.scenario = { kind: 'gbm', driftAnnual: 0, volAnnual: 1.2 };
    s.params.population = {
      kind: 'explicit',
      accounts: [
        { id: '<b>whale</b>', side: 'long', size: '250', entryPrice: '101.5', collateral: '2000' },
        { id: 'mm', side: 'short', size: '250', entryPrice: '100', collateral: '50000' },
      ],
    };
    s.run = { paths: 2000, seed: 9_007_199_254_740_991 };
  }),
];

export type Damage =
  | { kind: 'replace' | 'insert'; at: number; char: string }
  | { kind: 'delete' | 'truncate' | 'bitflip' | 'swap' | 'case'; at: number; bit?: number }
  | { kind: 'percent'; times: number }
  | { kind: 'punctuation'; tail: string }
  | { kind: 'hash' };

/** Whether the damage leaves the link's meaning intact (it must then open the original state). */
export const isBenign = (damage: Damage): boolean => damage.kind === 'percent' || damage.kind === 'punctuation' || damage.kind === 'hash';

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=&%#.,;:!?()[]<>\'" *~+/\\\u0000\u00e9\u{1f600}';

export const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.constantFrom(...CHARS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom(...CHARS) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bitflip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'truncate' as const, 'swap' as const, 'case' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('percent' as const), times: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('punctuation' as const), tail: fc.stringMatching(/^[.,;:!?)\]}>'"* ]{1,4}$/) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hash' as const) }) },
);

/** The link `fragment` (no '#') after `damage`. */
export function damaged(fragment: string, damage: Damage): string {
  const n = fragment.length;
  const at = 'at' in damage ? damage.at % n : 0;
  switch (damage.kind) {
    case 'replace':
      return fragment.slice(0, at) + damage.char + fragment.slice(at + 1);
    case 'insert':
      return fragment.slice(0, at) + damage.char + fragment.slice(at);
    case 'delete':
      return fragment.slice(0, at) + fragment.slice(at + 1);
    case 'truncate':
      return fragment.slice(0, at);
    case 'bitflip':
      return fragment.slice(0, at) + String.fromCharCode(fragment.charCodeAt(at) ^ (1 << (damage.bit ?? 0))) + fragment.slice(at + 1);
    case 'swap':
      return at + 1 < n ? fragment.slice(0, at) + fragment.charAt(at + 1) + fragment.charAt(at) + fragment.slice(at + 2) : fragment.slice(0, at);
    case 'case': {
      const c = fragment.charAt(at);
      const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
      return fragment.slice(0, at) + flipped + fragment.slice(at + 1);
    }
    case 'percent': {
      let out = fragment;
      for (let i = 0; i < damage.times; i++) out = encodeURIComponent(out);
      return out;
    }
    case 'punctuation':
      return fragment + damage.tail;
    case 'hash':
      return `#${fragment}`;
  }
}

/** Structural equality of JSON-like values (cheaper than re-encoding both states). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface LinkCheck {
  /** What went wrong, or null when the codec behaved. */
  problem: string | null;
  opened: boolean;
}

/** Decodes one damaged copy of `link` (the encoding of `original`) and judges the outcome. */
export function checkDamagedLink(original: ShareState, link: string, damage: Damage): LinkCheck {
  const fragment = damaged(link, damage);
  const shown = JSON.stringify(fragment.slice(0, 100));
  let result;
  try {
    result = decodeShareState(fragment);
  } catch (error) {
    return { problem: `decode threw on ${shown}: ${String(error)}`, opened: false };
  }
  if (!result.ok) {
    if (result.problems.length === 0) return { problem: `refused without a problem: ${shown}`, opened: false };
    if (result.problems.some((p) => p.startsWith(INTERNAL_ERROR))) return { problem: `internal error on ${shown}: ${result.problems.join('; ')}`, opened: false };
    return { problem: isBenign(damage) ? `benign damage (${damage.kind}) was refused: ${result.problems.join('; ')}` : null, opened: false };
  }
  if (deepEqual(result.state, original)) return { problem: null, opened: true };
  // Damage that removed the whole link leaves no link at all: the page shows the defaults, as for a bare URL.
  if (fragment.replace(/[#\s.,;:!?)\]}>'"*]/g, '') === '') return { problem: null, opened: true };
  return { problem: `opened a DIFFERENT state from ${shown} (${damage.kind})`, opened: true };
}

export interface FuzzReport {
  runs: number;
  failures: string[];
  refused: number;
  opened: number;
}

/**
 * Runs `runs` damaged links through the decoder with fast-check's `seed`; collects failures instead of
 * stopping at the first (the report lists up to 20).
 */
export function fuzzLinks(runs: number, seed: number): FuzzReport {
  const links = FUZZ_STATES.map((state) => encodeShareState(state));
  const report: FuzzReport = { runs: 0, failures: [], refused: 0, opened: 0 };
  fc.assert(
    fc.property(fc.nat(FUZZ_STATES.length - 1), damageArb, (which, damage) => {
      report.runs++;
      const check = checkDamagedLink(FUZZ_STATES[which]!, links[which]!, damage);
      if (check.problem !== null && report.failures.length < 20) report.failures.push(check.problem);
      if (check.opened) report.opened++;
      else report.refused++;
      return true;
    }),
    { numRuns: runs, seed },
  );
  return report;
}
