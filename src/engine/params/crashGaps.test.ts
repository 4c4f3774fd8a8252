import { describe, expect, it } from 'vitest';
import { crashPresetScenario } from '../scenario/crashPresets';
import { defaultParams } from './defaults';
import { validateParams } from './validateParams';

function withGaps(gaps: unknown) {
  return validateParams({ ...defaultParams(), scenario: { ...crashPresetScenario('oct-2025'), gaps } });
}

describe('crash gaps in a parameters file', () => {
  it('absent keeps the smooth shape (old files keep their meaning) and a valid list is kept as given', () => {
    // The oct-2025 preset now carries a stylized gap; a file without the field is the smooth shape.
    const { gaps: _presetGaps, ...smooth } = crashPresetScenario('oct-2025');
    expect(_presetGaps).toBeDefined();
    const old = validateParams({ ...defaultParams(), scenario: smooth });
    expect(old.ok && 'gaps' in old.params.scenario).toBe(false);
    const ok = withGaps([{ minute: 20, drop: 0.05 }]);
    expect(ok.ok && ok.params.scenario).toMatchObject({ gaps: [{ minute: 20, drop: 0.05 }] });
  });
  it.each([
    [[{ minute: 46, drop: 0.05 }], 'scenario.gaps[0].minute', 'must be at most crashMinutes (45), got 46'],
    [[{ minute: 1, drop: 0.1 }, { minute: 2, drop: 0.05 }], 'scenario.gaps', 'together drop the price by 0.1450, more than drawdown (0.12)'],
    [[{ minute: 1, drop: 1 }], 'scenario.gaps[0].drop', 'must be at most 0.9999, got 1'],
    [[{ minute: 1 }], 'scenario.gaps[0].drop', 'required'],
  ])('refuses %j naming the field', (gaps, field, message) => {
    const checked = withGaps(gaps);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems).toContainEqual({ field, message });
  });
});
