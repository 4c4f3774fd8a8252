// The governance forum post (issue 16): a proposal against its baseline on the same paths, in the shape risk
// providers post on Aave, dYdX, Synthetix and GMX forums (research/governance-anchors-2026-12.md §4) — title and
// summary, `Parameter | Current | Proposed` with units, `Metric | Current | Proposed | Change (95 % interval)`
// with the horizon stated, the risk-steward check, assumptions generated from the parameters, what the model
// leaves out, and a reproducibility block. Built once as data (the CLI's --format json) and rendered to Markdown;
// the page and the CLI call the same functions, so the two posts are the same text. Pure: no DOM, no Node.
import { ENGINE_VERSION, shortRunId } from '../engine/identity';
import type { RunComparison } from '../engine/metrics/compareRuns';
import type { PairedDifference } from '../engine/metrics/pairedDifference';
import { pairedTransformInterval } from '../engine/metrics/pairedTailIntervals';
import type { RiskStats } from '../engine/metrics/riskStats';
import type { PopulationInterval } from '../engine/metrics/populationInterval';
import type { RunSummary } from '../engine/metrics/summarizeRun';
import type { RiskParams } from '../engine/params/riskParams';
import { CRASH_PRESETS_BY_ID } from '../engine/scenario/crashPresets';
import { formatCount, formatHorizon, formatInteger, formatPercent, formatQuote, formatSignedCount, formatSignedPoints, formatSignedQuote } from '../ui/format';
import { specOf } from '../ui/params/fieldSpecs';
import { paramChanges } from '../ui/params/paramChanges';
import { markdownTable } from './markdownTable';
import { checkAgainstBounds, type StewardBounds, type StewardCheck, type StewardStatus } from './stewardBounds';

/** Where the model and assumption documents live, relative to the repository root. */
export const REPORT_DOCS = { model: 'docs/model.md', assumptions: 'docs/assumptions.md', report: 'docs/report.md' } as const;

export interface PostSide {
  params: RiskParams;
  summary: RunSummary;
  runId: string;
}

export interface PostInput {
  baseline: PostSide;
  proposal: PostSide;
  comparison: RunComparison;
  run: { paths: number; seed: number };
  /** The share link of the proposal with its baseline. */
  link: string;
  bounds: StewardBounds;
  /** Name of the market, e.g. "BTC-PERP"; default "the simulated market". */
  market?: string;
  /** Prefix of the docs links (e.g. the repository's URL ending in '/blob/main/'); '' keeps them relative. */
  docsBase?: string;
  /** Chart files shipped next to the post (bundle or --out folder), referenced by name. */
  charts?: { file: string; title: string }[];
  /**
   * The P(socialized) interval that includes population resampling, per side (`report --population-ci`); null for
   * a side whose positions are given rather than drawn. Absent: not computed.
   */
  populationIntervals?: { current: PopulationInterval | null; proposed: PopulationInterval | null };
}

type Unit = 'share' | 'quote' | 'count';

export interface PostParameterRow {
  field: string;
  parameter: string;
  current: string;
  proposed: string;
  steward: StewardStatus;
  stewardReason: string;
}

export interface PostMetricRow {
  key: string;
  metric: string;
  unit: Unit;
  current: number;
  proposed: number;
  change: number;
  /**
   * The paired 95 % interval of the change: normal approximation for means and P, paired bootstrap for VaR/ES
   * and the yearly P; null only when the comparison carries no bootstrap (a snapshot from before it existed).
   */
  interval: [number, number] | null;
  text: { current: string; proposed: string; change: string };
}

