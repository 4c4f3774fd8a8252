import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../engine/params/defaults';
import type { RiskParams } from '../../engine/params/riskParams';
import { marginAxisNote, marginValueNote } from './populationNote';

function withMargin(initial: number, maintenance: number): RiskParams {
  const p = defaultParams();
  return { ...p, margin: { ...p.margin, initialMarginRatio: initial, maintenanceMarginRatio: maintenance, tiers: [] } };
}

describe('marginValueNote', () => {
  it('says nothing while maintenance stays below initial margin: that lever moves only itself', () => {
    expect(marginValueNote(withMargin(0.1, 0.05), 0.06)).toBeNull();
    expect(marginValueNote(withMargin(0.1, 0.05), 0.0999)).toBeNull();
  });
  it('names the initial margin it forces and the rebuilt traders’ leverage cap in the same sentence', () => {
    const note = marginValueNote(withMargin(0.1, 0.05), 0.11);
    expect(note).toMatch(/^initial margin moves to 22(\.0)? % with it, so the simulated traders are rebuilt at ≤ 4\.5× leverage \(today 10\.0×\)$/);
  });
});

describe('marginAxisNote', () => {
  it('warns only for a maintenance-margin axis that reaches today’s initial margin', () => {
    const p = withMargin(0.1, 0.05);
    expect(marginAxisNote(p, 'margin.maintenanceMarginRatio', 0.03, 0.06)).toBeNull();
    expect(marginAxisNote(p, 'insuranceFund.initial', 0, 1e6)).toBeNull();
    expect(marginAxisNote(p, 'margin.maintenanceMarginRatio', 0.03, 0.12)).toMatch(/at or above today’s initial margin \(10(\.0)? %\).*rebuild the simulated traders/);
  });
});
