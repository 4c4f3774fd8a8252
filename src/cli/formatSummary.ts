import type { RunSummary } from '../engine/index';

const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

/** The human-readable form of a run summary for the terminal. */
export function formatSummaryTable(s: RunSummary, run: { paths: number; seed: number; file: string; runId?: string }): string {
  const rows: [string, RunSummary['badDebt']][] = [
    ['bad debt', s.badDebt],
    ['fund draw', s.fundDraw],
    ['socialized loss', s.socializedLoss],
    ['vault loss', s.vaultLoss],
    ['uncovered', s.uncovered],
    ['open deficit (horizon)', s.openDeficit],
    ['vault result', s.vaultPnl],
    ['ADL overshoot', s.adlOvershoot],
  ];
  const head = ['', 'mean', 'VaR 95', 'VaR 99', 'ES 95', 'ES 99', 'max'];
  const body = rows.map(([name, r]) => [name, ...[r.mean, r.var95, r.var99, r.es95, r.es99, r.max].map(money)]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [
    `Haircut — ${run.file}, ${run.paths} paths, seed ${run.seed}`,
    '',
    `P(socialized loss > 0)  ${pct(s.pSocialized)}  (95 % CI ${pct(s.pSocializedCI[0])} – ${pct(s.pSocializedCI[1])})`,
    `fund emptied on         ${pct(s.fundDepletedShare)} of paths`,
    `liquidations per path   ${s.liquidations.toFixed(2)}   ADL notional per path ${money(s.adlNotional)}`,
    `ledger balanced         ${s.ledgerBalanced ? 'yes, on every path' : 'NO — a path did not balance exactly'}`,
    ...(run.runId ? [`run id                  ${run.runId}`] : []),
    '',
    'per path, quote:',
    line(head),
    ...body.map(line),
    '',
  ].join('\n');
}
