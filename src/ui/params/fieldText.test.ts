import { describe, expect, it } from 'vitest';
import { validateParams } from '../../engine/params/validateParams';
import { describeProblem, formatFieldValue, parseFieldText } from './fieldText';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../../engine/params/defaults';

describe('parseFieldText', () => {
  it.each([
    ['5', 'percent', 0.05],
    ['1.25', 'percent', 0.0125],
    [' 7 ', 'percent', 0.07],
    ['\u22125', 'number', -5],
    ['1e3', 'integer', 1000],
    ['250000.50', 'decimal', '250000.50'],
    ['abc', 'decimal', 'abc'],
  ] as const)('reads %j as a %s field into %j', (text, kind, value) => {
    expect(parseFieldText(text, kind)).toEqual({ value, problem: null });
  });

  it.each([
    ['abc', 'Enter a number.'],
    ['', 'Enter a number.'],
    ['0,5', 'Enter a number, with a dot for decimals and no thousands separators.'],
  ])('refuses %j with a message, keeping the text for the validator', (text, problem) => {
    expect(parseFieldText(text, 'percent')).toEqual({ value: text, problem });
  });

  it('shows ratios in percent without float noise', () => {
    expect(formatFieldValue(0.05, 'percent')).toBe('5');
    expect(formatFieldValue(0.07, 'percent')).toBe('7');
    expect(formatFieldValue(0.0125, 'percent')).toBe('1.25');
    expect(formatFieldValue('250000', 'decimal')).toBe('250000');
    expect(formatFieldValue(null, 'decimal')).toBe('');
  });
});

describe('describeProblem', () => {
  it('says a margin comparison in percent and in the form’s words', () => {
    const params = legacyDefaultParams();
    params.margin.maintenanceMarginRatio = 0.2;
    const result = validateParams(params);
    expect(result.ok).toBe(false);
    const problem = !result.ok ? result.problems[0]! : null;
    expect(problem?.field).toBe('margin.maintenanceMarginRatio');
    expect(describeProblem(problem!.message, 'percent')).toBe('Must be below the initial margin (10 %), got 20 %.');
  });

  it('names tiers by their number from 1', () => {
    expect(describeProblem('must be at least tiers[0].initialMarginRatio (0.1), got 0.05', 'percent')).toBe(
      'Must be at least tier 1 initial margin (10 %), got 5 %.',
    );
    expect(describeProblem('must be at least the base maintenanceMarginRatio (0.05), got 0.04', 'percent')).toBe(
      'Must be at least the base maintenance margin (5 %), got 4 %.',
    );
  });

  it('leaves quoted text and non-percent numbers alone', () => {
    expect(describeProblem("must be a non-negative decimal, got '-5'", 'decimal')).toBe("Must be a non-negative decimal, got '-5'.");
    expect(describeProblem('must be at most market.steps − 1 (1439), got 2000', 'integer')).toBe(
      'Must be at most the horizon − 1 (1439), got 2000.',
    );
    expect(describeProblem("must be at least initial (250000), got '100'", 'decimal')).toBe(
      "Must be at least the starting balance (250000), got '100'.",
    );
  });
});
