import { describe, expect, it } from 'vitest';
import { adlWaveReport, formatAdlProblems, parseAdlWaves, type AdlWave } from './adlWaves';

// The columns the report reads, in the published file's order, with one it does not read (t_end) in between.
const HEADER = 'wave,t_start,t_end,budget_needed,budget_prod,budget_pr,overshoot_prod,overshoot_pr,max_pct_prod,max_pct_pr';
// Waves 1 and 8 of policy_per_wave_metrics.csv, those columns only.
const WAVE_1 = '1,2025-10-10 21:16:04.831000+00:00,2025-10-10 21:16:04.831000+00:00,2266239.82024108,414233.9705960059,2266239.82024108,-1852005.8496450742,0.0,1.0,0.00867329682886033';
const WAVE_8 = '8,2025-10-10 21:18:27.044000+00:00,2025-10-10 21:18:27.044000+00:00,1576039.2185530025,11415047.961084992,1576039.2185530025,9839008.74253199,0.0,1.0,0.00288083884132218';
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

function waves(text: string): AdlWave[] {
  const r = parseAdlWaves(text);
  if (!r.ok) throw new Error(formatAdlProblems(r.problems));
  return r.waves;
}

/** The single problem's "line L, column C: message". */
function problem(text: string): string {
  const r = parseAdlWaves(text);
  if (r.ok) throw new Error('expected a problem');
  return formatAdlProblems(r.problems);
}

describe('parseAdlWaves', () => {
  it('reads the columns it needs, whatever else the header has', () => {
    expect(waves(csv(HEADER, WAVE_1, WAVE_8))).toEqual([
      {
        wave: 1,
        tStart: '2025-10-10 21:16:04.831000+00:00',
        tStartMs: Date.UTC(2025, 9, 10, 21, 16, 4, 831),
        budgetNeeded: 2266239.82024108,
        budgetProduction: 414233.9705960059,
        budgetProRata: 2266239.82024108,
        overshootProductionPublished: -1852005.8496450742,
        overshootProRataPublished: 0,
        maxHaircutProduction: 1,
        maxHaircutProRata: 0.00867329682886033,
        winnerCapacity: null,
      },
      expect.objectContaining({ wave: 8, tStartMs: Date.UTC(2025, 9, 10, 21, 18, 27, 44), budgetProduction: 11415047.961084992 }),
    ]);
  });

  it('accepts CRLF, a byte-order mark, exponents and empty lines at the end', () => {
    const text = `\ufeff${HEADER}\r\n${WAVE_1.replace(',0.0,1.0,', ',4.656612873077393e-10,1.0,')}\r\n\r\n\r\n`;
    expect(waves(text)).toHaveLength(1);
    expect(waves(text)[0]?.overshootProRataPublished).toBe(4.656612873077393e-10);
  });

  it.each([
    ['an empty file', '', 'line 1: empty file: expected a header row'],
    ['a header only', csv(HEADER), 'line 2: no waves: the header is not followed by any rows'],
    ['a missing column', csv(HEADER.replace(',budget_prod', ''), WAVE_1), 'line 1, column budget_prod: missing column in the header'],
    ['a repeated column', csv(`${HEADER},wave`, `${WAVE_1},1`), 'line 1, column wave: appears more than once in the header (columns 1 and 11)'],
    ['a short line', csv(HEADER, WAVE_1, '8,2025-10-10 21:18:27.044000+00:00,1'), 'line 3: has 3 fields, the header has 10'],
    ['a number that is not one', csv(HEADER, WAVE_1.replace('414233.9705960059', '414k')), "line 2, column budget_prod: must be a finite number, got '414k'"],
    ['a negative budget', csv(HEADER, WAVE_1.replace('414233.9705960059', '-1')), 'line 2, column budget_prod: must be at least 0, got -1'],
    ['a haircut share above 1', csv(HEADER, WAVE_1.replace(',1.0,0.00867', ',1.5,0.00867')), 'line 2, column max_pct_prod: must be a share from 0 to 1, got 1.5'],
    ['a bad timestamp', csv(HEADER, WAVE_1.replace('2025-10-10 21:16:04.831000+00:00,2025', '2025-10-32 21:16:04+00:00,2025')), "line 2, column t_start: must be a UTC timestamp like '2025-10-10 21:16:04.831000+00:00', got '2025-10-32 21:16:04+00:00'"],
    ['a wave out of order', csv(HEADER, WAVE_8, WAVE_1), 'line 3, column wave: must increase from line to line: wave 1 follows wave 8'],
    ['a wave that is not a whole number', csv(HEADER, WAVE_1.replace(/^1,/, '1.5,')), "line 2, column wave: must be a positive whole number, got '1.5'"],
    ['an empty line between rows', csv(HEADER, WAVE_1, '', WAVE_8), 'line 3: empty line (only empty lines at the end of the file are ignored)'],
    ['a quoted field', csv(HEADER, WAVE_1.replace('2266239.82024108,414', '"2266239.82024108",414')), 'line 2: quoted fields are not expected in this file'],
  ])('refuses %s, naming line and column', (_case, text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, 'x', ',,,', '\n\n', 'wave\n1'] as unknown[]) {
      expect(() => parseAdlWaves(input as string)).not.toThrow();
      expect(parseAdlWaves(input as string).ok).toBe(false);
    }
  });
});

describe('adlWaveReport', () => {
  it('computes overshoots as budget − needed and totals over waves', () => {
    const report = adlWaveReport(waves(csv(HEADER, WAVE_1, WAVE_8)));
    expect(report.waves.map((w) => [w.wave, w.overshootProduction, w.overshootProRata])).toEqual([
      [1, 414233.9705960059 - 2266239.82024108, 0],
      [8, 11415047.961084992 - 1576039.2185530025, 0],
    ]);
    expect(report.totals).toEqual({
      waves: 2,
      needed: 2266239.82024108 + 1576039.2185530025,
      production: 414233.9705960059 + 11415047.961084992,
      proRata: 2266239.82024108 + 1576039.2185530025,
      overshootProduction: 414233.9705960059 + 11415047.961084992 - (2266239.82024108 + 1576039.2185530025),
      overshootProRata: 0,
      maxHaircutProduction: 1,
      maxHaircutProRata: 0.00867329682886033,
    });
  });

  it('refuses no waves', () => {
    expect(() => adlWaveReport([])).toThrow(/no waves/);
  });
});