export interface ForumPost {
  format: 'haircut-forum-post';
  version: 1;
  title: string;
  summary: string;
  market: string;
  horizon: string;
  run: { paths: number; seed: number };
  parameters: PostParameterRow[];
  metrics: PostMetricRow[];
  steward: { name: string; minDelayDays: number; outside: number; checks: StewardCheck[] };
  assumptions: string[];
  leftOut: string[];
  docs: { model: string; assumptions: string; report: string };
  charts: { file: string; title: string }[];
  /** Present with `report --population-ci`: each side's interval including population resampling, and its text. */
  populationIntervals?: { current: PopulationInterval | null; proposed: PopulationInterval | null; text: string };
  reproducibility: {
    engineVersion: string;
    proposalRunId: string;
    baselineRunId: string;
    link: string;
    command: string;
    proposalCommand: string;
  };
}

const SECTION: Record<string, string> = {
  market: 'Market',
  scenario: 'Price model',
  population: 'Traders',
  margin: 'Margin',
  liquidation: 'Liquidation',
  insuranceFund: 'Insurance fund',
  lossMechanism: 'Loss mechanism',
};

/** "Insurance fund: starting balance (quote)": the form's label with its section and unit. */
function parameterName(field: string, label: string): string {
  const section = SECTION[field.split(/[.[]/)[0] ?? ''];
  const spec = specOf(field);
  const unit = spec && spec.unit !== '%' && spec.kind !== 'percent' ? ` (${spec.unit})` : spec?.kind === 'percent' ? ' (%)' : '';
  const name = section && !label.toLowerCase().startsWith(section.toLowerCase()) ? `${section}: ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
  return `${name}${unit}`;
}

/** "2500000.5" → "2,500,000.5": exact decimal text, grouped; anything else unchanged. */
export function groupDigits(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

const WORST: StewardStatus[] = ['not-steward', 'outside', 'within'];

/** The steward verdict of a table row: the worst of the leaf checks at or under (or above) its field. */
function stewardOf(field: string, checks: StewardCheck[]): StewardCheck {
  const related = checks.filter((c) => c.field === field || c.field.startsWith(`${field}.`) || c.field.startsWith(`${field}[`) || field.startsWith(`${c.field}.`));
  for (const status of WORST) {
    const hit = related.find((c) => c.status === status);
    if (hit) return hit;
  }
  return { field, status: 'within', reason: 'unchanged' };
}

const PLAIN: Record<Unit, (v: number) => string> = { share: formatPercent, quote: formatQuote, count: formatCount };
const SIGNED: Record<Unit, (v: number) => string> = { share: formatSignedPoints, quote: formatSignedQuote, count: formatSignedCount };

function pairedRow(key: string, metric: string, unit: Unit, d: PairedDifference): PostMetricRow {
  const s = SIGNED[unit];
  return {
    key,
    metric,
    unit,
    current: d.baselineMean,
    proposed: d.proposalMean,
    change: d.meanDiff,
    interval: [d.ci95[0], d.ci95[1]],
    text: { current: PLAIN[unit](d.baselineMean), proposed: PLAIN[unit](d.proposalMean), change: `${s(d.meanDiff)} (${s(d.ci95[0])} to ${s(d.ci95[1])})` },
  };
}

/** A row whose change is not a mean (a quantile, a transform of P): its interval, if any, comes from the bootstrap. */
function unpairedRow(key: string, metric: string, unit: Unit, current: number, proposed: number, interval: [number, number] | null = null): PostMetricRow {
  const change = proposed - current;
  const s = SIGNED[unit];
  return {
    key,
    metric,
    unit,
    current,
    proposed,
    change,
    interval,
    text: { current: PLAIN[unit](current), proposed: PLAIN[unit](proposed), change: `${s(change)} (${interval ? `${s(interval[0])} to ${s(interval[1])}` : '—'})` },
  };
}

/** Seconds a path covers (what the page calls the horizon). */
const horizonSeconds = (p: RiskParams) => p.market.steps * p.market.stepSeconds;
const YEAR_SECONDS = 365 * 86_400;

/** P(at least one socialized loss in a year) if the year were independent horizons like this one. */
export function perYear(p: number, seconds: number): number {
  if (p >= 1) return 1;
  return 1 - Math.pow(1 - p, YEAR_SECONDS / seconds);
}

type TailKey = 'socializedLoss' | 'badDebt' | 'fundDraw';

function metricRows(input: PostInput, horizon: string): PostMetricRow[] {
  const { comparison: c, baseline, proposal } = input;
  const over = `over ${horizon}`;
  const rows: PostMetricRow[] = [pairedRow('pSocialized', `P(socialized loss > 0) ${over}`, 'share', c.pSocialized)];
  const seconds = horizonSeconds(proposal.params);
  if (seconds <= YEAR_SECONDS) {
    const replicates = c.tail?.pSocializedReplicates;
    rows.push(
      unpairedRow(
        'pSocializedPerYear',
        'P(socialized loss > 0) per year, horizons taken as independent',
        'share',
        perYear(baseline.summary.pSocialized, seconds),
        perYear(proposal.summary.pSocialized, seconds),
        replicates ? pairedTransformInterval(replicates, (q) => perYear(q, seconds)) : null,
      ),
    );
  }
  const tail = (key: TailKey, name: string) => {
    const a: RiskStats = baseline.summary[key];
    const b: RiskStats = proposal.summary[key];
    rows.push(pairedRow(`${key}.mean`, `${name}, expected ${over} (quote)`, 'quote', c[key]));
    const ci = c.tail?.[key];
    rows.push(unpairedRow(`${key}.var99`, `${name}, VaR 99 % ${over} (quote)`, 'quote', a.var99, b.var99, ci ? ci.var99 : null));
    rows.push(unpairedRow(`${key}.es99`, `${name}, ES 99 % ${over} (quote)`, 'quote', a.es99, b.es99, ci ? ci.es99 : null));
  };
  tail('socializedLoss', 'Socialized loss');
  tail('badDebt', 'Bad debt');
  tail('fundDraw', 'Insurance-fund draw');
  rows.push(
    c.fundDepleted
      ? pairedRow('fundDepleted', `P(insurance fund emptied) ${over}`, 'share', c.fundDepleted)
      : unpairedRow('fundDepleted', `P(insurance fund emptied) ${over}`, 'share', baseline.summary.fundDepletedShare, proposal.summary.fundDepletedShare),
  );
  rows.push(pairedRow('liquidations', `Liquidations per path ${over}`, 'count', c.liquidations));
  // Round two adds openDeficit to the summary (DESIGN.md §5); shown when the engine reports it.
  const open = (s: RunSummary) => (s as RunSummary & { openDeficit?: RiskStats }).openDeficit;
  const openA = open(baseline.summary);
  const openB = open(proposal.summary);
  const openName = 'Open deficit at the horizon, expected (quote)';
  if (c.openDeficit) rows.push(pairedRow('openDeficit.mean', openName, 'quote', c.openDeficit));
  else if (openA && openB) rows.push(unpairedRow('openDeficit.mean', openName, 'quote', openA.mean, openB.mean));
  return rows;
}

function scenarioText(p: RiskParams): string {
  const s = p.scenario;
  const pct = (x: number) => `${Number((x * 100).toPrecision(4))} %`;
  switch (s.kind) {
    case 'gbm':
      return `geometric Brownian motion, volatility ${pct(s.volAnnual)} a year, drift ${pct(s.driftAnnual)} a year`;
    case 'jump':
      return `Merton jump diffusion: volatility ${pct(s.volAnnual)} a year, about ${s.jumpIntensityAnnual} jumps a year of log size ${s.jumpMean} ± ${s.jumpStdev}`;
    case 'crash':
      return `a stylized crash${s.preset ? ` shaped after ${CRASH_PRESETS_BY_ID[s.preset].label}` : ''}: ${pct(s.drawdown)} drawdown over ${s.crashMinutes} min after ${s.startMinute} min of calm, ${pct(s.recovery)} of the drop regained over ${s.recoveryMinutes} min, noise ${pct(s.volAnnual)} a year`;
    case 'replay':
      return `a replayed series of ${formatInteger(s.prices.length)} prices${s.noiseVolAnnual > 0 ? ` with noise ${pct(s.noiseVolAnnual)} a year` : ', the same on every path'}`;
    case 'bootstrap':
      return `a historical bootstrap: blocks of ${s.blockSteps} consecutive returns resampled from a series of ${formatInteger(s.prices.length)} prices`;
  }
}

function populationText(p: RiskParams): string {
  const q = p.population;
  if (q.kind === 'explicit') return `${formatInteger(q.accounts.length)} imported isolated-margin positions, taken as given`;
  return `${formatInteger(q.accounts)} generated isolated-margin accounts plus one market maker; open interest ${formatQuote(Number(q.openInterest))} quote a side, ${formatPercent(q.longShare)} of traders' notional long, median leverage ${q.leverageMedian}× (log-normal σ ${q.leverageSigma}), Pareto sizes α ${q.paretoAlpha}`;
}

function assumptions(input: PostInput, horizon: string): string[] {
  const p = input.proposal.params;
  const l = p.liquidation;
  const impact = l.impact.model === 'none' ? 'none: liquidations close at the oracle price' : `${l.impact.model} in the book's ±1 % depth of ${formatQuote(Number(l.impact.depth))} quote, half-life ${l.impact.halfLifeSteps} steps`;
  return [
    `Horizon: ${horizon} per path (${formatInteger(p.market.steps)} steps of ${p.market.stepSeconds} s), starting price ${p.market.initialPrice}; every loss and probability above is per path, i.e. over ${horizon}.`,
    `Price paths: ${scenarioText(p)}; ${formatInteger(input.run.paths)} paths, seed ${input.run.seed}; both sides on the same paths (common random numbers).`,
    `Traders: ${populationText(p)}.`,
    `Liquidation: price impact ${impact}; keepers close ${l.maxNotionalPerStep === null ? 'any notional' : `at most ${formatQuote(Number(l.maxNotionalPerStep))} quote`} per step; the oracle lags ${l.oracleDelaySteps} steps.`,
    `After the insurance fund: ${lossMechanismText(p)} (proposal); ${lossMechanismText(input.baseline.params)} (current).`,
    input.comparison.tail
      ? `Intervals: every change is paired (both sides on the same paths). Means and P over ${horizon}: 95 % interval of the per-path differences (normal approximation). VaR, ES and the yearly P: ${input.comparison.tail.method}; the 2.5th and 97.5th percentiles of the change. A percentile interval of a quantile need not be centred on the change, and with few paths in the 1 % tail it is wide.`
      : 'Intervals: the change column gives the 95 % interval of the paired difference (normal approximation over paths); VaR, ES and yearly probabilities are quantiles or transforms of the run, shown without an interval (—).',
  ];
}

function lossMechanismText(p: RiskParams): string {
  switch (p.lossMechanism.kind) {
    case 'socialize':
      return 'profit haircut, pro rata to unrealized profit';
    case 'adl':
      return `auto-deleveraging, ranked ${p.lossMechanism.ranking === 'random' ? 'from a random start' : 'by PnL % × leverage'}`;
    case 'backstop':
      return 'a backstop vault takes the position';
    case 'bad-debt':
      return 'nothing: the rest stays uncovered';
  }
}

export const LEFT_OUT = [
  'funding payments',
  'cross-margin and several markets at once',
  'fees paid by traders other than a fee inflow to the insurance fund',
  "the backstop vault's inventory after a takeover",
  'ADL triggers other than "the fund could not pay" (OKX/Bybit drawdown triggers)',
] as const;

const plural = (n: number, one: string, many = `${one}s`) => `${formatInteger(n)} ${n === 1 ? one : many}`;

/** The post as data: every number raw (as `simulate --json` gives it) and as the text the Markdown shows. */
export function buildForumPost(input: PostInput): ForumPost {
  const { baseline, proposal } = input;
  const horizon = formatHorizon(proposal.params.market.steps, proposal.params.market.stepSeconds);
  const market = input.market?.trim() || 'the simulated market';
  const checks = checkAgainstBounds(input.bounds, baseline.params, proposal.params);
  const parameters = paramChanges(baseline.params, proposal.params).map((c): PostParameterRow => {
    const steward = stewardOf(c.field, checks);
    const money = specOf(c.field)?.kind === 'decimal' ? groupDigits : (t: string) => t;
    return { field: c.field, parameter: parameterName(c.field, c.label), current: money(c.from), proposed: money(c.to), steward: steward.status, stewardReason: steward.reason };
  });
  const metrics = metricRows(input, horizon);
  const outside = checks.filter((c) => c.status !== 'within').length;
  const docsBase = input.docsBase ?? '';
  const quotedLink = `'${input.link.replace(/'/g, '%27')}'`;

  const social = metrics.find((m) => m.key === 'socializedLoss.mean')!;
  const p = metrics.find((m) => m.key === 'pSocialized')!;
  const changes = parameters.map((r) => `${r.parameter} ${r.current} → ${r.proposed}`).join('; ');
  const summary = [
    `A proposal to change ${plural(parameters.length, 'parameter')} of ${market}${parameters.length > 0 ? `: ${changes}` : ''}.`,
    `Simulated jointly on the same ${plural(input.run.paths, 'price path')} of ${horizon} (seed ${input.run.seed}):`,
    `expected socialized loss over ${horizon} goes from ${social.text.current} to ${social.text.proposed} quote (change ${SIGNED.quote(social.change)}, 95 % interval ${SIGNED.quote(social.interval![0])} to ${SIGNED.quote(social.interval![1])}),`,
    `and P(socialized loss > 0) over ${horizon} from ${p.text.current} to ${p.text.proposed}.`,
    outside === 0
      ? `Every change is within the risk steward's bounds (${input.bounds.name}).`
      : `${plural(outside, 'change is', 'changes are')} outside the risk steward's bounds (${input.bounds.name}) and need${outside === 1 ? 's' : ''} a full vote.`,
  ].join(' ');

  return {
    format: 'haircut-forum-post',
    version: 1,
    title: `Proposal: change ${plural(parameters.length, 'parameter')} of ${market}`,
    summary,
    market,
    horizon,
    run: { ...input.run },
    parameters,
    metrics,
    steward: { name: input.bounds.name, minDelayDays: input.bounds.minDelayDays, outside, checks },
    assumptions: assumptions(input, horizon),
    leftOut: [...LEFT_OUT],
    docs: { model: `${docsBase}${REPORT_DOCS.model}`, assumptions: `${docsBase}${REPORT_DOCS.assumptions}`, report: `${docsBase}${REPORT_DOCS.report}` },
    charts: input.charts ?? [],
    ...(input.populationIntervals ? { populationIntervals: { ...input.populationIntervals, text: populationIntervalText(input.populationIntervals, horizon) } } : {}),
    reproducibility: {
      engineVersion: ENGINE_VERSION,
      proposalRunId: proposal.runId,
      baselineRunId: baseline.runId,
      link: input.link,
      command: `npm run report -- --link ${quotedLink}`,
      proposalCommand: `npm run simulate -- --link ${quotedLink} --json`,
    },
  };
}

/** One side's interval in words: "0.00 % – 1.20 %", or why there is none. */
function sideInterval(interval: PopulationInterval | null): string {
  if (interval === null) return 'none (the positions are given, not drawn, or too few paths to split)';
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  return `${pct(interval.interval[0])} – ${pct(interval.interval[1])} (pooled ${pct(interval.pSocialized)})`;
}

/** The sentence the post prints under its results table. */
function populationIntervalText(intervals: { current: PopulationInterval | null; proposed: PopulationInterval | null }, horizon: string): string {
  const any = intervals.proposed ?? intervals.current;
  const how = any ? `batch means over ${any.populations} generated populations × ${formatInteger(any.pathsPerPopulation)} paths, on other paths than the table` : 'batch means over resampled populations';
  return (
    `P(socialized loss > 0) over ${horizon}, 95 % interval including population resampling (${how}): ` +
    `current ${sideInterval(intervals.current)}; proposed ${sideInterval(intervals.proposed)}. The table's intervals cover the price paths only, on one drawn population.`
  );
}

const STEWARD_TEXT: Record<StewardStatus, string> = { within: 'within', outside: 'outside: full vote', 'not-steward': 'not a steward parameter: full vote' };

/** The post as GitHub-flavoured Markdown. */
export function renderForumPostMarkdown(post: ForumPost): string {
  const r = post.reproducibility;
  const parameterTable =
    post.parameters.length === 0
      ? '_No parameter changes: the proposal equals the current parameters._'
      : markdownTable(
          ['Parameter', 'Current', 'Proposed', 'Risk steward'],
          ['left', 'right', 'right', 'left'],
          post.parameters.map((row) => [row.parameter, row.current, row.proposed, STEWARD_TEXT[row.steward]]),
        );
  const metricTable = markdownTable(
    ['Metric', 'Current', 'Proposed', 'Change (95 % interval)'],
    ['left', 'right', 'right', 'right'],
    post.metrics.map((m) => [m.metric, m.text.current, m.text.proposed, m.text.change]),
  );
  const flagged = post.steward.checks.filter((c) => c.status !== 'within');
  const stewardLines =
    flagged.length === 0
      ? [`Every change is within the bounds of "${post.steward.name}" (minimum delay between steward changes: ${post.steward.minDelayDays} days).`]
      : [
          `These changes are outside the bounds of "${post.steward.name}" and need a full vote:`,
          '',
          ...flagged.map((c) => `- \`${c.field}\`: ${c.reason}`),
        ];
  return [
    `# ${post.title}`,
    '',
    '## Summary',
    '',
    post.summary,
    '',
    '## Specification',
    '',
    parameterTable,
    '',
    `## Results (per path of ${post.horizon}, ${formatInteger(post.run.paths)} paths, seed ${post.run.seed})`,
    '',
    metricTable,
    '',
    `Every figure is per simulated path of ${post.horizon}; "Current" and "Proposed" ran on the same paths, so each change is a paired difference with its 95 % interval. Money is in quote units.`,
    '',
    ...(post.populationIntervals ? [post.populationIntervals.text, ''] : []),
    '## Risk-steward check',
    '',
    ...stewardLines,
    '',
    '## Assumptions',
    '',
    ...post.assumptions.map((a) => `- ${a}`),
    `- The model and its sources: [${REPORT_DOCS.model}](${post.docs.model}); every assumption and default with its source: [${REPORT_DOCS.assumptions}](${post.docs.assumptions}).`,
    '',
    '## What the model leaves out',
    '',
    ...post.leftOut.map((a) => `- ${a}`),
    '',
    ...(post.charts.length > 0 ? ['## Charts (proposal)', '', ...post.charts.flatMap((c) => [`![${c.title}](${c.file})`, '']) ] : []),
    '## Reproducibility',
    '',
    `- Engine version: ${r.engineVersion}`,
    `- Run id (proposal): \`${r.proposalRunId}\` (short ${shortRunId(r.proposalRunId)})`,
    `- Run id (current): \`${r.baselineRunId}\``,
    `- Share link (opens the proposal and its baseline): <${r.link}>`,
    '- Every number in this post: ',
    '',
    '```sh',
    r.command,
    '```',
    '',
    `- The proposal alone, as the page showed it: \`${r.proposalCommand}\``,
    '',
    '## Disclaimer',
    '',
    'An off-chain Monte Carlo simulation with the assumptions above, made with Haircut, an open-source lab; not financial advice. Anyone can re-run every number with the command above.',
    '',
  ].join('\n');
}
