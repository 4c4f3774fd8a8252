import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELETE, applyJsonPatch, diffJson, forbiddenKeyPath, jsonEqual, jsonNestingDepth, type Json } from './jsonPatch';

/** JSON with no "$delete" key (no valid state has one; a value equal to DELETE would be read as a deletion). */
const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => !JSON.stringify(v).includes('"$delete"')) as fc.Arbitrary<Json>;

describe('diffJson / applyJsonPatch', () => {
  it.each<[string, Json, Json, Json | undefined]>([
    ['equal values', { a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }, undefined],
    ['one changed field', { a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }, { a: { c: 3 } }],
    ['an array, replaced whole', { a: [1, 2, 3] }, { a: [1, 2, 4] }, { a: [1, 2, 4] }],
    ['null to an object, replaced whole', { a: null }, { a: { b: 1 } }, { a: { b: 1 } }],
    ['an object to null', { a: { b: 1 } }, { a: null }, { a: null }],
    ['a removed key', { a: { kind: 'x', x: 1 } }, { a: { kind: 'y' } }, { a: { kind: 'y', x: DELETE } }],
    ['a new key', { a: {} }, { a: { b: false } }, { a: { b: false } }],
  ])('%s', (_name, base, next, patch) => {
    expect(diffJson(base, next)).toStrictEqual(patch);
    expect(applyJsonPatch(base, patch ?? {})).toStrictEqual(next);
  });

  it('apply(base, diff(base, next)) = next for any JSON', () => {
    fc.assert(fc.property(json, json, (base, next) => {
      const patch = diffJson(base, next);
      expect(jsonEqual(patch === undefined ? base : applyJsonPatch(base, patch), next)).toBe(true);
    }), { numRuns: 1000 });
  });

  it('an unchanged value has an empty patch', () => {
    fc.assert(fc.property(json, (value) => {
      expect(diffJson(value, structuredClone(value))).toBeUndefined();
    }));
  });

  it('never mutates its inputs', () => {
    fc.assert(fc.property(json, json, (base, next) => {
      const [b, n] = [structuredClone(base), structuredClone(next)];
      const patch = diffJson(base, next) ?? null;
      const p = structuredClone(patch);
      applyJsonPatch(base, patch);
      expect([base, next, patch]).toStrictEqual([b, n, p]);
    }), { numRuns: 300 });
  });

  it('keeps a "__proto__" key an own property, never a prototype', () => {
    const patch = JSON.parse('{"a":{"__proto__":{"polluted":true}}}') as Json;
    const out = applyJsonPatch({ a: {} }, patch) as { a: object };
    expect(Object.getPrototypeOf(out.a)).toBe(Object.prototype);
    expect(Object.hasOwn(out.a, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('forbiddenKeyPath', () => {
  it.each<[string, string, string | null]>([
    ['clean JSON', '{"a":[{"b":"__proto__"}]}', null],
    ['__proto__ at the top', '{"__proto__":1}', '__proto__'],
    ['constructor in a list', '{"a":[1,{"constructor":1}]}', 'a[1].constructor'],
    ['prototype deep down', '{"a":{"b":{"c":{"prototype":null}}}}', 'a.b.c.prototype'],
  ])('%s', (_name, text, path) => {
    expect(forbiddenKeyPath(JSON.parse(text) as Json)).toBe(path);
  });
});

describe('jsonNestingDepth', () => {
  it.each<[string, string, number]>([
    ['a number', '1', 0],
    ['an empty object', '{}', 1],
    ['nested lists', '[[[]],[]]', 3],
    ['brackets in a string', '{"a":"[[[{{{"}', 1],
    ['an escaped quote in a string', '["\\"[[["]', 1],
    ['an escaped backslash before the closing quote', '["\\\\",[[1]]]', 3],
  ])('%s', (_name, text, depth) => {
    expect(jsonNestingDepth(text, 100)).toBe(depth);
  });

  it('agrees with the parsed value for any JSON', () => {
    const depthOf = (v: unknown): number =>
      typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(jsonNestingDepth(JSON.stringify(value), 1000)).toBe(depthOf(value));
    }), { numRuns: 500 });
  });

  it('stops counting past the limit', () => {
    expect(jsonNestingDepth('['.repeat(1000), 32)).toBe(33);
  });
});
