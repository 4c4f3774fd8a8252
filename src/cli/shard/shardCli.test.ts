// The commands as a user runs them: simulate and sweep, unsharded and sharded + merged, byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stormyWorld } from '../../engine/planner/testing/worlds';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// The parts are written in a scratch directory, so tsx is named by path rather than resolved from there.
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'haircut-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli', script), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

writeFileSync(join(dir, 'p.json'), JSON.stringify(stormyWorld({ accounts: 40, steps: 30 })));
const run = ['--params', 'p.json', '--paths', '21', '--seed', '11'];
const grid = ['--param', 'insuranceFund.initial', '--from', '0', '--to', '4000', '--points', '3', '--param2', 'margin.maintenanceMarginRatio', '--from2', '0.02', '--to2', '0.06', '--points2', '2'];

describe('sharded commands, merged, print what the unsharded command prints', { timeout: 180_000 }, () => {
  it('simulate: --json and the table, parts merged in any order; shards keep stdout empty and report progress on stderr', () => {
    const whole = cli('simulate.ts', [...run, '--json']);
    expect(whole.status).toBe(0);
    expect(JSON.parse(whole.stdout).pSocialized).toBeGreaterThan(0);
    for (const i of [1, 2, 3]) {
      const shard = cli('simulate.ts', [...run, '--shard', `${i}/3`, '--out', `sim-${i}.json`]);
      expect(shard.status).toBe(0);
      expect(shard.stdout).toBe('');
      expect(shard.stderr).toMatch(new RegExp(`shard ${i}/3: 7/7 paths \\(100\\.0 %\\), .* paths/s, done in`));
      expect(shard.stderr).toMatch(new RegExp(`wrote sim-${i}\\.json: shard ${i}/3, paths \\[${(i - 1) * 7}, ${i * 7}\\) of 21`));
    }
    const merged = cli('merge.ts', ['sim-3.json', 'sim-1.json', 'sim-2.json', '--json']);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stderr).toBe('');
    expect(cli('merge.ts', ['sim-2.json', 'sim-3.json', 'sim-1.json']).stdout).toBe(cli('simulate.ts', run).stdout);
  });

  it('sweep (2-D, split by grid point): --json byte for byte', () => {
    const whole = cli('sweep.ts', [...run, ...grid, '--json']);
    expect(whole.status).toBe(0);
    for (const i of [1, 2, 3, 4]) expect(cli('sweep.ts', [...run, ...grid, '--shard', `${i}/4`, '--out', `sweep-${i}.json`]).status).toBe(0);
    const merged = cli('merge.ts', ['sweep-4.json', 'sweep-2.json', 'sweep-3.json', 'sweep-1.json', '--json']);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('merge refuses with exit status 1, the reasons on stderr and nothing on stdout', () => {
    for (const i of [1, 2]) cli('simulate.ts', [...run, '--shard', `${i}/3`, '--out', `r-${i}.json`]);
    const missing = cli('merge.ts', ['r-1.json', 'r-2.json', '--json']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/merge refused:\n {2}missing shard 3\/3/);
    writeFileSync(join(dir, 'r-3.json'), readFileSync(join(dir, 'r-2.json'), 'utf8').slice(0, 500));
    expect(cli('merge.ts', ['r-1.json', 'r-2.json', 'r-3.json']).stderr).toMatch(/r-3\.json: truncated or not JSON/);
    expect(cli('merge.ts', ['r-1.json', 'nowhere.json']).stderr).toMatch(/nowhere\.json: cannot read \(ENOENT\)/);
  });

  it('flags: --shard needs --out, --json belongs to merge, n may not exceed the paths, solve explains why it does not shard', () => {
    expect(cli('simulate.ts', [...run, '--shard', '1/2']).stderr).toMatch(/--shard i\/n needs --out PART\.json/);
    expect(cli('simulate.ts', [...run, '--shard', '1/2', '--out', 'x.json', '--json']).stderr).toMatch(/--json is for the merged result/);
    const tooMany = cli('simulate.ts', [...run, '--shard', '1/22', '--out', 'x.json']);
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toMatch(/cannot split 21 paths into 22 shards/);
    expect(cli('solve.ts', ['--params', 'p.json', '--lever', 'fund', '--target', '0.01', '--shard', '1/2', '--out', 'x.json']).stderr).toMatch(/solve is a sequential bisection/);
  });
});
