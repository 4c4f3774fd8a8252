// Links a stranger could send: each is refused with plain words and the defaults, or read as plain data.
import { Deflate, deflateSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { INTERNAL_ERROR, SHARE_LIMITS, decodeShareState, encodeShareState, type DecodeResult } from './codec';
import { encodeBase64url } from './base64url';
import { LINK_VERSIONS } from './migrations';
import { defaultShareState, type ShareState } from './shareState';

const V1_DICTIONARY = LINK_VERSIONS.formats[1]!.dictionary;

/** A v1 link whose payload is exactly `text` (any text, not only JSON), packed as the encoder packs. */
function linkOfText(text: string): string {
  return `v=1&s=${encodeBase64url(deflateSync(new TextEncoder().encode(text), { dictionary: V1_DICTIONARY }))}`;
}
const linkOf = (patch: unknown): string => linkOfText(JSON.stringify(patch));

/** The defaults with an explicit population of these accounts. */
function withAccounts(accounts: { id: string; side: 'long' | 'short'; size: string; entryPrice: string; collateral: string }[]): ShareState {
  const state = defaultShareState();
  state.params.population = { kind: 'explicit', accounts };
  return state;
}

/** Deterministic pseudo-random bytes (xorshift32). */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** `size` bytes of `fill` as raw DEFLATE, compressed in 1 MB pushes so the test never holds the whole. */
function deflateBomb(size: number, prefix: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const stream = new Deflate({ level: 6, dictionary: V1_DICTIONARY }, (chunk) => parts.push(chunk));
  stream.push(new TextEncoder().encode(prefix));
  const block = new Uint8Array(1_000_000).fill(0x20); // spaces: still valid JSON if it were all read
  for (let left = size; left > 0; left -= block.length) stream.push(block.subarray(0, Math.min(left, block.length)));
  stream.push(new TextEncoder().encode('}'), true);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function expectRefused(result: DecodeResult, ...fragments: string[]): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.state).toStrictEqual(defaultShareState());
  expect(result.problems.length).toBeGreaterThan(0);
  const all = result.problems.join('\n');
  expect(all).not.toContain(INTERNAL_ERROR);
  for (const fragment of fragments) expect(all).toContain(fragment);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the envelope', () => {
  it.each([
    ['a future version', 'v=7&s=q64FAA', 'this link is from a newer version of Haircut (v=7); this build reads v=2'],
    ['the next version', 'v=3&s=q64FAA', 'newer version of Haircut (v=3)'],
    ['version 0 (never shipped)', 'v=0&s=q64FAA', "this link's version (v=0) is not one this build can read"],
    ['v=abc', 'v=abc&s=q64FAA', "the link's version must be a whole number like v=1, got 'abc'"],
    ['a negative version', 'v=-1&s=q64FAA', 'must be a whole number'],
    ['a fractional version', 'v=1.0&s=q64FAA', 'must be a whole number'],
    ['an empty version', 'v=&s=q64FAA', 'must be a whole number'],
    ['a 40-digit version', `v=${'9'.repeat(40)}&s=q64FAA`, 'must be a whole number'],
    ['no version', 's=q64FAA', 'the link has no version'],
    ['no state', 'v=1', 'the link has no state (s=…)'],
    ['an empty state', 'v=1&s=', 'is empty'],
    ['v twice', 'v=1&v=1&s=q64FAA', 'the link gives v= twice'],
    ['an unknown part', 'v=1&s=q64FAA&x=<script>', "unknown part 'x'"],
    ['another app\'s hash', 'section-2', "unknown part 'section-2'"],
    ['a broken percent-encoding', 'v=1&s=q64F%4', 'it is percent-encoded (%xx), but not correctly'],
    ['a character outside base64url', 'v=1&s=q64F~AA', "not base64url (A–Z, a–z, 0–9, '-', '_'): '~' at position 5"],
    ['standard base64 with padding', 'v=1&s=q64FAA==', "'=' at position 7"],
    ['a payload of impossible length', 'v=1&s=q64FA', 'has a length (5) that no base64url text has'],
    ['a payload with a NUL', 'v=1&s=q6\u0000FAA', "'\\u0000' at position 3"],
  ])('%s is refused', (_name, hash, message) => {
    expectRefused(decodeShareState(hash), message);
  });
});

