/**
 * ADL policy report on Hyperliquid's 10 Oct 2025 event, from the per-wave table of Chitra et al.
 * (`policy_per_wave_metrics.csv`, public/data/chitra-adl/, MIT): per wave, the budget that had to be covered
 * against what production ADL took and what wealth pro-rata would take, the overshoot of each, and the largest
 * single-winner haircut. `parseAdlWaves` is the import door (never throws; problems name line and column);
 * `adlWaveReport` is arithmetic on what it returns. Money in USD as float64 (the file's own precision).
 */
import { neumaierSum } from '../metrics/accurateSum';

/** One wave as read from the file (only the columns the report uses; the file has 53). */
export interface AdlWave {
  wave: number;
  /** As written, e.g. '2025-10-10 21:16:04.831000+00:00'. */
  tStart: string;
  /** Milliseconds since 1970 (UTC) of tStart. */
  tStartMs: number;
  /** budget_needed: Σ over ADL fills of |mark − execution price| · |qty|, what had to be covered. */
  budgetNeeded: number;
  /** budget_prod: what production ADL removed from winners. */
  budgetProduction: number;
  /** budget_pr: what wealth pro-rata would remove. */
  budgetProRata: number;
  /** overshoot_prod and overshoot_pr as published (budget − needed). */
  overshootProductionPublished: number;
  overshootProRataPublished: number;
  /** max_pct_prod / max_pct_pr: the largest single-winner haircut as a share of that winner's equity, 0..1. */
  maxHaircutProduction: number;
  maxHaircutProRata: number;
  /** total_cap: the wave's winner capacity U = Σ winners' positive PnL, USD; null when the file has no such column. */
  winnerCapacity: number | null;
}

export interface CsvProblem {
  /** 1-based line; 0 for a problem with the whole file. */
  line: number;
  /** Column name, or '' for a problem with the whole line. */
  column: string;
  message: string;
}

export type AdlWavesResult = { ok: true; waves: AdlWave[] } | { ok: false; problems: CsvProblem[] };

const NUMBER_COLUMNS = {
  budgetNeeded: 'budget_needed',
  budgetProduction: 'budget_prod',
  budgetProRata: 'budget_pr',
  overshootProductionPublished: 'overshoot_prod',
  overshootProRataPublished: 'overshoot_pr',
  maxHaircutProduction: 'max_pct_prod',
  maxHaircutProRata: 'max_pct_pr',
} as const;

/** The columns the report reads; the header must name each exactly once (other columns are allowed). */
export const ADL_WAVE_COLUMNS: readonly string[] = ['wave', 't_start', ...Object.values(NUMBER_COLUMNS)];

/** Optional column: the winners' capacity, needed for the pro-rata haircut share of the policy comparison. */
export const CAPACITY_COLUMN = 'total_cap';

export const MAX_ADL_PROBLEMS = 50;
/** The published file has 16 waves; anything near this many rows is not that file. */
export const MAX_ADL_ROWS = 10_000;

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(\+00:00|Z)$/;

/** UTC milliseconds of '2025-10-10 21:16:04.831000+00:00' (UTC only, as the file writes it), or null. */
function timestampMs(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m as unknown as string[];
  // Milliseconds are the first three digits of the fraction (truncated), read as an integer: no float rounding.
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Number((frac ?? '.').slice(1, 4).padEnd(3, '0'));
  const check = new Date(ms);
  return Number.isFinite(ms) && check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(mo) - 1 ? ms : null;
}

