// `simulate --estimator importance` end to end in Node: the flag, the added JSON fields, the refusal of a bad value.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../engine/params/defaults';
import { scratchFolder, spawnCli } from './cliTestSupport';

const simulate = (args: string[]) => spawnCli('simulate', args);

/** A small market (300 accounts, 2 hours), so the command runs in a second. */
function smallParamsFile(): string {
  const params = defaultParams();
  params.market.steps = 120;
  if (params.population.kind === 'generated') params.population.accounts = 300;
  return scratchFolder('is').write('params.json', params);
}

describe('simulate --estimator importance', () => {
  const file = smallParamsFile();

  it('prints the plain fields plus estimator and effectiveSampleSize', () => {
    const run = simulate(['--params', file, '--paths', '200', '--estimator', 'importance', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown> & { pSocializedCI: number[]; effectiveSampleSize: number; socializedLoss: Record<string, number> };
    expect(out.estimator).toBe('importance');
    expect(out.effectiveSampleSize).toBeGreaterThan(0);
    expect(out.effectiveSampleSize).toBeLessThanOrEqual(200);
    for (const key of ['pSocialized', 'pSocializedCI', 'badDebt', 'fundDraw', 'socializedLoss', 'vaultLoss', 'uncovered', 'liquidations', 'adlNotional', 'ledgerBalanced']) {
      expect(out, key).toHaveProperty(key);
    }
    expect(Object.keys(out.socializedLoss).sort()).toEqual(['es95', 'es99', 'max', 'mean', 'var95', 'var99']);
    expect(out.ledgerBalanced).toBe(true);
  });

  it('refuses an unknown estimator by name, exit code 2', () => {
    const run = simulate(['--params', file, '--estimator', 'magic']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--estimator must be 'plain', 'importance' or 'auto', got 'magic'");
    expect(run.stdout).toBe('');
  });
});
