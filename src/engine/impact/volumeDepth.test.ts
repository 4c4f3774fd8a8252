import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../params/defaults';
import type { RiskParams } from '../params/riskParams';
import { formatProblems, validateParams } from '../params/validateParams';
import { parseTape } from '../tape/parseTape';
import { tapeReplay, tapeVolumes } from '../tape/candleSteps';
import { medianVolume, volumeDepthFactor, volumeDepthFactors } from './volumeDepth';

describe('depth_t = depth × clamp((v_t / median v)^β, 0.1, 1), worked by hand', () => {
  it('takes the median of the middle value, or the mean of the middle two', () => {
    expect(medianVolume([5, 1, 3])).toBe(3);
    expect(medianVolume([4, 1, 3, 10])).toBe(3.5); // (3 + 4) / 2
    expect(medianVolume([0, 0, 7, 7])).toBe(3.5);
  });

  it('β 1: volume 2 of median 8 keeps a quarter; 0 hits the floor 0.1; 16 is capped at 1', () => {
    // volumes 0, 2, 8, 8, 16 → median 8
    expect(Array.from(volumeDepthFactors([0, 2, 8, 8, 16], 1))).toEqual([0.1, 0.25, 1, 1, 1]);
  });

  it('β 0.5: volume 2 of median 8 keeps √(1/4) = 0.5; β 2: (1/2)² = 0.25; 0.01 of the median at β 0.5 is 0.1', () => {
    expect(volumeDepthFactor(2, 8, 0.5)).toBe(0.5);
    expect(volumeDepthFactor(4, 8, 2)).toBe(0.25);
    expect(volumeDepthFactor(0.08, 8, 0.5)).toBeCloseTo(0.1, 15); // √0.01 = 0.1, on the floor
    expect(volumeDepthFactor(0.02, 8, 0.5)).toBe(0.1); // √0.0025 = 0.05 → floor
  });
});

describe('a tape’s volumes in the replay', () => {
  const csv = 'time,open,high,low,close,volume\n60,10,11,9,10.5,4\n120,10.5,10.6,10,10.1,0\n180,10.1,10.2,9.9,10,12\n';
  const tape = (() => {
    const parsed = parseTape(csv);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.tape;
  })();

  it('each candle gives its volume to its four sub-steps; off, the replay is what it was before volumes existed', () => {
    expect(tapeVolumes(tape)).toEqual([4, 4, 4, 4, 0, 0, 0, 0, 12, 12, 12, 12]);
    const off = tapeReplay(tape);
    expect('scenario' in off && Object.keys(off.scenario)).toEqual(['kind', 'prices', 'noiseVolAnnual']);
    const on = tapeReplay(tape, { volumes: true });
    expect('scenario' in on && on.scenario.volumes).toEqual([4, 4, 4, 4, 0, 0, 0, 0, 12, 12, 12, 12]);
  });

  it('asking for volumes of a tape without a volume column names the field', () => {
    const parsed = parseTape('time,open,high,low,close\n60,10,11,9,10.5\n120,10.5,10.6,10,10.1\n');
    if (!parsed.ok) throw new Error('unexpected');
    const replay = tapeReplay(parsed.tape, { volumes: true });
    expect('problem' in replay && replay.problem).toContain('the tape has no volume column');
    expect('problem' in replay && replay.problem).toContain('liquidation.impact.volumeExponent');
  });
});

describe('validation of scenario.volumes and liquidation.impact.volumeExponent', () => {
  function replayParams(volumes: unknown, exponent: unknown): unknown {
    const p = legacyDefaultParams() as RiskParams & Record<string, unknown>;
    const prices = ['100', '99', '98', '97'];
    return {
      ...p,
      market: { initialPrice: '100', steps: 4, stepSeconds: 15 },
      scenario: { kind: 'replay', prices, noiseVolAnnual: 0, ...(volumes === undefined ? {} : { volumes }) },
      liquidation: { ...p.liquidation, impact: { ...p.liquidation.impact, ...(exponent === undefined ? {} : { volumeExponent: exponent }) } },
    };
  }
  const problems = (doc: unknown) => {
    const r = validateParams(doc);
    return r.ok ? [] : r.problems.map((p) => formatProblems([p]));
  };

  it('old files without them stay without them (nothing is added)', () => {
    const r = validateParams(replayParams(undefined, undefined));
    if (!r.ok) throw new Error(formatProblems(r.problems));
    expect(Object.hasOwn(r.params.scenario, 'volumes')).toBe(false);
    expect(Object.hasOwn(r.params.liquidation.impact, 'volumeExponent')).toBe(false);
    const full = validateParams(legacyDefaultParams());
    expect(full.ok && Object.hasOwn(full.params.liquidation.impact, 'volumeExponent')).toBe(false);
  });

  it('accepts volumes with β and keeps them', () => {
    const r = validateParams(replayParams([1, 0, 2, 3], 1));
    if (!r.ok) throw new Error(formatProblems(r.problems));
    expect(r.params.scenario).toMatchObject({ volumes: [1, 0, 2, 3] });
    expect(r.params.liquidation.impact.volumeExponent).toBe(1);
  });

  it.each([
    [[1, 2, 3], 1, 'scenario.volumes: has 3 volumes but prices has 4; give one volume per price'],
    [[1, -2, 3, 4], 1, 'scenario.volumes[1]: must be at least 0, got -2'],
    [[0, 0, 0, 5], 1, 'scenario.volumes: has a median of 0'],
    [[1, 'x', 3, 4], 1, "scenario.volumes[1]: must be a number or a plain decimal string like '0.1', got 'x'"],
    [[1, 2, 3, 4], 0, 'liquidation.impact.volumeExponent: must be above 0, got 0'],
    [[1, 2, 3, 4], 2.5, 'liquidation.impact.volumeExponent: must be at most 2, got 2.5'],
  ])('refuses %j with β %s, naming the field', (volumes, exponent, message) => {
    expect(problems(replayParams(volumes, exponent)).join('\n')).toContain(message);
  });
});
