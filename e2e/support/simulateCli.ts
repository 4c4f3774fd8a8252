// The command line's numbers, for specs that check the page against them: `src/cli/simulate.ts` run with tsx
// (directly, not through npm, so nothing but the JSON reaches stdout).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

interface Stats {
  mean: number;
}

/** The fields of `simulate --json` the headline metrics show. */
export interface CliSummary {
  paths: number;
  pSocialized: number;
  socializedLoss: Stats;
  badDebt: Stats;
  fundDraw: Stats;
  liquidations: number;
  ledgerBalanced: boolean;
}

function simulate(args: string[]): string {
  return execFileSync(tsx, ['src/cli/simulate.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
}

/** The default parameters file, as `simulate --defaults` prints it. */
export function defaultParamsFile(): Record<string, unknown> {
  return JSON.parse(simulate(['--defaults'])) as Record<string, unknown>;
}

/** `simulate --params <params> --paths N --seed S --json`. */
export function simulateCli(params: Record<string, unknown>, paths: number, seed: number): CliSummary {
  const file = join(mkdtempSync(join(tmpdir(), 'haircut-cli-')), 'params.json');
  writeFileSync(file, JSON.stringify(params));
  return JSON.parse(simulate(['--params', file, '--paths', String(paths), '--seed', String(seed), '--json'])) as CliSummary;
}

/** Headline metric test id → its number in the CLI's JSON. */
export const HEADLINE: Record<string, (s: CliSummary) => number> = {
  'metric-pSocialized': (s) => s.pSocialized,
  'metric-socializedLoss-mean': (s) => s.socializedLoss.mean,
  'metric-badDebt-mean': (s) => s.badDebt.mean,
  'metric-fundDraw-mean': (s) => s.fundDraw.mean,
  'metric-liquidations': (s) => s.liquidations,
};

/**
 * The number a formatted metric shows ("5.2 %", "23,195", "901"), and half a unit of its last digit: what the
 * text can promise about the raw number. Percentages are turned back into shares.
 */
export function readShown(text: string): { value: number; tolerance: number } {
  const percent = /%\s*$/.test(text);
  const digits = text.replace(/[,%\s]/g, '').replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(digits)) throw new Error(`not a formatted number: ${JSON.stringify(text)}`);
  const decimals = digits.split('.')[1]?.length ?? 0;
  const scale = percent ? 100 : 1;
  return { value: Number(digits) / scale, tolerance: (0.5 * 10 ** -decimals) / scale + 1e-12 };
}
