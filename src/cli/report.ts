import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRuns, populationBatches, PricePathStore } from '../engine/index';
import type { RiskParams } from '../engine/params/riskParams';
import { formatProblems } from '../engine/params/validateParams';
import { buildForumPost, renderForumPostMarkdown, type ForumPost } from '../report/forumPost';
import { postLink } from '../report/postLink';
import { sameMarketProblems } from '../report/sameMarket';
import { DEFAULT_STEWARD_BOUNDS, parseStewardBounds, type StewardBounds } from '../report/stewardBounds';
import { postCharts } from '../report/svgCharts';
import { parseFlags, UsageError, runCli } from './args';
import { finiteJson } from './finiteJson';
import { readLinkInputs } from './linkInputs';
import { readRunInputs } from './readRunInputs';
import { runSide } from './runSide';

const USAGE = `usage: npm run report -- --baseline A.json --proposal B.json [--paths N] [--seed S] [--format md|json]
       npm run report -- --link 'URL'             the proposal and baseline a share link encodes
  options: --bounds FILE.json   risk-steward bounds (default: npm run report -- --print-bounds)
           --market NAME        the market's name in the title
           --site URL           the page the post's share link opens (default ${'http://localhost:5173/'})
           --docs-base URL      prefix of the docs links (default: relative, docs/model.md)
           --out DIR            write post.md, post.json and the charts (SVG) into DIR
           --population-ci      add each side's P(socialized) interval including population resampling (one
                                more run per side); a link made with the page's population interval on asks for it`;

const DEFAULT_SITE = 'http://localhost:5173/';

interface Sides {
  baseline: RiskParams;
  proposal: RiskParams;
  paths: number;
  seed: number;
  /** The link asked for the population interval (run.populationCi). */
  populationCi: boolean;
}

type Read = { ok: true; value: Sides } | { ok: false; code: number };

function fail(lines: string[], code = 1): { ok: false; code: number } {
  process.stderr.write(`${lines.join('\n')}\n`);
  return { ok: false, code };
}

function readSides(flags: { baseline?: string; proposal?: string; link?: string; paths?: string; seed?: string }): Read {
  if (flags.link !== undefined) {
    if (flags.baseline !== undefined || flags.proposal !== undefined) throw new UsageError('--link carries both sides; give no --baseline or --proposal');
    if (flags.paths !== undefined || flags.seed !== undefined) throw new UsageError('--link carries its own --paths and --seed; give neither');
    const read = readLinkInputs(flags.link);
    if (!read.ok) return fail(read.problems.map((p) => `--link: ${p}`));
    for (const note of read.notes) process.stderr.write(`note: ${note}\n`);
    if (read.baseline === null) return fail(['--link: the link has no baseline pinned; pin a baseline on the page (Pin as baseline) and copy the link again']);
    return { ok: true, value: { baseline: read.baseline, proposal: read.params, paths: read.paths, seed: read.seed, populationCi: read.populationCi } };
  }
  if (flags.baseline === undefined || flags.proposal === undefined) throw new UsageError('--baseline A.json and --proposal B.json are required (or --link URL)');
  const a = readRunInputs(flags.baseline, flags);
  if (!a.readable) return { ok: false, code: 2 };
  const b = readRunInputs(flags.proposal, flags);
  if (!b.readable) return { ok: false, code: 2 };
  const problems = [
    ...a.problems.map((p) => `${flags.baseline}: ${formatProblems([p])}`),
    // --paths and --seed problems come with both files: report them once.
    ...b.problems.filter((p) => !a.problems.some((q) => q.field === p.field && q.message === p.message)).map((p) => `${flags.proposal}: ${formatProblems([p])}`),
  ];
  if (a.params === null || b.params === null || problems.length > 0) return fail(problems);
  return { ok: true, value: { baseline: a.params, proposal: b.params, paths: a.paths, seed: a.seed, populationCi: false } };
}

function readBounds(file: string | undefined): StewardBounds | null {
  if (file === undefined) return DEFAULT_STEWARD_BOUNDS;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
    return null;
  }
  const parsed = parseStewardBounds(raw);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.problems.map((p) => `${file}: ${p}`).join('\n')}\n`);
    return null;
  }
  return parsed.bounds;
}

/**
 * The governance forum post (issue 16) from the command line: both sides on the same paths and seed, the paired
 * comparison, the risk-steward check. Markdown by default, the same content as data with --format json.
 */
function main(argv: string[]): number {
  const flags = parseFlags(argv, {
    baseline: 'string',
    proposal: 'string',
    link: 'string',
    paths: 'string',
    seed: 'string',
    format: 'string',
    bounds: 'string',
    market: 'string',
    site: 'string',
    'docs-base': 'string',
    out: 'string',
    'print-bounds': 'boolean',
    'population-ci': 'boolean',
    help: 'boolean',
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags['print-bounds']) {
    process.stdout.write(`${JSON.stringify(DEFAULT_STEWARD_BOUNDS, null, 2)}\n`);
    return 0;
  }
  const format = flags.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, got '${format}'`);
  const site = flags.site ?? DEFAULT_SITE;
  if (!/^https?:\/\/[^\s#]+$/.test(site)) throw new UsageError(`--site must be an http(s) address without a #fragment, got '${site}'`);

  const sides = readSides(flags);
  if (!sides.ok) return sides.code;
  const bounds = readBounds(flags.bounds);
  if (bounds === null) return 1;
  const { baseline, proposal, paths, seed } = sides.value;
  const withPopulation = flags['population-ci'] === true || sides.value.populationCi;
  const mismatch = sameMarketProblems(baseline, proposal);
  if (mismatch.length > 0) return fail(mismatch).code;

  const detail = flags.out !== undefined;
  // Both sides share the market and the seed; unless the proposal moves the scenario, they draw the same prices.
  const pricePaths = new PricePathStore();
  const a = runSide(baseline, seed, paths, { detail, pricePaths });
  const b = runSide(proposal, seed, paths, { detail, pricePaths });
  const comparison = compareRuns(b.result, a.result, { tail: true });
  const link = postLink(site, { params: proposal, baseline, run: { paths, seed, ...(withPopulation ? { populationCi: true as const } : {}) } }, b.runId);
  // One more run per side, each over resampled populations (the same batches the page and simulate --population-ci use).
  const populationIntervals = withPopulation ? { current: populationBatches(baseline, seed, paths), proposed: populationBatches(proposal, seed, paths) } : undefined;
  const charts = detail ? postCharts(b.summary, proposal) : [];
  const post: ForumPost = buildForumPost({
    baseline: a,
    proposal: b,
    comparison,
    run: { paths, seed },
    link,
    bounds,
    ...(flags.market !== undefined ? { market: flags.market } : {}),
    ...(flags['docs-base'] !== undefined ? { docsBase: flags['docs-base'] } : {}),
    charts: charts.map(({ file, title }) => ({ file, title })),
    ...(populationIntervals ? { populationIntervals } : {}),
  });
  const markdown = renderForumPostMarkdown(post);
  const json = `${finiteJson(post)}\n`;
  if (flags.out !== undefined) {
    mkdirSync(flags.out, { recursive: true });
    writeFileSync(join(flags.out, 'post.md'), markdown);
    writeFileSync(join(flags.out, 'post.json'), json);
    for (const chart of charts) writeFileSync(join(flags.out, chart.file), chart.svg);
    process.stderr.write(`wrote post.md, post.json and ${charts.length} charts to ${flags.out}\n`);
  }
  process.stdout.write(format === 'json' ? json : markdown);
  return 0;
}

runCli(main, USAGE);
