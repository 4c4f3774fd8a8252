// `npm run report` and `simulate --link` as a delegate runs them (tsx, real processes): the post's numbers are
// `simulate --json`'s, its tables are GitHub-flavoured Markdown, its link reproduces the proposal, bad input is
// refused with a message that says why.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskParams } from '../engine/params/riskParams';
import type { ForumPost } from '../report/forumPost';
import { parseMarkdownTable } from '../report/markdownTable';
import { V1_DICTIONARY_TEXT } from '../share/linkFormatV1';
import { scratchFolder, spawnCli } from './cliTestSupport';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../engine/params/defaults';

const scratch = scratchFolder('report');
const PATHS = '40';
const SEED = '7';

const cli = spawnCli;
const file = (name: string, params: RiskParams) => scratch.write(name, params);

/** Every field the tables below name is set here, so the test keeps its meaning when the defaults change. */
function small(): RiskParams {
  const p = legacyDefaultParams();
  if (p.population.kind === 'generated') p.population.accounts = 400;
  p.margin = { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] };
  p.insuranceFund.initial = '250000';
  return p;
}

const baseline = small();
const proposal = small();
proposal.margin.maintenanceMarginRatio = 0.08;
proposal.insuranceFund.initial = '300000';

type Stats = { mean: number; var99: number; es99: number };
type Sim = Record<string, unknown> & { pSocialized: number; liquidations: number; fundDepletedShare: number; runId: string } & Record<'socializedLoss' | 'badDebt' | 'fundDraw', Stats>;

let A: string;
let B: string;
let post: ForumPost;
let markdown: string;
let simA: Sim;
let simB: Sim;

beforeAll(() => {
  A = file('a.json', baseline);
  B = file('b.json', proposal);
  const json = cli('report', ['--baseline', A, '--proposal', B, '--paths', PATHS, '--seed', SEED, '--format', 'json']);
  expect(json.stderr).toBe('');
  post = JSON.parse(json.stdout) as ForumPost;
  markdown = cli('report', ['--baseline', A, '--proposal', B, '--paths', PATHS, '--seed', SEED]).stdout;
  simA = JSON.parse(cli('simulate', ['--params', A, '--paths', PATHS, '--seed', SEED, '--json']).stdout) as Sim;
  simB = JSON.parse(cli('simulate', ['--params', B, '--paths', PATHS, '--seed', SEED, '--json']).stdout) as Sim;
}, 240_000);

