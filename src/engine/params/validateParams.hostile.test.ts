import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PARAMS, defaultParams } from './defaults';
import type { RiskParams } from './riskParams';
import { MAX_PROBLEMS, validateParams } from './validateParams';

type Json = Record<string | number, unknown>;

function expectWellFormed(result: ReturnType<typeof validateParams>): void {
  if (result.ok) {
    expect(result.params.version).toBe(1);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    for (const p of result.problems) {
      expect(typeof p.field).toBe('string');
      expect(p.field.length).toBeGreaterThan(0);
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
}

/** Every finite number in a value; validated params must never hold NaN or Infinity. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}

/** Paths to every node of a JSON value, root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(v, path)];
  });
}

const VARIANTS: RiskParams[] = [
  defaultParams(),
  {
    ...defaultParams(),
    market: { initialPrice: '100', steps: 3, stepSeconds: 60 },
    scenario: { kind: 'replay', prices: ['100', '90', '95'], noiseVolAnnual: 0.1 },
    population: { kind: 'explicit', accounts: [{ id: 'a', side: 'long', size: '1', entryPrice: '100', collateral: '10' }] },
    margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [{ notionalFloor: '1000', maintenanceMarginRatio: 0.06, initialMarginRatio: 0.12 }] },
    lossMechanism: { kind: 'adl', ranking: 'random', size: 'needed', closePrice: 'bankruptcy', trigger: { kind: 'fund-empty' } },
  },
];

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

function mutate(base: RiskParams, path: (string | number)[], mutation: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'set') node[last] = mutation.value;
  else if (mutation.kind === 'delete') delete node[last];
  else {
    const target = node[last];
    if (typeof target === 'object' && target !== null) Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.oneof(fc.jsonValue(), fc.anything(), fc.double(), fc.string()) }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('add' as const), key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')), value: fc.jsonValue() }),
);

describe('validateParams never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormed(validateParams(value))), { numRuns: 500 });
  });

  it('on arbitrary JS values (null prototypes, bigints, maps, sparse arrays, boxed values)', () => {
    const anything = fc.anything({
      withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
      withObjectString: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true,
    });
    fc.assert(fc.property(anything, (value) => expectWellFormed(validateParams(value))), { numRuns: 500 });
    fc.assert(fc.property(anything, (value) => expectWellFormed(validateParams({ ...DEFAULT_PARAMS, market: value }))), { numRuns: 300 });
  });

  it('on mutated copies of valid params; whatever it accepts is finite and validates again unchanged', () => {
    const cases = fc.integer({ min: 0, max: VARIANTS.length - 1 }).chain((v) => {
      const base = VARIANTS[v] as RiskParams;
      return fc.tuple(fc.constant(base), fc.constantFrom(...pathsOf(base)), mutationArb);
    });
    fc.assert(
      fc.property(fc.array(cases, { minLength: 1, maxLength: 3 }), (steps) => {
        let input: unknown = steps[0]?.[0];
        for (const [base, path, mutation] of steps) input = mutate(base, path, mutation);
        const result = validateParams(input);
        expectWellFormed(result);
        if (result.ok) {
          expect(numbersIn(result.params).every(Number.isFinite)).toBe(true);
          expect(validateParams(result.params)).toEqual(result);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hostile input', () => {
  const POLLUTER = '{"polluted":1}';
  it.each([
    ['__proto__ at the top', 0, '{', `{"__proto__":${POLLUTER},`, '__proto__'],
    ['__proto__ in a section', 0, '"market":{', `"market":{"__proto__":${POLLUTER},`, 'market.__proto__'],
    ['constructor.prototype in a section', 0, '"margin":{', `"margin":{"constructor":{"prototype":${POLLUTER}},`, 'margin.constructor'],
    ['__proto__ in an account', 1, '"accounts":[{', `"accounts":[{"__proto__":${POLLUTER},`, 'population.accounts[0].__proto__'],
    ['prototype in a tier', 1, '"tiers":[{', `"tiers":[{"prototype":${POLLUTER},`, 'margin.tiers[0].prototype'],
  ])('%s is refused as an unknown field and pollutes nothing', (_name, variant, anchor, replacement, field) => {
    const json = JSON.stringify(VARIANTS[variant]).replace(anchor, replacement);
    expect(json).toContain(POLLUTER);
    const result = validateParams(JSON.parse(json));
    expect(result).toEqual({ ok: false, problems: [{ field, message: 'unknown field' }] });
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('does not read inherited properties: a params object hidden in a prototype is refused', () => {
    const result = validateParams(Object.create(defaultParams()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ field: 'market', message: 'required' });
  });

  it('refuses an object whose getter throws, without throwing', () => {
    const input = { ...defaultParams() } as Json;
    Object.defineProperty(input, 'market', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(validateParams(input)).toEqual({ ok: false, problems: [{ field: '(root)', message: 'could not be read (boom)' }] });
  });

  it('refuses a revoked proxy without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const result = validateParams(proxy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/^could not be read/);
  });

  it('refuses deeply nested input with a message, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const asSection = validateParams({ ...defaultParams(), market: deep });
    expect(asSection).toEqual({ ok: false, problems: [{ field: 'market', message: 'must be an object, got a list of 1 items' }] });
    const asUnknown = validateParams({ ...defaultParams(), nested: deep });
    expect(asUnknown).toEqual({ ok: false, problems: [{ field: 'nested', message: 'unknown field' }] });
  });

  it('refuses huge lists before reading their items', () => {
    const prices = new Array<string>(2_000_000);
    const result = validateParams({
      ...defaultParams(),
      market: { initialPrice: '100', steps: 100_000, stepSeconds: 60 },
      scenario: { kind: 'replay', prices },
    });
    expect(result).toEqual({ ok: false, problems: [{ field: 'scenario.prices', message: 'must have at most 100000 prices, got 2000000' }] });
    const accounts = validateParams({ ...defaultParams(), population: { kind: 'explicit', accounts: new Array(1_000_001) } });
    expect(accounts).toEqual({ ok: false, problems: [{ field: 'population.accounts', message: 'must have at most 1000000 accounts, got 1000001' }] });
  });

  it('lists at most MAX_PROBLEMS problems, the last one counting the rest', () => {
    const input = { ...defaultParams() } as Json;
    for (let i = 0; i < 5000; i++) input[`junk${i}`] = i;
    const result = validateParams(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(MAX_PROBLEMS);
    expect(result.problems[0]).toEqual({ field: 'junk0', message: 'unknown field' });
    expect(result.problems[MAX_PROBLEMS - 1]).toEqual({ field: '(root)', message: `and ${5000 - MAX_PROBLEMS + 1} more problems not listed` });
  });

  it('cuts long strings in messages and escapes control characters', () => {
    const result = validateParams({ ...defaultParams(), lossMechanism: { kind: `${'x'.repeat(100)}\n` } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toBe(`must be one of 'socialize', 'adl', 'backstop', 'bad-debt', got '${'x'.repeat(40)}…'`);
    const newline = validateParams({ ...defaultParams(), lossMechanism: { kind: 'a\nb' } });
    expect(newline.ok ? '' : newline.problems[0]?.message).toContain("got 'a\\nb'");
  });
});
