// The shipped ADL data file (public/data/chitra-adl/) and what the report makes of it. This test lives with the
// Node host because it reads files; the parser and the report (src/engine/reports) stay pure.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADL_OVERSHOOT_ESTIMATES, adlPolicyComparison, PUBLISHED_FULL_SIZE_QUEUE } from '../engine/reports/adlPolicies';
import { adlWaveReport, parseAdlWaves } from '../engine/reports/adlWaves';

const dir = fileURLToPath(new URL('../../public/data/chitra-adl/', import.meta.url));
const bytes = readFileSync(`${dir}policy_per_wave_metrics.csv`);

/** The SOURCES.csv row of a file: repository path, commit and hashes as published. */
function sourceRow(localFile: string): Record<string, string> {
  const [header, ...rows] = readFileSync(`${dir}SOURCES.csv`, 'utf8').trim().split('\n');
  const names = header!.split(',');
  const row = rows.map((r) => r.split(',')).find((cells) => cells[0] === localFile);
  if (!row) throw new Error(`SOURCES.csv has no row for ${localFile}`);
  return Object.fromEntries(names.map((n, i) => [n, row[i]!]));
}

/** $X.XXM, the precision the totals are published at. */
const millions = (x: number) => (x / 1e6).toFixed(2);

describe('policy_per_wave_metrics.csv', () => {
  it('is byte for byte the published file (sha256, size and git blob as in SOURCES.csv)', () => {
    const source = sourceRow('public/data/chitra-adl/policy_per_wave_metrics.csv');
    expect(source.repo).toBe('pluriholonomic/autodeleveraging-analysis');
    expect(source.commit).toBe('aae0be8600e6362c1f2f73a0a345ad2237800e32');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(source.sha256);
    expect(bytes.length).toBe(Number(source.bytes));
    const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    expect(blob).toBe(source.git_blob_sha1);
  });

  it('reproduces the published totals: needed ≈ $15.08M, production ≈ $60.11M, overshoot ≈ $45.03M', () => {
    const parsed = parseAdlWaves(bytes.toString('utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { totals, waves } = adlWaveReport(parsed.waves);
    expect(totals.waves).toBe(16);
    expect(waves.map((w) => w.wave)).toEqual([1, 2, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 17, 21, 25, 28]);
    expect(millions(totals.needed)).toBe('15.08');
    expect(millions(totals.production)).toBe('60.11');
    expect(millions(totals.overshootProduction)).toBe('45.03');
    // headlines.json of the same commit: prod_overshoot_vs_needed_usd = 45028665.7191367, to the cent.
    expect(totals.overshootProduction).toBeCloseTo(45028665.7191367, 2);
    // Pro-rata takes exactly what is needed (up to the file's float noise), and production hit some winner's whole equity.
    expect(Math.abs(totals.overshootProRata)).toBeLessThan(1e-6);
    expect(totals.maxHaircutProduction).toBe(1);
    expect(totals.maxHaircutProRata).toBeLessThan(0.2);
    // Our overshoot (budget − needed) agrees with the published column, wave by wave.
    waves.forEach((w, i) => expect(w.overshootProduction).toBeCloseTo(parsed.waves[i]!.overshootProductionPublished, 4));
  });
});

describe('the published estimates and the policy comparison on the shipped files', () => {
  it.each(['headlines.json', 'summary_totals.csv', 'overshoot_robustness.json'])('%s is byte for byte the published file', (name) => {
    const source = sourceRow(`public/data/chitra-adl/${name}`);
    const file = readFileSync(`${dir}${name}`);
    expect(source.commit).toBe('aae0be8600e6362c1f2f73a0a345ad2237800e32');
    expect(createHash('sha256').update(file).digest('hex')).toBe(source.sha256);
  });

  it('the estimates quote the files: $653.6M full-size queue, $45.03M–$51.7M fill-level band', () => {
    const headlines = JSON.parse(readFileSync(`${dir}headlines.json`, 'utf8')) as { headline: Record<string, number> };
    const robustness = JSON.parse(readFileSync(`${dir}overshoot_robustness.json`, 'utf8')) as Record<string, number>;
    const [header, queue] = readFileSync(`${dir}summary_totals.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));
    const summary = Object.fromEntries(header!.map((h, i) => [h, queue![i]!]));
    const byId = Object.fromEntries(ADL_OVERSHOOT_ESTIMATES.map((e) => [e.id, e]));
    expect(summary.policy).toBe('queue');
    expect(PUBLISHED_FULL_SIZE_QUEUE).toEqual({ overshoot: Number(summary.total_overshoot), residual: Number(summary.total_residual) });
    expect(byId['chitra-v2-queue']!.low).toBe(headlines.headline.queue_total_overshoot_usd);
    expect(byId['chitra-v3-fills']!.low).toBe(headlines.headline.prod_overshoot_vs_needed_usd);
    expect(byId['chitra-v3-fills']!.high).toBe(robustness.O_max_band);
    expect(byId['online-learning']!.high).toBe(robustness.O_max_band);
  });

  it('the pro-rata share needed / total_cap is the published max_pct_pr in 11 of 16 waves (never below it); overshoots per policy', () => {
    const parsed = parseAdlWaves(bytes.toString('utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const equal: number[] = [];
    for (const w of parsed.waves) {
      const proRata = adlPolicyComparison(parsed.waves, w.wave).results.find((r) => r.policy === 'pro-rata')!;
      const ratio = proRata.maxWinnerHaircut! / w.maxHaircutProRata;
      expect(ratio).toBeGreaterThan(1 - 1e-9);
      if (Math.abs(ratio - 1) < 1e-9) equal.push(w.wave);
    }
    // Waves 9, 11, 21, 25 and 28: the authors' largest pro-rata haircut is smaller than the uniform share (their
    // per-winner rule is not recoverable from aggregates); the report says the share is our computation.
    expect(equal).toEqual([1, 2, 4, 5, 7, 8, 10, 12, 13, 14, 17]);
    const all = adlPolicyComparison(parsed.waves, 'all').results;
    expect(all.map((r) => [r.policy, r.overshoot === null ? null : Number(millions(r.overshoot)) + 0])).toEqual([
      ['queue-needed', 0],
      ['pro-rata', 0],
      ['full-size', 653.55],
      ['production', 45.03],
    ]);
  });
});
