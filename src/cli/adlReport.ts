import { fileURLToPath } from 'node:url';
import { ADL_OVERSHOOT_ESTIMATES, adlPolicyComparison, adlWaveReport, formatAdlProblems, parseAdlWaves, type AdlWave, type AdlWaveReport } from '../engine/index';
import { parseFlags, UsageError } from './args';
import { readInputFile } from './inputFile';
import { writeError } from './printable';
import { finiteJson } from './finiteJson';

const USAGE = `usage: npm run adl-report -- [--csv FILE] [--json]
  ADL policy report on Hyperliquid's 10 Oct 2025 event, per wave: the budget needed, what production ADL took,
  what wealth pro-rata would take, the overshoot, and the largest single-winner haircut.
  --csv FILE   the per-wave table (default: public/data/chitra-adl/policy_per_wave_metrics.csv, Chitra et al., MIT)`;

const DEFAULT_ADL_CSV = fileURLToPath(new URL('../../public/data/chitra-adl/policy_per_wave_metrics.csv', import.meta.url));

const usd = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const millions = (x: number) => `$${(x / 1e6).toFixed(2)}M`;
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** The human-readable report for the terminal. */
function formatAdlReport(report: AdlWaveReport, waves: readonly AdlWave[], file: string): string {
  const head = ['wave', 'start (UTC)', 'needed', 'production', 'pro-rata', 'overshoot', 'max haircut prod', 'max haircut pro-rata'];
  const body = report.waves.map((w) => [
    String(w.wave),
    new Date(w.tStartMs).toISOString().slice(11, 23),
    usd(w.needed),
    usd(w.production),
    usd(w.proRata),
    usd(w.overshootProduction),
    pct(w.maxHaircutProduction),
    pct(w.maxHaircutProRata),
  ]);
  const t = report.totals;
  const total = ['total', `${t.waves} waves`, usd(t.needed), usd(t.production), usd(t.proRata), usd(t.overshootProduction), pct(t.maxHaircutProduction), pct(t.maxHaircutProRata)];
  const rows = [head, ...body, total];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [
    `ADL on Hyperliquid, 10 Oct 2025 — ${file}`,
    'USD; overshoot = production − needed (negative: production took less than needed that wave); haircut = share of the winner\'s equity',
    '',
    line(head),
    ...body.map(line),
    line(total),
    '',
    `needed ${millions(t.needed)}, production ADL took ${millions(t.production)}, overshoot ${millions(t.overshootProduction)}; pro-rata would take ${millions(t.proRata)}.`,
    'Data: Chitra, Xu, Thogiti, Trujillo (2025), pluriholonomic/autodeleveraging-analysis @ aae0be8, MIT.',
    '',
    'Policies on the wave books (all waves; full-size from the authors\' per-coin replay, event total only):',
    ...adlPolicyComparison(waves, 'all').results.map(
      (r) => `  ${r.policy.padEnd(13)} taken ${r.taken === null ? '—' : millions(r.taken)}, overshoot ${r.overshoot === null ? '—' : millions(Math.abs(r.overshoot) < 0.5 ? 0 : r.overshoot)}`,
    ),
    '',
    'Published overshoot estimates (a range: they measure different things):',
    ...ADL_OVERSHOOT_ESTIMATES.map((e) => `  ${e.low === e.high ? millions(e.low) : `${millions(e.low)}–${millions(e.high)}`}  ${e.source} <${e.url}>`),
    '',
  ].join('\n');
}

function main(argv: string[]): number {
  const flags = parseFlags(argv, { csv: 'string', json: 'boolean', help: 'boolean' });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = flags.csv ?? DEFAULT_ADL_CSV;
  let text: string;
  try {
    text = readInputFile(file);
  } catch (error) {
    const message = (error as Error).message;
    writeError(message.startsWith(file) ? `${message}\n` : `${file}: ${message}\n`);
    return 2;
  }
  const parsed = parseAdlWaves(text);
  if (!parsed.ok) {
    writeError(`${formatAdlProblems(parsed.problems).split('\n').map((p) => `${file}: ${p}`).join('\n')}\n`);
    return 1;
  }
  const report = adlWaveReport(parsed.waves);
  process.stdout.write(flags.json ? `${finiteJson(report)}\n` : formatAdlReport(report, parsed.waves, file));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else throw error;
}
