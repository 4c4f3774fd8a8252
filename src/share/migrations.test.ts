// The migration mechanism, with a synthetic v0 defined here (no v0 link ever shipped): v0 kept paths and seed
// at the top level and had no baseline; v1 moved them into `run` and added `baseline`.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { INTERNAL_ERROR, decodeShareState, encodeShareState } from './codec';
import { isJsonObject, type Json, type JsonObject } from './jsonPatch';
import { V1_BASE } from './linkFormatV1';
import { CURRENT_LINK_VERSION, LINK_VERSIONS, migrateToCurrent, type LinkVersions, type Migration } from './migrations';
import { v1DefaultShareState } from './testing/v1Defaults';

const V0_BASE: JsonObject = { params: V1_BASE.params as Json, paths: 1000, seed: 1, view: V1_BASE.view as Json };

/** v0 → v1: `{paths, seed}` move into `run`; there was no baseline. Any object in, an object out. */
const v0ToV1: Migration = (state) => {
  const { paths, seed, ...rest } = state;
  return { ...rest, run: { paths: paths ?? null, seed: seed ?? null }, baseline: null };
};

const WITH_V0: LinkVersions = {
  current: 1,
  formats: { 0: { base: V0_BASE, dictionary: new Uint8Array(0) }, 1: LINK_VERSIONS.formats[1]! },
  migrations: { 0: v0ToV1 },
};

/** A v0 link: the patch against V0_BASE, deflated without a dictionary. */
const v0Link = (patch: JsonObject): string => `v=0&s=${encodeBase64url(deflateSync(new TextEncoder().encode(JSON.stringify(patch))))}`;

describe('the version table', () => {
  it('today reads v1 and v2 and writes v2; v1 → v2 changes only the envelope', () => {
    expect(CURRENT_LINK_VERSION).toBe(2);
    expect(Object.keys(LINK_VERSIONS.formats)).toEqual(['1', '2']);
    expect(Object.keys(LINK_VERSIONS.migrations)).toEqual(['1']);
    expect(LINK_VERSIONS.envelopeOnly).toEqual([1]);
  });

  it('has a chain of migrations from every readable version to the current one', () => {
    for (const version of Object.keys(LINK_VERSIONS.formats).map(Number)) {
      for (let n = version; n < LINK_VERSIONS.current; n++) expect(Object.hasOwn(LINK_VERSIONS.migrations, n)).toBe(true);
    }
  });
});

describe('a synthetic v0 link', () => {
  it('is migrated to v1 and read, with a note saying so', () => {
    const result = decodeShareState(v0Link({ paths: 250, seed: 9, params: { margin: { maintenanceMarginRatio: 0.02 } } }), WITH_V0);
    // A v0 link predates the round-two liquidation fields: it keeps its meaning.
    const expected = v1DefaultShareState();
    expected.run = { paths: 250, seed: 9 };
    expected.params.margin.maintenanceMarginRatio = 0.02;
    expect(result).toStrictEqual({
      ok: true,
      state: expected,
      notes: ['this link was made by an older version of Haircut (v=0) and was updated to v=1'],
    });
  });

  it('re-encodes as v1', () => {
    const result = decodeShareState(v0Link({ seed: 5 }), WITH_V0);
    expect(result.ok).toBe(true);
    expect(encodeShareState(result.state, WITH_V0)).toMatch(/^v=1&/);
    expect(encodeShareState(result.state)).toMatch(/^v=2&/);
  });

  it('is validated after migrating, with v1 field names', () => {
    const result = decodeShareState(v0Link({ paths: 0 }), WITH_V0);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(['run.paths: must be an integer from 1 to 100000, got 0']);
  });

  it('keeps its own unknown-field check (a v1 key is unknown in v0)', () => {
    const result = decodeShareState(v0Link({ run: { paths: 5 } } as JsonObject), WITH_V0);
    expect(!result.ok && result.problems[0]).toContain("unknown field 'run' (known: params, paths, seed, view)");
  });

  it('is refused by a build that cannot read v0 (this one)', () => {
    const result = decodeShareState(v0Link({ seed: 5 }));
    expect(!result.ok && result.problems).toEqual(["this link's version (v=0) is not one this build can read; it reads v=2"]);
  });

  it('is refused in words when its migration throws', () => {
    const broken: LinkVersions = { ...WITH_V0, migrations: { 0: () => { throw new Error('seed was a string'); } } };
    const result = decodeShareState(v0Link({ seed: 5 }), broken);
    expect(!result.ok && result.problems).toEqual([
      'this link is from an old version of Haircut (v=0) and could not be updated from v=0 to v=1: seed was a string',
    ]);
    expect(!result.ok && result.problems.join()).not.toContain(INTERNAL_ERROR);
  });

  it('is refused in words when a step of the chain is missing', () => {
    const result = decodeShareState(v0Link({ seed: 5 }), { ...WITH_V0, migrations: {} });
    expect(!result.ok && result.problems[0]).toContain('can no longer update (no step from v=0 to v=1)');
  });
});

describe('migrateToCurrent', () => {
  const chain: LinkVersions = {
    current: 3,
    formats: {},
    migrations: {
      1: (s) => ({ ...s, one: true }),
      2: (s) => ({ ...s, two: isJsonObject(s) && s.one === true }),
    },
  };

  it('runs each step in order', () => {
    expect(migrateToCurrent(1, { a: 1 }, chain)).toStrictEqual({
      ok: true,
      state: { a: 1, one: true, two: true },
      notes: ['this link was made by an older version of Haircut (v=1) and was updated to v=3'],
    });
  });

  it('does nothing, and says nothing, for the current version', () => {
    expect(migrateToCurrent(3, { a: 1 }, chain)).toStrictEqual({ ok: true, state: { a: 1 }, notes: [] });
  });

  it('refuses a step that returns no object', () => {
    const bad: LinkVersions = { ...chain, migrations: { ...chain.migrations, 2: () => [] as unknown as JsonObject } };
    const result = migrateToCurrent(1, {}, bad);
    expect(!result.ok && result.problem).toContain('could not be updated from v=2 to v=3: the migration returned no object');
  });
});
