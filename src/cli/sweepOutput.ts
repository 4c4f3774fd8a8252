import type { ParamProblem } from '../engine/params/riskParams';
import { formatProblems } from '../engine/params/validateParams';
import { writeError } from './printable';
import type { SweepableParam, SweepPointResult } from '../engine/index';
import { finiteJson } from './finiteJson';

/** One axis of a sweep: the parameter and its values as exact text. */
export interface Axis {
  spec: SweepableParam;
  values: string[];
}

/** What `npm run sweep` prints once the points are computed; `npm run merge` prints a sharded sweep with it too. */
export interface SweepOutput {
  file: string;
  seed: number;
  paths: number;
  axis: Axis;
  axis2: Axis | null;
  points: (SweepPointResult & { valueText2?: string })[];
  seconds: number;
  json: boolean;
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
  return [line(head), ...rows.map(line)];
}

function format1d(axis: Axis, points: SweepPointResult[]): string[] {
  const head = [`${axis.spec.path} (${axis.spec.unit})`, 'P(soc > 0)', '95 % CI', 'soc. loss mean', 'soc. loss ES99', 'bad debt mean', 'fund draw mean', 'liquidations', 'ledger'];
  const rows = points.map((p) =>
    p.ok
      ? [p.valueText, pct(p.pSocialized), `${pct(p.pSocializedCI[0])} – ${pct(p.pSocializedCI[1])}`, money(p.socializedLossMean), money(p.socializedLossEs99), money(p.badDebtMean), money(p.fundDrawMean), p.liquidationsMean.toFixed(2), p.ledgerBalanced ? 'ok' : 'NOT BALANCED']
      : [p.valueText, 'invalid', '(below)', '', '', '', '', '', ''],
  );
  const notes = points.flatMap((p) => (p.ok ? [] : p.problems.map((q) => `invalid at ${p.valueText}: ${q.field}: ${q.message}`)));
  return [...table(head, rows), ...(notes.length > 0 ? ['', ...notes] : [])];
}

function formatGrid(title: string, rows: Axis, columns: Axis, cells: SweepPointResult[], cell: (p: SweepPointResult & { ok: true }) => string): string[] {
  const head = [`${rows.spec.path} \\ ${columns.spec.path}`, ...columns.values];
  const body = rows.values.map((r, i) => [r, ...columns.values.map((_, j) => {
    const p = cells[i * columns.values.length + j] as SweepPointResult;
    return p.ok ? cell(p) : 'invalid';
  })]);
  return [title, ...table(head, body)];
}

function invalidProblems(points: readonly (SweepPointResult & { valueText2?: string })[], axis: Axis, axis2: Axis | null): ParamProblem[] {
  return points.flatMap((p) =>
    p.ok ? [] : p.problems.map((q) => ({ field: q.field, message: `${q.message} (at ${axis.spec.path} = ${p.valueText}${axis2 ? `, ${axis2.spec.path} = ${p.valueText2}` : ''})` })),
  );
}

/** Writes the sweep's result (stdout) and its invalid points (stderr); returns the exit status. */
export function printSweep(out: SweepOutput): number {
  const { axis, axis2, points, seed, paths } = out;
  const invalid = invalidProblems(points, axis, axis2);
  if (points.every((p) => !p.ok)) {
    writeError(`${formatProblems(invalid)}\n`);
    return 1;
  }
  if (invalid.length > 0) process.stderr.write(`${points.filter((p) => !p.ok).length} of ${points.length} points are invalid (shown in the output)\n`);

  const describe = (a: Axis) => ({ path: a.spec.path, label: a.spec.label, unit: a.spec.unit, kind: a.spec.kind });
  if (out.json) {
    const common = { seed, paths, param: describe(axis) };
    const json = axis2
      ? { kind: '2d', ...common, param2: describe(axis2), rows: axis.values, columns: axis2.values, cells: points }
      : { kind: '1d', ...common, points };
    process.stdout.write(`${finiteJson(json)}\n`);
    return 0;
  }
  const title = `Haircut sweep — ${out.file}, ${paths} paths per point (the same paths for every point), seed ${seed}`;
  const body = axis2
    ? [
        ...formatGrid('P(socialized loss > 0):', axis, axis2, points, (p) => pct(p.pSocialized)),
        '',
        ...formatGrid('mean socialized loss per path, quote:', axis, axis2, points, (p) => money(p.socializedLossMean)),
      ]
    : format1d(axis, points);
  process.stdout.write([title, '', ...body, '', `${points.length} points in ${out.seconds.toFixed(1)} s`, ''].join('\n'));
  return 0;
}