const show = (text: string) => `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;

/**
 * Reads the per-wave CSV: a header naming at least ADL_WAVE_COLUMNS (each once), then one wave per line, every
 * line with the header's number of comma-separated fields (no quoting: the published file has none). Lines may
 * end in LF or CRLF; empty lines at the end are ignored. Waves must be positive whole numbers in increasing
 * order; budgets finite and ≥ 0; haircut shares in [0, 1]; t_start a UTC timestamp. Never throws.
 */
export function parseAdlWaves(csvText: string): AdlWavesResult {
  const problems: CsvProblem[] = [];
  const add = (line: number, column: string, message: string) => {
    if (problems.length < MAX_ADL_PROBLEMS) problems.push({ line, column, message });
  };
  if (typeof csvText !== 'string' || csvText.trim() === '') return { ok: false, problems: [{ line: 1, column: '', message: 'empty file: expected a header row' }] };
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const lines = text.split(/\r?\n/);
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length - 1 > MAX_ADL_ROWS) return { ok: false, problems: [{ line: MAX_ADL_ROWS + 2, column: '', message: `too many rows: at most ${MAX_ADL_ROWS} waves` }] };

  const header = (lines[0] as string).split(',').map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) add(1, name, `appears more than once in the header (columns ${index.get(name)! + 1} and ${i + 1})`);
    else index.set(name, i);
  });
  for (const column of ADL_WAVE_COLUMNS) if (!index.has(column)) add(1, column, 'missing column in the header');
  if (problems.length > 0) return { ok: false, problems };

  const waves: AdlWave[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = k + 1;
    const content = lines[k] as string;
    if (content.trim() === '') {
      add(line, '', 'empty line (only empty lines at the end of the file are ignored)');
      continue;
    }
    if (content.includes('"')) {
      add(line, '', 'quoted fields are not expected in this file');
      continue;
    }
    const fields = content.split(',').map((f) => f.trim());
    if (fields.length !== header.length) {
      add(line, '', `has ${fields.length} fields, the header has ${header.length}`);
      continue;
    }
    const cell = (column: string) => fields[index.get(column) as number] as string;
    let rowOk = true;
    const fail = (column: string, message: string) => {
      add(line, column, message);
      rowOk = false;
    };
    const waveText = cell('wave');
    const wave = /^\d{1,9}$/.test(waveText) ? Number(waveText) : NaN;
    if (!(wave >= 1)) fail('wave', `must be a positive whole number, got ${show(waveText)}`);
    const previous = waves[waves.length - 1];
    if (rowOk && previous && !(wave > previous.wave)) fail('wave', `must increase from line to line: wave ${wave} follows wave ${previous.wave}`);
    const tStart = cell('t_start');
    const tStartMs = timestampMs(tStart);
    if (tStartMs === null) fail('t_start', `must be a UTC timestamp like '2025-10-10 21:16:04.831000+00:00', got ${show(tStart)}`);
    const numbers = {} as Record<keyof typeof NUMBER_COLUMNS, number>;
    for (const [key, column] of Object.entries(NUMBER_COLUMNS) as [keyof typeof NUMBER_COLUMNS, string][]) {
      const raw = cell(column);
      const n = NUMBER.test(raw) ? Number(raw) : NaN;
      numbers[key] = n;
      if (!Number.isFinite(n)) fail(column, `must be a finite number, got ${show(raw)}`);
      else if (column.startsWith('budget_') && n < 0) fail(column, `must be at least 0, got ${raw}`);
      else if (column.startsWith('max_pct_') && !(n >= 0 && n <= 1)) fail(column, `must be a share from 0 to 1, got ${raw}`);
    }
    let winnerCapacity: number | null = null;
    if (index.has(CAPACITY_COLUMN)) {
      const raw = cell(CAPACITY_COLUMN);
      winnerCapacity = NUMBER.test(raw) ? Number(raw) : NaN;
      if (!(Number.isFinite(winnerCapacity) && winnerCapacity > 0)) fail(CAPACITY_COLUMN, `must be a finite number above 0, got ${show(raw)}`);
    }
    if (rowOk) waves.push({ wave, tStart, tStartMs: tStartMs as number, ...numbers, winnerCapacity });
  }
  if (problems.length === 0 && waves.length === 0) add(2, '', 'no waves: the header is not followed by any rows');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, waves };
}

/** "line 7, column budget_prod: must be a finite number, got 'abc'", one problem per line. */
export function formatAdlProblems(problems: readonly CsvProblem[]): string {
  return problems.map((p) => `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`).join('\n');
}

export interface AdlWaveRow {
  wave: number;
  tStart: string;
  tStartMs: number;
  /** Budget that had to be covered, USD. */
  needed: number;
  /** What production ADL took, USD. */
  production: number;
  /** What wealth pro-rata would take, USD. */
  proRata: number;
  /** production − needed (negative: production took less than was needed in that wave), USD. */
  overshootProduction: number;
  /** proRata − needed, USD (≈ 0: pro-rata takes what is needed). */
  overshootProRata: number;
  /** Largest single-winner haircut as a share of that winner's equity, 0..1. */
  maxHaircutProduction: number;
  maxHaircutProRata: number;
}

export interface AdlWaveReport {
  waves: AdlWaveRow[];
  totals: {
    waves: number;
    needed: number;
    production: number;
    proRata: number;
    overshootProduction: number;
    overshootProRata: number;
    /** Largest single-winner haircut over all waves. */
    maxHaircutProduction: number;
    maxHaircutProRata: number;
  };
}

/**
 * Per wave, the budgets and their overshoots (computed here as budget − needed, not copied from the file), and
 * totals over waves (compensated sums; haircut shares are maxima, not sums). Throws for no waves.
 */
export function adlWaveReport(waves: readonly AdlWave[]): AdlWaveReport {
  if (waves.length === 0) throw new Error('adlWaveReport: no waves');
  const rows: AdlWaveRow[] = waves.map((w) => ({
    wave: w.wave,
    tStart: w.tStart,
    tStartMs: w.tStartMs,
    needed: w.budgetNeeded,
    production: w.budgetProduction,
    proRata: w.budgetProRata,
    overshootProduction: w.budgetProduction - w.budgetNeeded,
    overshootProRata: w.budgetProRata - w.budgetNeeded,
    maxHaircutProduction: w.maxHaircutProduction,
    maxHaircutProRata: w.maxHaircutProRata,
  }));
  const sum = (key: keyof AdlWaveRow) => neumaierSum(rows.map((r) => r[key] as number));
  const needed = sum('needed');
  const production = sum('production');
  const proRata = sum('proRata');
  return {
    waves: rows,
    totals: {
      waves: rows.length,
      needed,
      production,
      proRata,
      overshootProduction: production - needed,
      overshootProRata: proRata - needed,
      maxHaircutProduction: Math.max(...rows.map((r) => r.maxHaircutProduction)),
      maxHaircutProRata: Math.max(...rows.map((r) => r.maxHaircutProRata)),
    },
  };
}
