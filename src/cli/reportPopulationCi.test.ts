// `npm run report -- --population-ci`: each side's P(socialized) interval that includes population resampling,
// printed under the results and labelled so; the same numbers `simulate --population-ci` gives for that side; and
// the post's link carries the choice, so `report --link` of it prints the interval again without the flag.
import { beforeAll, describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../engine/params/defaults';
import type { PopulationInterval } from '../engine/metrics/populationInterval';
import type { RiskParams } from '../engine/params/riskParams';
import type { ForumPost } from '../report/forumPost';
import { scratchFolder, spawnCli } from './cliTestSupport';

const scratch = scratchFolder('report-pop');

const cli = spawnCli;
const file = (name: string, params: RiskParams) => scratch.write(name, params);

/** The pre-preset defaults (they socialize on some paths), on a small book. */
function small(fund: string): RiskParams {
  const p = legacyDefaultParams();
  if (p.population.kind === 'generated') p.population.accounts = 300;
  p.insuranceFund.initial = fund;
  return p;
}

let A: string;
let B: string;
let post: ForumPost;
let markdown: string;

beforeAll(() => {
  A = file('a.json', small('100000'));
  B = file('b.json', small('400000'));
  const json = cli('report', ['--baseline', A, '--proposal', B, '--paths', '40', '--seed', '7', '--population-ci', '--format', 'json']);
  expect(json.code, json.stderr).toBe(0);
  post = JSON.parse(json.stdout) as ForumPost;
  const md = cli('report', ['--baseline', A, '--proposal', B, '--paths', '40', '--seed', '7', '--population-ci']);
  expect(md.code, md.stderr).toBe(0);
  markdown = md.stdout;
}, 300_000);

describe('report --population-ci', () => {
  it("prints each side's interval, labelled as including population resampling, equal to simulate --population-ci's", () => {
    const side = (f: string) => {
      const out = cli('simulate', ['--params', f, '--paths', '40', '--seed', '7', '--population-ci', '--json']);
      expect(out.code, out.stderr).toBe(0);
      return (JSON.parse(out.stdout) as { pSocializedPopulation: PopulationInterval }).pSocializedPopulation;
    };
    expect(post.populationIntervals?.current).toEqual(side(A));
    expect(post.populationIntervals?.proposed).toEqual(side(B));
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    const p = post.populationIntervals!.proposed!;
    expect(markdown).toContain('95 % interval including population resampling (batch means over 10 generated populations × 4 paths');
    expect(markdown).toContain(`proposed ${pct(p.interval[0])} – ${pct(p.interval[1])} (pooled ${pct(p.pSocialized)})`);
    expect(markdown).toContain("The table's intervals cover the price paths only");
  }, 300_000);

  it('without the flag there is no such line; the post link carries the choice and report --link repeats it', () => {
    const plain = cli('report', ['--baseline', A, '--proposal', B, '--paths', '40', '--seed', '7']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('including population resampling');
    const again = cli('report', ['--link', post.reproducibility.link, '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as ForumPost).populationIntervals).toEqual(post.populationIntervals);
  }, 300_000);
});
