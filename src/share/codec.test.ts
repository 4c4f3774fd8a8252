import { withLossMechanismDefaults } from '../engine/params/lossMechanism';
import { describe, expect, it } from 'vitest';
import { decodeShareState, encodeShareState } from './codec';
import { diffJson, type Json } from './jsonPatch';
import { V1_BASE, V1_DICTIONARY_TEXT } from './linkFormatV1';
import { defaultShareState, freshPageState, SHARE_KEYS, type ShareState } from './shareState';
import { marketPreset, presetParams } from '../engine/params/marketPresets';
import { legacyDefaultShareState, v1DefaultShareState, withLegacyLiquidation } from './testing/v1Defaults';

/** FNV-1a, 32 bits: enough to notice an edit to a frozen format constant. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Edits of the pre-preset defaults (the state the recorded links below were made from). */
function edited(edit: (s: ShareState) => void): ShareState {
  const s = legacyDefaultShareState();
  edit(s);
  return s;
}

/** A state that uses every part of the link: a switched scenario kind, an explicit population, a baseline, a view. */
const RICH = edited((s) => {
  s.params.scenario = { kind: 'gbm', driftAnnual: 0, volAnnual: 1.2 };
  s.params.population = {
    kind: 'explicit',
    accounts: [
      { id: '<b>whale</b>', side: 'long', size: '250', entryPrice: '101.5', collateral: '2000' },
      { id: 'mm', side: 'short', size: '250', entryPrice: '100', collateral: '50000' },
    ],
  };
  s.baseline = legacyDefaultShareState().params;
  s.view = { tab: 'planner', logHistogram: true, pathIndex: 3, sweep: { param: 'liquidation.penaltyRatio', from: 0, to: 0.05, points: 6 } };
});

describe('the shareable state', () => {
  it('has one SHARE_KEYS entry per top-level key', () => {
    expect(Object.keys(SHARE_KEYS).sort()).toEqual(Object.keys(defaultShareState()).sort());
  });

  // SHARE_KEYS says every key travels in the link; this checks the link itself: a state that differs from the
  // defaults in one key alone decodes to that key's value, not to the default.
  it.each(Object.keys(SHARE_KEYS) as (keyof ShareState)[])('carries %s through the link', (key) => {
    const changed: ShareState = { ...RICH, run: { paths: 321, seed: 99, estimator: 'importance' } };
    const state = { ...defaultShareState(), [key]: changed[key] };
    expect(state[key]).not.toStrictEqual(defaultShareState()[key]);
    const decoded = decodeShareState(encodeShareState(state));
    if (!decoded.ok) throw new Error(decoded.problems.join('\n'));
    expect(decoded.state[key]).toStrictEqual(changed[key]);
  });

  it('defaultShareState returns a fresh copy each time', () => {
    const a = defaultShareState();
    a.params.market.steps = 2;
    a.view.tab = 'learn';
    expect(defaultShareState().params.market.steps).not.toBe(2);
    expect(defaultShareState().view.tab).toBe('dashboard');
  });
});

describe('link format v1 is frozen', () => {
  // If this fails, the defaults changed further. v1 links still decode to what they meant (V1_BASE is frozen).
  // Do NOT edit V1_BASE once v1 links are shared; add a v2 (migrations.ts).
  it('its base differs from the pre-preset defaults only in the round-two liquidation fields', () => {
    const diff = diffJson(V1_BASE as Json, legacyDefaultShareState() as unknown as Json) as { params: { liquidation: Record<string, unknown> } };
    expect(Object.keys(diff)).toEqual(['params']);
    expect(Object.keys(diff.params)).toEqual(['liquidation']);
    expect(Object.keys(diff.params.liquidation).sort()).toEqual(['impact', 'markImpactWeight', 'maxNotionalPerStep', 'slice']);
  });

  it("today's defaults (the btc-binance preset) travel as a patch against the frozen base and come back exactly", () => {
    const state = defaultShareState();
    expect(state.params).toStrictEqual(presetParams(marketPreset('btc-binance')!));
    expect(decodeShareState(encodeShareState(state))).toStrictEqual({ ok: true, state, notes: [] });
  });

  it('reads the round-two fields a v1 link lacks at the values that keep its meaning', () => {
    expect(decodeShareState('v=1&s=q64FAA')).toStrictEqual({ ok: true, state: v1DefaultShareState(), notes: [] });
  });

  it('its base and dictionary are pinned', () => {
    expect(fnv1a(JSON.stringify(V1_BASE))).toBe('8ea9a113');
    expect(fnv1a(V1_DICTIONARY_TEXT)).toBe('0c893066');
  });

  it.each([
    ['the defaults', 'v=1&s=q64FAA', v1DefaultShareState()],
    ['mmr 0.03 and seed 7', 'v=1&s=Q86FiGSAJ7aNkVwLcaB5bS0A', v1DefaultShareState((s) => {
      s.params.margin.maintenanceMarginRatio = 0.03;
      s.run.seed = 7;
    })],
    ['a rich state', 'v=1&s=7ZY9DoAgDEZvhOLgRLiJC4mjs5N3twhif427zCUd-vU9iilU2CnKRqh4NxmocPFgbvRaxYgXLaRenRVS3CHaNQwpWvKBLLnB_OgdfHhUY3lZHpVteQK6D9WG11bgdmWDjoVzL4eC6FeKzAT2iyoG-YBYQpaJMmRZ1YcIj2xrN3s3-9_NTl39-SSEVMVRiAJwZPrtHoTAWnT3RTgDlCc', { ...RICH, params: withLegacyLiquidation(RICH.params), baseline: withLegacyLiquidation(RICH.baseline!) }],
  ])('a recorded link of %s still decodes to the same state', (_name, link, state) => {
    expect(decodeShareState(link)).toStrictEqual({ ok: true, state, notes: [] });
  });
});