describe('the payload', () => {
  it.each([
    ['random bytes', `v=1&s=${encodeBase64url(bytes(300, 7))}`, 'the link is damaged: its payload is not valid compressed data'],
    ['one random byte', 'v=1&s=AA', 'the link is damaged'],
    ['a truncated link', 'v=1&s=Q86FiGSAJ7aNkVwL', 'the link is damaged'],
    ['invalid UTF-8', `v=1&s=${encodeBase64url(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { dictionary: V1_DICTIONARY }))}`, 'not valid UTF-8 text'],
    ['text that is not JSON', linkOfText('params=1'), 'the link is damaged: its payload is not valid JSON'],
    ['a NaN literal', linkOfText('{"params":{"market":{"steps":NaN}}}'), 'not valid JSON'],
    ['an Infinity literal', linkOfText('{"run":{"paths":Infinity}}'), 'not valid JSON'],
    ['a list', linkOf([1, 2, 3]), "the link's state must be a JSON object, got a list of 3 items"],
    ['null', linkOf(null), 'must be a JSON object, got null'],
    ['a string', linkOf('<script>alert(1)</script>'), "must be a JSON object, got '<script>alert(1)</script>'"],
    ['an unknown top-level key', linkOf({ params: {}, evil: 1 }), "the link's state has an unknown field 'evil' (known: params, run, baseline, view)"],
    ['JSON nested 33 deep', linkOfText(`{"view":${'['.repeat(32)}${']'.repeat(32)}}`), 'nested more than 32 levels deep'],
    ['JSON nested 1,000,000 deep', linkOfText('['.repeat(1_000_000)), 'nested more than 32 levels deep'],
  ])('%s is refused', (_name, hash, message) => {
    expectRefused(decodeShareState(hash), message);
  });

  it('brackets inside strings do not count as nesting', () => {
    const state = withAccounts([{ id: '['.repeat(100), side: 'long', size: '1', entryPrice: '100', collateral: '10' }]);
    expect(decodeShareState(encodeShareState(state))).toStrictEqual({ ok: true, state, notes: [] });
  });

  it('a link over 2 MB is refused before it is decoded', () => {
    const hash = `v=1&s=${'A'.repeat(SHARE_LIMITS.maxHashChars)}`;
    expectRefused(decodeShareState(hash), 'the link is 2 MB (2,000,006 characters) long, above the 2 MB limit; it was not read');
    expectRefused(decodeShareState(`#v=1&s=${'Q'.repeat(3_100_000)}`), 'the link is 3.1 MB (3,100,006 characters) long, above the 2 MB limit');
  });

  it('a deflate bomb (50 MB of spaces in a 67 kB link) is refused without inflating it all', () => {
    const packed = deflateBomb(50_000_000, '{"params":');
    const hash = `v=1&s=${encodeBase64url(packed)}`;
    expect(hash.length).toBeLessThan(SHARE_LIMITS.maxHashChars);
    // The refusal names the 8 MB limit: inflation stopped there (timings are no test here: the machine may be loaded).
    expectRefused(decodeShareState(hash), "the link's payload unpacks to more than 8 MB, the limit; it was not read");
  });

  it('a payload just under the inflate limit is read (and refused by validation, not by size)', () => {
    const packed = deflateBomb(SHARE_LIMITS.maxJsonBytes - 100, '{"view":{"pathIndex":-1}');
    expectRefused(decodeShareState(`v=1&s=${encodeBase64url(packed)}`), 'view.pathIndex: must be an integer from 0 to 999, got -1');
  });
});