describe('npm run report', () => {
  it("every number in the post equals simulate --json's for its side, on the same paths and seed", () => {
    const metric = (key: string) => post.metrics.find((m) => m.key === key)!;
    const pairs: [string, (s: Sim) => number][] = [
      ['pSocialized', (s) => s.pSocialized],
      ['fundDepleted', (s) => s.fundDepletedShare],
      ['liquidations', (s) => s.liquidations],
    ];
    for (const key of ['socializedLoss', 'badDebt', 'fundDraw'] as const) {
      for (const stat of ['mean', 'var99', 'es99'] as const) pairs.push([`${key}.${stat}`, (s) => s[key][stat]]);
    }
    for (const [key, pick] of pairs) {
      expect(metric(key).current, key).toBe(pick(simA));
      expect(metric(key).proposed, key).toBe(pick(simB));
    }
    expect(post.reproducibility.baselineRunId).toBe(simA.runId);
    expect(post.reproducibility.proposalRunId).toBe(simB.runId);
    expect(post.run).toEqual({ paths: 40, seed: 7 });
    // A money metric's interval brackets its change, and the change is proposed − current.
    const social = metric('socializedLoss.mean');
    expect(social.interval![0]).toBeLessThanOrEqual(social.change);
    expect(social.interval![1]).toBeGreaterThanOrEqual(social.change);
    expect(social.change).toBeCloseTo(simB.socializedLoss.mean - simA.socializedLoss.mean, 6);
  });

  it('every change in the results table has its 95 % interval: VaR, ES and the yearly P by the paired bootstrap', () => {
    for (const m of post.metrics) {
      expect(m.interval, m.key).not.toBeNull();
      expect(m.interval![0], m.key).toBeLessThanOrEqual(m.interval![1]);
      expect(m.text.change, m.key).not.toContain('—');
      expect(m.change, m.key).toBeCloseTo(m.proposed - m.current, 6);
    }
    for (const key of ['socializedLoss', 'badDebt', 'fundDraw'] as const) {
      for (const stat of ['var99', 'es99'] as const) expect(post.metrics.find((m) => m.key === `${key}.${stat}`)!.interval, `${key}.${stat}`).not.toBeNull();
    }
    expect(post.metrics.map((m) => m.key)).toContain('pSocializedPerYear');
    expect(post.metrics.map((m) => m.key)).toContain('openDeficit.mean');
    expect(markdown).not.toContain('(—)');
    expect(post.assumptions.join('\n')).toContain('paired percentile Poisson bootstrap over path indices');
  });

  it('renders both tables as GitHub-flavoured Markdown with the issue’s columns, listing only what changed', () => {
    const tables = markdown.split('\n\n').filter((block) => block.startsWith('| '));
    expect(tables).toHaveLength(2);
    const params = parseMarkdownTable(tables[0]!);
    expect(params.header.slice(0, 3)).toEqual(['Parameter', 'Current', 'Proposed']);
    expect(params.rows).toEqual([
      ['Margin: maintenance margin (%)', '5 %', '8 %', 'outside: full vote'],
      ['Insurance fund: starting balance (quote)', '250,000', '300,000', 'within'],
    ]);
    const metrics = parseMarkdownTable(tables[1]!);
    expect(metrics.header).toEqual(['Metric', 'Current', 'Proposed', 'Change (95 % interval)']);
    expect(metrics.align).toEqual(['left', 'right', 'right', 'right']);
    expect(metrics.rows).toHaveLength(post.metrics.length);
    expect(metrics.rows.map((r) => r[0])).toEqual(post.metrics.map((m) => m.metric));
    expect(metrics.rows[0]![0]).toBe('P(socialized loss > 0) over one day');
    expect(markdown).toMatch(/^# Proposal: change 2 parameters of the simulated market\n/);
    expect(markdown).toContain('## Results (per path of one day, 40 paths, seed 7)');
    expect(markdown).toContain('[docs/model.md](docs/model.md)');
    expect(markdown).toContain('[docs/assumptions.md](docs/assumptions.md)');
    expect(markdown).toContain(`Engine version: ${post.reproducibility.engineVersion}`);
    expect(markdown).toContain(post.reproducibility.command);
    expect(markdown).toContain('`margin.maintenanceMarginRatio`: moves 0.03, limit 0.02 absolute: needs a full vote');
  });

  it("the post's link reproduces the proposal through simulate --link, and the whole post through report --link", () => {
    const viaLink = cli('simulate', ['--link', post.reproducibility.link, '--json']);
    expect(viaLink.stderr).toBe('');
    expect(JSON.parse(viaLink.stdout)).toEqual(simB);
    const table = cli('simulate', ['--link', post.reproducibility.link]);
    expect(table.stdout).toContain(`run id                  ${simB.runId}`);
    const again = cli('report', ['--link', post.reproducibility.link, '--format', 'json']);
    expect(JSON.parse(again.stdout)).toEqual(post);
  });

  it('--out writes the post, its data and every chart it references', () => {
    const out = join(scratch.dir, 'out');
    const r = cli('report', ['--baseline', A, '--proposal', B, '--paths', '20', '--out', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('post.md');
    expect(files).toContain('post.json');
    const md = readFileSync(join(out, 'post.md'), 'utf8');
    const referenced = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(referenced.length).toBe(4);
    for (const name of referenced) {
      expect(files).toContain(name);
      expect(readFileSync(join(out, name), 'utf8')).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\n$/);
    }
  });
});

const dictionary = new TextEncoder().encode(V1_DICTIONARY_TEXT);
const rawFragment = (patch: unknown, version = '1') =>
  `#v=${version}&s=${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(patch)), { level: 9, dictionary })).toString('base64url')}`;

describe('bad input is refused with a clear message', () => {
  it('a link from an older link format', () => {
    const r = cli('simulate', ['--link', `http://localhost:5173/${rawFragment({}, '0')}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--link: this link's version \(v=0\) is not one this build can read/);
  });

  it('a link posted by an older engine', () => {
    const old = post.reproducibility.link.replace(/engine=[^&#]+/, 'engine=0.1.0');
    for (const script of ['simulate', 'report']) {
      const r = cli(script, ['--link', old]);
      expect(r.code, script).toBe(1);
      expect(r.stderr, script).toMatch(/made by Haircut engine 0\.1\.0, and this build is engine \d/);
    }
  });

  it('a link whose run id does not match its state', () => {
    const edited = post.reproducibility.link.replace(/run=[0-9a-f]+/, `run=${'0'.repeat(64)}`);
    const r = cli('simulate', ['--link', edited]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the link says run=0000');
  });

  it('a link whose parameters are out of range names the field', () => {
    const r = cli('simulate', ['--link', `http://localhost:5173/${rawFragment({ params: { margin: { maintenanceMarginRatio: 5 } } })}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('margin.maintenanceMarginRatio');
  });

  it('a baseline and a proposal for different markets: paired intervals need the same paths', () => {
    const other = small();
    other.market.initialPrice = '120';
    if (other.scenario.kind === 'jump') other.scenario.volAnnual = 1.2;
    const r = cli('report', ['--baseline', A, '--proposal', file('other.json', other), '--paths', '10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('simulate different markets (market.initialPrice, scenario.volAnnual differ): paired intervals need the same price paths');
  });

  it('report --link without a pinned baseline, bad flags, bad bounds files', () => {
    const noBaseline = cli('report', ['--link', `http://localhost:5173/${rawFragment({})}`]);
    expect(noBaseline.code).toBe(1);
    expect(noBaseline.stderr).toContain('the link has no baseline pinned');
    expect(cli('report', ['--baseline', A]).stderr).toContain('--baseline A.json and --proposal B.json are required');
    expect(cli('report', ['--baseline', A, '--proposal', B, '--format', 'pdf']).stderr).toContain('--format must be md or json');
    expect(cli('simulate', ['--link', post.reproducibility.link, '--seed', '3']).stderr).toContain('--link carries its own --paths and --seed');
    const bounds = scratch.write('bounds.json', { version: 1, name: 'x', minDelayDays: 3, limits: { 'margin.maintenanceMarginRatio': { maxAbsoluteChange: -1, source: 's' } } });
    const bad = cli('report', ['--baseline', A, '--proposal', B, '--paths', '5', '--bounds', bounds]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('limits.margin.maintenanceMarginRatio.maxAbsoluteChange: must be a number ≥ 0, got -1');
  });
});
