// The command line's round-two flags, run as a user runs them (tsx, a real process, real files).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKET_PRESETS } from '../engine/params/marketPresets';
import { defaultParams, legacyDefaultParams } from '../engine/params/defaults';
import { jsonOf, scratchFolder, spawnCli } from './cliTestSupport';

const run = (args: string[]) => spawnCli('simulate', args);
const { dir } = scratchFolder('15');

function smallParams(): string {
  const params = defaultParams();
  params.population = { ...params.population, accounts: 200 } as typeof params.population;
  const file = join(dir, 'params.json');
  writeFileSync(file, JSON.stringify(params));
  return file;
}

describe('simulate --presets / --defaults --preset', () => {
  it('--presets prints [{name, title, sources}] for every preset', () => {
    const listed = jsonOf<Array<{ name: string; title: string; sources: string[] }>>(run(['--presets']));
    expect(listed.map((p) => p.name)).toEqual(MARKET_PRESETS.map((p) => p.name));
    for (const p of listed) expect(p.sources.length).toBeGreaterThan(3);
  });
  it('--defaults --preset NAME prints that market file; an unknown name is refused with the list', () => {
    const out = run(['--defaults', '--preset', 'thin-alt-oct-2025']);
    expect(JSON.parse(out.stdout)).toEqual(MARKET_PRESETS[3]!.params);
    const bad = run(['--defaults', '--preset', 'doge']);
    expect(bad.code).toBe(2);
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
    expect(out.code).toBe(0);
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
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('row 4, column time: duplicate time 120');
  });
});

describe('simulate --tape with volume: the depth follows it when the file says so', () => {
  /** A 30-candle slide whose odd candles trade a tenth of the even ones' volume. */
  function volumeTape(withVolume: boolean): string {
    const tape = join(dir, withVolume ? 'volume.csv' : 'novolume.csv');
    const rows = Array.from({ length: 30 }, (_, i) => {
      const o = 100 - i;
      return `${1_760_130_000 + i * 60},${o},${o + 0.5},${o - 3},${o - 1}${withVolume ? `,${i % 2 === 0 ? 1000 : 100}` : ''}`;
    });
    writeFileSync(tape, `time,open,high,low,close${withVolume ? ',volume' : ''}\n${rows.join('\n')}\n`);
    return tape;
  }
  function legacyFile(volumeExponent: number | undefined): string {
    const params = legacyDefaultParams();
    params.population = { ...params.population, accounts: 300 } as typeof params.population;
    if (volumeExponent !== undefined) params.liquidation.impact.volumeExponent = volumeExponent;
    const file = join(dir, `legacy-${volumeExponent ?? 'off'}.json`);
    writeFileSync(file, JSON.stringify(params));
    return file;
  }

  it('β 1 in the file: the note says so, the numbers change; without the field the volume column changes nothing', () => {
    const summary = (args: string[]) => {
      const out = run([...args, '--paths', '20', '--json']);
      expect(out.code, out.stderr).toBe(0);
      return { stderr: out.stderr, json: JSON.parse(out.stdout) as { liquidations: number; badDebt: { mean: number }; liquidatedNotional: number } };
    };
    const off = summary(['--params', legacyFile(undefined), '--tape', volumeTape(true)]);
    const offNoColumn = summary(['--params', legacyFile(undefined), '--tape', volumeTape(false)]);
    const on = summary(['--params', legacyFile(1), '--tape', volumeTape(true)]);
    expect(offNoColumn.json.liquidations).toBe(off.json.liquidations);
    expect(offNoColumn.json.badDebt.mean).toBe(off.json.badDebt.mean);
    expect(on.stderr).toContain("book depth follows the candles' volume (β 1)");
    expect(off.stderr).not.toContain('book depth follows');
    expect([on.json.liquidations, on.json.badDebt.mean, on.json.liquidatedNotional]).not.toEqual([off.json.liquidations, off.json.badDebt.mean, off.json.liquidatedNotional]);
  });

  it('β in the file but no volume column: refused, naming the field', () => {
    const out = run(['--params', legacyFile(1), '--tape', volumeTape(false)]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('the tape has no volume column, so the book depth cannot follow volume (liquidation.impact.volumeExponent)');
  });
});
