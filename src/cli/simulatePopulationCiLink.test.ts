// `simulate --link` honours the link's run.populationCi as `report --link` does: a link made with the page's
// population interval on prints the same labelled fields `--population-ci` adds (pSocializedPopulationCI,
// pSocializedPopulation, and the "paths + population" line of the text output) with the same numbers; a link
// without the field (every older link) prints neither.
import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../engine/params/defaults';
import type { PopulationInterval } from '../engine/metrics/populationInterval';
import { encodeShareState } from '../share/codec';
import { defaultShareState } from '../share/shareState';
import { jsonOf, scratchFolder, spawnCli, type CliRun } from './cliTestSupport';

const simulate = (args: string[]) => spawnCli('simulate', args);

/** The pre-preset defaults on a small book: some paths socialize (pooled 17.5 % at seed 5), so the interval is not [0, x]. */
function smallParams() {
  const params = legacyDefaultParams();
  if (params.population.kind === 'generated') params.population.accounts = 300;
  return params;
}

function linkOf(populationCi: boolean): string {
  const state = defaultShareState();
  state.params = smallParams();
  state.run = { paths: 40, seed: 5, ...(populationCi ? { populationCi: true as const } : {}) };
  return `http://localhost/#${encodeShareState(state)}`;
}

const json = (run: CliRun) => jsonOf(run);

describe('simulate --link with run.populationCi', () => {
  const file = scratchFolder('popci-link').write('params.json', smallParams());
  const withInterval = json(simulate(['--params', file, '--paths', '40', '--seed', '5', '--population-ci', '--json']));
  const plain = json(simulate(['--params', file, '--paths', '40', '--seed', '5', '--json']));

  it('a link with the interval on prints what --population-ci prints for the same file, seed and paths', () => {
    const population = withInterval.pSocializedPopulation as PopulationInterval;
    expect(population.populations).toBe(10);
    expect(population.pSocialized).toBeGreaterThan(0);
    expect(withInterval.pSocializedPopulationCI).toEqual(population.interval);
    expect(json(simulate(['--link', linkOf(true), '--json']))).toEqual(withInterval);
  }, 300_000);

  it('the text output carries the labelled "paths + population" line', () => {
    const population = withInterval.pSocializedPopulation as PopulationInterval;
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    const table = simulate(['--link', linkOf(true)]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(
      `P(socialized), paths + population  95 % CI ${pct(population.interval[0])} – ${pct(population.interval[1])} (batch means over 10 populations × 4 paths, pooled ${pct(population.pSocialized)})`,
    );
  }, 300_000);

  it('a link without the field prints the plain fields only; --population-ci adds the interval to it', () => {
    const off = json(simulate(['--link', linkOf(false), '--json']));
    expect(off).toEqual(plain);
    expect(Object.hasOwn(off, 'pSocializedPopulationCI')).toBe(false);
    expect(json(simulate(['--link', linkOf(false), '--population-ci', '--json']))).toEqual(withInterval);
  }, 300_000);
});
