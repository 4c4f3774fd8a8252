// Each story must really happen: trace the preset's path with the engine and check the events that tell it.
import { describe, expect, it } from 'vitest';
import { tracePath, type PathEvent } from '../../engine/index';
import { validateParams } from '../../engine/params/validateParams';
import { decodeShareState, encodeShareState } from '../../share/codec';
import type { RiskParams } from '../../engine/params/riskParams';
import { adlOvershootOfEvents, describeEvent } from './eventText';
import { LEARN_PRESETS } from './presets';

const preset = (id: string) => LEARN_PRESETS.find((p) => p.id === id)!;
function trace(params: RiskParams) {
  const checked = validateParams(params);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return tracePath(checked.params, 1, 0);
}
const kinds = (events: PathEvent[]) => events.map((e) => e.kind);
const last = (a: Float64Array) => a[a.length - 1]!;

describe('learn presets', () => {
  it('are valid share states that survive their own link, on the learn tab', () => {
    for (const p of LEARN_PRESETS) {
      const decoded = decodeShareState(encodeShareState(p.state));
      expect(decoded.ok, p.id).toBe(true);
      expect(decoded.state.view.tab).toBe('learn');
      expect(decoded.state.params.population.kind).toBe('explicit');
      if (decoded.state.params.population.kind === 'explicit') expect(decoded.state.params.population.accounts.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('the fund absorbs it: a penalty fills the fund, then the fund pays the whole deficit, nothing socialized', () => {
    const t = trace(preset('fund-absorbs').state.params);
    expect(kinds(t.events)).toEqual(['liquidation', 'liquidation', 'deficit', 'fund-draw']);
    expect(t.events[0]).toMatchObject({ kind: 'liquidation' });
    expect((t.events[0] as Extract<PathEvent, { kind: 'liquidation' }>).penaltyToFundQuote).toBeGreaterThan(0);
    expect(last(t.cumBadDebtQuote)).toBeGreaterThan(0);
    expect(last(t.cumFundDrawQuote)).toBe(last(t.cumBadDebtQuote));
    expect(last(t.cumSocializedLossQuote)).toBe(0);
    expect(last(t.fundQuote)).toBeGreaterThan(0);
  });

  it('the fund runs dry: a fund draw empties the fund, then a haircut takes the rest', () => {
    const t = trace(preset('fund-runs-dry').state.params);
    const draw = t.events.findIndex((e) => e.kind === 'fund-draw');
    const haircut = t.events.findIndex((e) => e.kind === 'haircut');
    expect(draw).toBeGreaterThanOrEqual(0);
    expect(t.events[draw]).toMatchObject({ fundAfterQuote: 0 });
    expect(haircut).toBeGreaterThan(draw);
    expect(last(t.cumSocializedLossQuote)).toBeGreaterThan(0);
    expect(last(t.cumBadDebtQuote)).toBeCloseTo(last(t.cumFundDrawQuote) + last(t.cumSocializedLossQuote), 6);
    expect(describeEvent(t.events[haircut]!, t.ids)).toMatch(/socialized: haircut \d+\.\d% on 10 profitable accounts/);
  });

  it('the vault takes t1 over in the gap: no haircut, no ADL, the fund then the vault pay', () => {
    const t = trace(preset('vault-vs-haircut').state.params);
    const takeover = t.events.find((e) => e.kind === 'takeover');
    expect(takeover && t.ids[takeover.account]).toBe('t1');
    expect(kinds(t.events)).not.toContain('haircut');
    expect(last(t.cumSocializedLossQuote)).toBe(0);
    expect(last(t.cumVaultLossQuote)).toBeGreaterThan(0);
    expect(last(t.cumBadDebtQuote)).toBeCloseTo(last(t.cumFundDrawQuote) + last(t.cumVaultLossQuote), 6);
  });

  it('full ADL closes more of t11 than needed ADL, for the same money', () => {
    const full = trace(preset('adl-full-vs-needed').state.params);
    const needed = trace(preset('adl').state.params);
    const contracts = (events: typeof full.events) => events.filter((e) => e.kind === 'adl').reduce((sum, e) => sum + (e.kind === 'adl' ? e.contracts : 0), 0);
    expect(contracts(full.events)).toBeGreaterThan(contracts(needed.events));
    expect(last(full.cumSocializedLossQuote)).toBeCloseTo(last(needed.cumSocializedLossQuote), 6);
    // In money: the same deficit is covered, but full ADL closes out more of the winners' profit (the overshoot).
    const fullMoney = adlOvershootOfEvents(full.events)!;
    const neededMoney = adlOvershootOfEvents(needed.events)!;
    expect(fullMoney.coveredQuote).toBeCloseTo(neededMoney.coveredQuote, 6);
    expect(fullMoney.overshootQuote).toBeGreaterThan(neededMoney.overshootQuote);
    expect(fullMoney.profitClosedQuote).toBeCloseTo(fullMoney.coveredQuote + fullMoney.overshootQuote, 9);
  });

  it('ADL hits the most leveraged winner (t11, the 8× short) after the fund is empty', () => {
    const t = trace(preset('adl').state.params);
    const adl = t.events.filter((e) => e.kind === 'adl');
    expect(adl.length).toBeGreaterThan(0);
    expect(t.ids[adl[0]!.account]).toBe('t11');
    expect(kinds(t.events).indexOf('fund-draw')).toBeLessThan(kinds(t.events).indexOf('adl'));
    expect(describeEvent(adl[0]!, t.ids)).toMatch(/^ADL of account t11 at the bankruptcy price 90\.00: \d+\.\d\d contracts, loss \d+\.\d\d; profit closed out \d+\.\d\d/);
  });

  it('a thin book: one step holds a cascade of three or more liquidations, bad debt and a haircut', () => {
    const t = trace(preset('cascade').state.params);
    const liquidations = t.events.filter((e) => e.kind === 'liquidation');
    expect(liquidations.length).toBeGreaterThanOrEqual(3);
    expect(new Set(liquidations.map((e) => e.step)).size).toBe(1);
    // Each fill is below the last: the sales push the price down.
    for (let i = 1; i < liquidations.length; i++) expect(liquidations[i]!.fillPrice).toBeLessThan(liquidations[i - 1]!.fillPrice);
    expect(kinds(t.events)).toContain('haircut');
    // Without impact the same slide liquidates t2 only.
    const calm = preset('cascade').state.params;
    const noImpact = trace({ ...calm, liquidation: { ...calm.liquidation, impact: { ...calm.liquidation.impact, model: 'none' } } });
    expect(noImpact.events.filter((e) => e.kind === 'liquidation').map((e) => ('account' in e ? noImpact.ids[e.account] : ''))).toEqual(['t2']);
  });

  it('the cascade and index-vs-mark stories say as many liquidations as the engine makes on their path', () => {
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const count = trace(preset('cascade').state.params).events.filter((e) => e.kind === 'liquidation').length;
    expect(preset('cascade').story).toContain(`${words[count]} longs liquidated`);
    expect(preset('index-vs-mark').story).toContain(`One liquidation instead of ${words[count]}`);
  });

  it('index vs mark: the cascade of the baseline (weight 1) is one liquidation at weight 0, on the same path', () => {
    const p = preset('index-vs-mark').state;
    expect(p.baseline).toEqual(preset('cascade').state.params);
    expect(p.params.liquidation.markImpactWeight).toBe(0);
    const names = (t: ReturnType<typeof trace>) => t.events.filter((e) => e.kind === 'liquidation').map((e) => ('account' in e ? t.ids[e.account] : ''));
    const atIndex = trace(p.params);
    const atBook = trace(p.baseline!);
    expect(names(atBook).length).toBeGreaterThanOrEqual(3);
    expect(names(atIndex)).toEqual(['t2']);
    // t2's own sale still fills in the thin book (a small deficit the fund pays); nobody is haircut.
    expect(last(atIndex.cumBadDebtQuote)).toBeLessThan(last(atBook.cumBadDebtQuote) / 10);
    expect(last(atIndex.cumSocializedLossQuote)).toBe(0);
    expect(last(atBook.cumSocializedLossQuote)).toBeGreaterThan(0);
  });

  it('the proposal (higher maintenance margin) leaves no bad debt on the baseline’s path, which has a haircut', () => {
    const p = preset('larger-fund').state;
    expect(p.baseline).toEqual(preset('fund-runs-dry').state.params);
    const proposal = trace(p.params);
    const baseline = trace(p.baseline!);
    expect(last(baseline.cumSocializedLossQuote)).toBeGreaterThan(0);
    expect(last(proposal.cumBadDebtQuote)).toBe(0);
    expect(last(proposal.cumSocializedLossQuote)).toBe(0);
  });
});
