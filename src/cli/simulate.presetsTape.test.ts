// The command line's round-two flags, run as a user runs them (tsx, a real process, real files).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKET_PRESETS } from '../engine/params/marketPresets';
import { defaultParams } from '../engine/params/defaults';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (args: string[]) => spawnSync(tsx, ['src/cli/simulate.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'haircut-15-'));

function smallParams(): string {
  const params = defaultParams();
  params.population = { ...params.population, accounts: 200 } as typeof params.population;
  const file = join(dir, 'params.json');
  writeFileSync(file, JSON.stringify(params));
  return file;
}

describe('simulate --presets / --defaults --preset', () => {
  it('--presets prints [{name, title, sources}] for every preset', () => {
    const listed = JSON.parse(execFileSync(tsx, ['src/cli/simulate.ts', '--presets'], { encoding: 'utf8' })) as Array<{ name: string; title: string; sources: string[] }>;
    expect(listed.map((p) => p.name)).toEqual(MARKET_PRESETS.map((p) => p.name));
    for (const p of listed) expect(p.sources.length).toBeGreaterThan(3);
  });
  it('--defaults --preset NAME prints that market file; an unknown name is refused with the list', () => {
    const out = run(['--defaults', '--preset', 'thin-alt-oct-2025']);
    expect(JSON.parse(out.stdout)).toEqual(MARKET_PRESETS[3]!.params);
    const bad = run(['--defaults', '--preset', 'doge']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("no market preset 'doge'; one of btc-binance, sol-hyperliquid, thin-alt, thin-alt-oct-2025");
    expect(run(['--preset', 'thin-alt']).stderr).toContain('--preset NAME goes with --defaults');
  });
});

describe('simulate --tape', () => {
  it('replays a candle file: the market starts at the first open and the run reports both intervals', () => {
    const tape = join(dir, 'tape.csv');
    const rows = Array.from({ length: 30 }, (_, i) => {
      const o = 100 - i;
      return `${1_760_130_000 + i * 60},${o},${o + 0.5},${o - 3},${o - 1}`;
    });
    writeFileSync(tape, `time,open,high,low,close\n${rows.join('\n')}\n`);
    const out = run(['--params', smallParams(), '--tape', tape, '--paths', '20', '--population-ci', '--json']);
    expect(out.status).toBe(0);
    expect(out.stderr).toContain('30 generic candles of 60 s → 120 steps of 15 s (open → low/high → close), starting at 100');
    const summary = JSON.parse(out.stdout) as { liquidations: number; pSocializedCI: number[]; pSocializedPopulationCI: number[]; pSocializedPopulation: { method: string; populations: number } };
    expect(summary.liquidations).toBeGreaterThan(0); // a 30 % slide with wicks liquidates
    expect(summary.pSocializedPopulationCI).toHaveLength(2);
    expect(summary.pSocializedPopulation).toMatchObject({ method: 'batch-means', populations: 10 });
  });
  it('a bad tape is refused with the row and column, and nothing on stdout', () => {
    const tape = join(dir, 'bad.csv');
    writeFileSync(tape, 'time,open,high,low,close\n60,1,1,1,1\n120,1,1,1,1\n120,1,1,1,1\n');
    const out = run(['--params', smallParams(), '--tape', tape]);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('row 4, column time: duplicate time 120');
  });
});