describe('encodeShareState', () => {
  it('writes v=2&s=<base64url>&c=<checksum> with no padding', () => {
    expect(encodeShareState(RICH)).toMatch(/^v=2&s=[A-Za-z0-9_-]+&c=[0-9a-f]{12}$/);
  });

  it('is deterministic and does not change its input', () => {
    const before = structuredClone(RICH);
    expect(encodeShareState(RICH)).toBe(encodeShareState(structuredClone(RICH)));
    expect(RICH).toStrictEqual(before);
  });

  // The pre-preset defaults are a small patch against the frozen base (40 characters before round two); today's
  // defaults, the btc-binance preset, differ from it in most sections and cost a few hundred characters (a v3 with
  // the preset as its base would make them tiny again).
  it('encodes the pre-preset defaults in under 160 characters and the preset defaults in under 400', () => {
    expect(encodeShareState(legacyDefaultShareState()).length).toBeLessThan(160);
    expect(encodeShareState(defaultShareState()).length).toBeLessThan(400);
  });

  it.each<[string, (s: ShareState) => void]>([
    ['margin.maintenanceMarginRatio', (s) => { s.params.margin.maintenanceMarginRatio = 0.03; }],
    ['market.steps', (s) => { s.params.market.steps = 2880; }],
    ['insuranceFund.initial', (s) => { s.params.insuranceFund.initial = '1000000'; }],
    ['lossMechanism', (s) => { s.params.lossMechanism = withLossMechanismDefaults({ kind: 'adl', ranking: 'random' }); }],
    ['run.seed', (s) => { s.run.seed = 123_456_789; }],
    ['view.tab', (s) => { s.view.tab = 'learn'; }],
  ])('one changed field (%s) adds under 80 characters', (_field, edit) => {
    const base = encodeShareState(legacyDefaultShareState()).length;
    expect(encodeShareState(edited(edit)).length - base).toBeLessThan(80);
  });

  it('fits an explicit population of 1,000 accounts in a few tens of kB', () => {
    let x = 42;
    const next = (): number => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const state = edited((s) => {
      s.params.population = {
        kind: 'explicit',
        accounts: Array.from({ length: 1000 }, (_, i) => ({
          id: `acct-${i}`,
          side: next() < 0.5 ? 'long' : 'short',
          size: (next() * 100).toFixed(3),
          entryPrice: (95 + next() * 10).toFixed(2),
          collateral: (next() * 2000).toFixed(2),
        })),
      };
    });
    const link = encodeShareState(state);
    expect(link.length).toBeLessThan(40_000);
    expect(decodeShareState(link)).toStrictEqual({ ok: true, state, notes: [] });
  });
});

describe('decodeShareState', () => {
  it.each([
    ['an empty hash', ''],
    ['a lone #', '#'],
  ])('reads %s as the page defaults (rare-event mode on auto)', (_name, hash) => {
    expect(decodeShareState(hash)).toStrictEqual({ ok: true, state: freshPageState(), notes: [] });
  });

  it.each([
    ['the v1 defaults with a #', '#v=1&s=q64FAA'],
    ['the v1 defaults without a #', 'v=1&s=q64FAA'],
    ['a trailing &', 'v=1&s=q64FAA&'],
  ])('reads %s as the v1 defaults', (_name, hash) => {
    expect(decodeShareState(hash)).toStrictEqual({ ok: true, state: v1DefaultShareState(), notes: [] });
  });

  it('round-trips a state that uses every part of the link', () => {
    expect(decodeShareState(`#${encodeShareState(RICH)}`)).toStrictEqual({ ok: true, state: RICH, notes: [] });
  });

  it('keeps markup in account ids as text, unchanged', () => {
    const result = decodeShareState(encodeShareState(RICH));
    expect(result.ok && result.state.params.population.kind === 'explicit' && result.state.params.population.accounts[0]?.id).toBe('<b>whale</b>');
  });

  it('returns objects the caller owns (editing them changes no later decode)', () => {
    const first = decodeShareState('v=1&s=q64FAA');
    first.state.params.market.steps = 2;
    first.state.view.tab = 'learn';
    expect(decodeShareState('v=1&s=q64FAA').state).toStrictEqual(v1DefaultShareState());
  });
});
