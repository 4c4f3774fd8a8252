// `simulate --link` follows the link's rare-event mode (run.estimator), so the report's command reproduces what
// the page showed: the plain numbers (unchanged fields) plus `rareEvent`, whose summary is exactly what
// `--estimator importance` prints. A link without the field (every older link) stays plain; --estimator overrides.
import { describe, expect, it } from 'vitest';
import { RARE_EVENT_THRESHOLD } from '../engine/importance/rareEventChoice';
import { defaultParams } from '../engine/params/defaults';
import type { EstimatorMode } from '../engine/importance/rareEventChoice';
import { encodeShareState } from '../share/codec';
import { defaultShareState } from '../share/shareState';
import { jsonOf, scratchFolder, spawnCli, type CliRun } from './cliTestSupport';

const simulate = (args: string[]) => spawnCli('simulate', args);

/** A small calm market (300 accounts, 2 hours, narrow jumps): plain sampling sees few socialized paths. */
function calmParams() {
  const params = defaultParams();
  params.market.steps = 120;
  if (params.population.kind === 'generated') params.population.accounts = 300;
  params.scenario = { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 365, jumpMean: 0, jumpStdev: 0.03 };
  return params;
}

function linkOf(estimator: EstimatorMode | null): string {
  const state = defaultShareState();
  state.params = calmParams();
  state.run = { paths: 150, seed: 3, ...(estimator ? { estimator } : {}) };
  return `http://localhost/#${encodeShareState(state)}`;
}

const json = (run: CliRun) => jsonOf(run);

describe('simulate --link with rare-event mode', () => {
  const file = scratchFolder('rare').write('params.json', calmParams());
  const byFile = json(simulate(['--params', file, '--paths', '150', '--seed', '3', '--estimator', 'importance', '--json']));
  const plainByFile = json(simulate(['--params', file, '--paths', '150', '--seed', '3', '--json']));

  const socialized = Math.round((plainByFile.pSocialized as number) * 150);
  const rareEvent = (mode: EstimatorMode, why: string) => ({ mode, estimator: 'importance', why, plainSocializedPaths: socialized, threshold: RARE_EVENT_THRESHOLD, note: null, summary: byFile });

  it("a link on 'importance' adds the summary --estimator importance prints, beside the plain numbers", () => {
    expect(json(simulate(['--link', linkOf('importance'), '--json']))).toEqual({ ...plainByFile, rareEvent: rareEvent('importance', 'chosen') });
  });

  it("a link on 'auto' importance-samples below the threshold, as the page does", () => {
    expect(socialized).toBeLessThan(RARE_EVENT_THRESHOLD);
    expect(json(simulate(['--link', linkOf('auto'), '--json']))).toEqual({ ...plainByFile, rareEvent: rareEvent('auto', 'few-events') });
    const table = simulate(['--link', linkOf('auto')]);
    expect(table.stdout).toContain(`Rare-event mode: ${socialized} of 150 plain paths socialized (fewer than ${RARE_EVENT_THRESHOLD}): importance-sampled P(socialized)`);
  });

  it('a link without the field stays plain, and --estimator plain overrides a link on auto', () => {
    expect(json(simulate(['--link', linkOf(null), '--json']))).toEqual(plainByFile);
    expect(json(simulate(['--link', linkOf('auto'), '--estimator', 'plain', '--json']))).toEqual(plainByFile);
  });
});
