import { describe, expect, it } from 'vitest';
import type { CompareProgress } from '../../engine/planner/index';
import { lastProbeSentence, progressSentence, timeLeftMs } from './compareProgressText';

const at = (probesDone: number, probesLeft: number, stage: CompareProgress['stage'] = 'fund', value: number | null = 500_000): CompareProgress => ({
  stage,
  probesDone,
  probesLeft,
  pathsSimulated: 1000 * probesDone,
  last: { value, pSocialized: 0.031, passes: false, paths: 1000 },
});

describe('timeLeftMs', () => {
  it('is the mean time per probe so far times the probes left, counting down between probes', () => {
    expect(timeLeftMs(at(4, 6), 8000, 8000)).toBe(12_000); // 2 s a probe, 6 left
    expect(timeLeftMs(at(4, 6), 8000, 11_000)).toBe(9000);
    expect(timeLeftMs(at(4, 6), 8000, 30_000)).toBe(0); // late: never negative
    expect(timeLeftMs(at(0, 20), 0, 500)).toBeNull();
  });
});

describe('progress sentences', () => {
  it('say the probes done and left and the time to go, in words without engine field names', () => {
    expect(progressSentence(at(4, 6), 8000, 8000)).toBe('4 probes done, about 6 left · about 12 s to go (8.00 s so far)');
    expect(progressSentence(at(1, 0), 1000, 1200)).toBe('1 probe done, about 0 left · finishing (1.20 s so far)');
    const fund = lastProbeSentence(at(3, 5));
    expect(fund).toBe('Starting insurance fund: 500,000 quote gives P(socialized) = 3.1 % on 1,000 paths — does not meet the target.');
    expect(lastProbeSentence(at(3, 5, 'combination', 0.5))).toMatch(/^Combination: 50(\.0+)? % of the way to each lever’s own answer gives/);
    expect(lastProbeSentence(at(3, 5, 'throughput', null))).toMatch(/^Liquidation throughput: unlimited gives/);
    expect(fund).not.toMatch(/insuranceFund|λ/);
  });
});
