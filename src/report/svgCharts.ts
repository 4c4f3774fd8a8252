// Charts for the command line's post folder (`report --out DIR`): the page's fan charts and waterfall drawn as
// small standalone SVG files from the same rows the page's Recharts charts use (src/ui/charts/chartRows.ts), so
// the post can reference them by file name. Pure string building: no DOM, no Node.
import type { RunSummary } from '../engine/metrics/summarizeRun';
import type { RiskParams } from '../engine/params/riskParams';
import { COLORS_FOR_FILES as C } from './chartColors';
import { fanRows, hourAxis, waterfallRows, type FanKey, type FanRow, type WaterfallRow } from '../ui/charts/chartRows';
import { formatCompact } from '../ui/format';

export interface ChartFile {
  file: string;
  title: string;
  svg: string;
}

const W = 640;
const H = 300;
const M = { top: 36, right: 16, bottom: 36, left: 64 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => Number(x.toFixed(2));

function frame(title: string, body: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${M.left}" y="20" font-size="14" font-weight="600" fill="${C.price}">${esc(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function yTicks(lo: number, hi: number): number[] {
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function fanSvg(title: string, rows: FanRow[], color: string): string {
  const { ticks, domain } = hourAxis(rows[rows.length - 1]?.hours ?? 1);
  let lo = Math.min(...rows.map((r) => r.p5));
  let hi = Math.max(...rows.map((r) => r.p95));
  if (hi === lo) {
    hi += 1;
    lo -= lo === 0 ? 0 : 1;
  }
  const x = (h: number) => M.left + ((h - domain[0]) / (domain[1] - domain[0] || 1)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - ((v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const band = (upper: (r: FanRow) => number, lower: (r: FanRow) => number) =>
    [...rows.map((r) => `${n(x(r.hours))},${n(y(upper(r)))}`), ...[...rows].reverse().map((r) => `${n(x(r.hours))},${n(y(lower(r)))}`)].join(' ');
  const body = [
    ...yTicks(lo, hi).map((v) => `<line x1="${M.left}" x2="${W - M.right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="${C.grid}"/><text x="${M.left - 6}" y="${n(y(v)) + 4}" text-anchor="end" fill="${C.axis}">${esc(formatCompact(v))}</text>`),
    ...ticks.map((t) => `<text x="${n(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle" fill="${C.axis}">${t}</text>`),
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle" fill="${C.axis}">hours</text>`,
    `<polygon points="${band((r) => r.p95, (r) => r.p5)}" fill="${color}" fill-opacity="0.15"/>`,
    `<polygon points="${band((r) => r.p75, (r) => r.p25)}" fill="${color}" fill-opacity="0.35"/>`,
    `<polyline points="${rows.map((r) => `${n(x(r.hours))},${n(y(r.p50))}`).join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`,
  ];
  return frame(title, body);
}

function waterfallSvg(title: string, rows: WaterfallRow[]): string {
  const top = Math.max(1e-9, ...rows.map((r) => r.range[1]));
  const slot = (W - M.left - M.right) / rows.length;
  const y = (v: number) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const color: Record<string, string> = { badDebt: C.badDebt, fundDraw: C.fund, socializedLoss: C.socialized, vaultLoss: C.vault, uncovered: C.uncovered };
  const body = [
    ...yTicks(0, top).map((v) => `<line x1="${M.left}" x2="${W - M.right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="${C.grid}"/><text x="${M.left - 6}" y="${n(y(v)) + 4}" text-anchor="end" fill="${C.axis}">${esc(formatCompact(v))}</text>`),
    ...rows.map((r, i) => {
      const x0 = M.left + i * slot + slot * 0.15;
      const h = Math.max(1, y(r.range[0]) - y(r.range[1]));
      return [
        `<rect x="${n(x0)}" y="${n(y(r.range[1]))}" width="${n(slot * 0.7)}" height="${n(h)}" fill="${color[r.key] ?? C.uncovered}"/>`,
        `<text x="${n(x0 + slot * 0.35)}" y="${H - M.bottom + 16}" text-anchor="middle" fill="${C.axis}">${esc(r.label)}</text>`,
        `<text x="${n(x0 + slot * 0.35)}" y="${n(y(r.range[1])) - 4}" text-anchor="middle" fill="${C.price}">${esc(formatCompact(r.value))}</text>`,
      ].join('');
    }),
  ];
  return frame(title, body);
}

const FANS: { key: FanKey; file: string; title: string; color: string }[] = [
  { key: 'fundBalanceQuote', file: 'haircut-insurance-fund-balance-quote.svg', title: 'Insurance-fund balance (quote)', color: C.fund },
  { key: 'cumBadDebtQuote', file: 'haircut-cumulative-bad-debt-quote.svg', title: 'Cumulative bad debt (quote)', color: C.badDebt },
  { key: 'cumSocializedLossQuote', file: 'haircut-cumulative-socialized-loss-quote.svg', title: 'Cumulative socialized loss (quote)', color: C.socialized },
];

/** The proposal's fan charts and waterfall as SVG files (the summary must carry `fan`: summarizeRun detail). */
export function postCharts(summary: RunSummary, params: RiskParams): ChartFile[] {
  const out: ChartFile[] = [];
  if (summary.fan) {
    for (const spec of FANS) {
      const rows = fanRows(summary.fan, spec.key, params.market.stepSeconds);
      if (rows.length > 0) out.push({ file: spec.file, title: spec.title, svg: fanSvg(`${spec.title}, median and 50 % / 90 % bands`, rows, spec.color) });
    }
  }
  const title = 'Where the bad debt went (quote)';
  out.push({ file: 'haircut-where-the-bad-debt-went-quote.svg', title, svg: waterfallSvg(`${title}, mean per path`, waterfallRows(summary, params.lossMechanism.kind)) });
  return out;
}