describe('prototype keys are refused anywhere', () => {
  it.each([
    ['__proto__ at the top', '{"__proto__":{"polluted":true}}', 'forbidden key at __proto__'],
    ['__proto__ in params', '{"params":{"__proto__":{"polluted":true}}}', 'forbidden key at params.__proto__'],
    ['__proto__ deep in an account', '{"params":{"population":{"kind":"explicit","accounts":[{"__proto__":{"polluted":1}}]}}}', 'params.population.accounts[0].__proto__'],
    ['constructor', '{"view":{"constructor":{"prototype":{"polluted":true}}}}', 'forbidden key at view.constructor'],
    ['prototype', '{"baseline":{"prototype":{"polluted":true}}}', 'forbidden key at baseline.prototype'],
    ['__proto__ as a $delete target', '{"params":{"__proto__":{"$delete":true}}}', 'forbidden key at params.__proto__'],
  ])('%s', (_name, text, message) => {
    expectRefused(decodeShareState(linkOfText(text)), message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });

  it('"__proto__" as a value (an account id) is only text', () => {
    const state = withAccounts([
      { id: '__proto__', side: 'short', size: '1', entryPrice: '100', collateral: '10' },
      { id: 'constructor', side: 'long', size: '1', entryPrice: '100', collateral: '10' },
    ]);
    expect(decodeShareState(encodeShareState(state))).toStrictEqual({ ok: true, state, notes: [] });
  });
});

describe('values out of range are refused with the field named', () => {
  it.each<[string, unknown, string]>([
    ['steps 1e9', { params: { market: { steps: 1e9 } } }, 'params.market.steps: must be at most 100000, got 1000000000'],
    ['steps 1e308', { params: { market: { steps: 1e308 } } }, 'params.market.steps: must be at most 100000, got 1e+308'],
    ['steps -1', { params: { market: { steps: -1 } } }, 'params.market.steps: must be at least 2, got -1'],
    ['steps "NaN"', { params: { market: { steps: 'NaN' } } }, "params.market.steps: must be a whole number, got 'NaN'"],
    ['a ratio "NaN"', { params: { margin: { maintenanceMarginRatio: 'NaN' } } }, "params.margin.maintenanceMarginRatio: must be a number or a plain decimal string like '0.1', got 'NaN'"],
    ['a ratio "Infinity"', { params: { liquidation: { penaltyRatio: 'Infinity' } } }, "params.liquidation.penaltyRatio: must be a number or a plain decimal string like '0.1', got 'Infinity'"],
    ['money "1e308"', { params: { insuranceFund: { initial: '1e308' } } }, 'params.insuranceFund.initial: must be a non-negative decimal written without an exponent'],
    ['money as a number', { params: { insuranceFund: { initial: 1e308 } } }, 'params.insuranceFund.initial: must be a decimal string'],
    ['a price with markup', { params: { market: { initialPrice: '<script>alert(1)</script>' } } }, "params.market.initialPrice: must be a positive decimal, got '<script>alert(1)</script>'"],
    ['a baseline out of range', { baseline: { ...defaultShareState().params, market: { initialPrice: '100', steps: 0, stepSeconds: 60 } } }, 'baseline.market.steps: must be at least 2, got 0'],
    ['a baseline that is a list', { baseline: [1] }, 'baseline: must be a JSON object, got a list of 1 items'],
    ['an unknown params field', { params: { margin: { evil: 1 } } }, 'params.margin.evil: unknown field'],
    ['params deleted', { params: { $delete: true } }, 'params: must be a JSON object, got nothing'],
    ['paths 0', { run: { paths: 0 } }, 'run.paths: must be an integer from 1 to 100000, got 0'],
    ['paths 1e308', { run: { paths: 1e308 } }, 'run.paths: must be an integer from 1 to 100000, got 1e+308'],
    ['paths "NaN"', { run: { paths: 'NaN' } }, "run.paths: must be an integer from 1 to 100000, got 'NaN'"],
    ['seed -1', { run: { seed: -1 } }, 'run.seed: must be an integer from 0 to 9007199254740991, got -1'],
    ['seed 2^53', { run: { seed: 2 ** 53 } }, 'run.seed: must be an integer from 0 to 9007199254740991'],
    ['seed deleted', { run: { seed: { $delete: true } } }, 'run.seed: required'],
    ['an unknown run field', { run: { workers: 64 } }, 'run.workers: unknown field'],
    ['a tab with markup', { view: { tab: '<img src=x onerror=alert(1)>' } }, "view.tab: must be one of 'dashboard', 'learn', 'planner', got '<img src=x onerror=alert(1)>'"],
    ['logHistogram "true"', { view: { logHistogram: 'true' } }, "view.logHistogram: must be true or false, got 'true'"],
    ['pathIndex -1', { view: { pathIndex: -1 } }, 'view.pathIndex: must be an integer from 0 to 999, got -1'],
    ['pathIndex past the last path', { run: { paths: 10 }, view: { pathIndex: 10 } }, 'view.pathIndex: must be an integer from 0 to 9, got 10'],
    ['pathIndex 0.5', { view: { pathIndex: 0.5 } }, 'view.pathIndex: must be an integer'],
    ['a sweep of an unknown param', { view: { sweep: { param: 'margin.nope', from: 0, to: 1, points: 3 } } }, "view.sweep.param: must name a numeric parameter of these params, got 'margin.nope'"],
    ['a sweep of a non-numeric param', { view: { sweep: { param: 'lossMechanism.kind', from: 0, to: 1, points: 3 } } }, 'view.sweep.param: must name a numeric parameter'],
    ['a sweep param with markup', { view: { sweep: { param: '<script>', from: 0, to: 1, points: 3 } } }, "view.sweep.param: must be the dotted name of a parameter like 'margin.maintenanceMarginRatio', got '<script>'"],
    ['a sweep from "Infinity"', { view: { sweep: { param: 'market.steps', from: 'Infinity', to: 1, points: 3 } } }, "view.sweep.from: must be a finite number, got 'Infinity'"],
    ['a sweep of 1e9 points', { view: { sweep: { param: 'market.steps', from: 2, to: 10, points: 1e9 } } }, 'view.sweep.points: must be an integer from 2 to 100, got 1000000000'],
    ['a sweep with an extra field', { view: { sweep: { param: 'market.steps', from: 2, to: 10, points: 3, run: 'x' } } }, 'view.sweep.run: unknown field'],
    ['an unknown view field', { view: { theme: 'dark' } }, 'view.theme: unknown field'],
    ['view deleted', { view: { $delete: true } }, 'view: must be an object, got nothing'],
    ['a view field deleted', { view: { tab: { $delete: true } } }, 'view.tab: required'],
    ['1,000,001 accounts', { params: { population: { kind: 'explicit', accounts: new Array<number>(1_000_001).fill(0) } } }, 'params.population.accounts: must have at most 1000000 accounts, got 1000001'],
  ])('%s', (_name, patch, message) => {
    expectRefused(decodeShareState(linkOf(patch)), message);
  });

  it('reports every problem of a link at once', () => {
    const result = decodeShareState(linkOf({ params: { market: { steps: 1 } }, run: { paths: 0 }, view: { tab: 'x' } }));
    expectRefused(result, 'params.market.steps', 'run.paths', 'view.tab');
  });
});

describe('inputs that are not even strings', () => {
  it.each([undefined, null, 42, {}, ['v=1']])('%s is refused without throwing', (value) => {
    expectRefused(decodeShareState(value as unknown as string), 'a link must be text');
  });
});
