// The share controls' pure parts: the per-path CSV, the parameters file, chart file names.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../engine/params/defaults';
import { chartFileStem, frameChartSvg, wrapText } from './chartExport';
import { CSV_COLUMNS, perPathCsv, unitsToQuoteText } from './csv';
import { paramsFileText, readParamsFile } from './paramsFile';

describe('per-path CSV', () => {
  it.each([
    [0, '0'],
    [1, '0.000001'],
    [1_500_000, '1.5'],
    [123_456_789_012, '123456.789012'],
    [-2_000_000, '-2'],
    [Number.MAX_SAFE_INTEGER, '9007199254.740991'],
  ])('units %d → quote %s, exactly', (units, text) => expect(unitsToQuoteText(units)).toBe(text));

  it('writes a header and one row per path', () => {
    const f = (...v: number[]) => Float64Array.from(v);
    const csv = perPathCsv({
      badDebtUnits: f(0, 2_500_000),
      fundDrawUnits: f(0, 1_000_000),
      socializedLossUnits: f(0, 1_500_000),
      vaultLossUnits: f(0, 0),
      uncoveredUnits: f(0, 0),
      liquidations: f(3, 12),
      adlNotionalQuote: f(0, 0.1),
      fundDepletedStep: Int32Array.from([-1, 40]),
      ledgerBalanced: Uint8Array.from([1, 1]),
      vaultPnlUnits: f(-750_000, 4_000_001),
      adlNeededUnits: f(0, 1_500_000),
      adlProfitClosedUnits: f(0, 2_250_000),
      openDeficitUnits: f(125, 0),
    });
    expect(CSV_COLUMNS.slice(-4)).toEqual(['vaultPnl', 'adlNeeded', 'adlProfitClosed', 'openDeficit']);
    expect(csv.split('\n')).toEqual([
      CSV_COLUMNS.join(','),
      '1,0,0,0,0,0,3,0,false,true,-0.75,0,0,0.000125',
      '2,2.5,1,1.5,0,0,12,0.1,true,true,4.000001,1.5,2.25,0',
      '',
    ]);
  });
});

describe('the parameters file', () => {
  it('round-trips the parameters', () => {
    const params = defaultParams();
    const read = readParamsFile(paramsFileText(params));
    expect(read).toEqual({ ok: true, params });
  });

  it('lists problems by field and applies nothing', () => {
    const params = defaultParams() as unknown as Record<string, Record<string, unknown>>;
    params.margin!.maintenanceMarginRatio = -1;
    params.market!.steps = 'many';
    const read = readParamsFile(JSON.stringify(params));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['margin.maintenanceMarginRatio', 'market.steps']));
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['a prototype key', '{"__proto__":{"x":1}}', /./],
    ['an array', '[]', /./],
  ])('refuses %s', (_case, text, message) => {
    const read = readParamsFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(message);
  });
});

describe('chart file names', () => {
  it.each([
    ['Socialized loss per path', 'haircut-socialized-loss-per-path'],
    ['Fund ‹balance› — p5…p95', 'haircut-fund-balance-p5-p95'],
    ['', 'haircut-chart'],
  ])('%j → %s', (title, stem) => expect(chartFileStem(title)).toBe(stem));
});

describe('chart export frame', () => {
  it('keeps title, legend, caption and parameters around the chart, escaped', () => {
    const chart = { text: '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="500" height="200"><g/></svg>', width: 500, height: 200 };
    const framed = frameChartSvg(chart, {
      title: 'P(loss ≥ x) <tail>',
      caption: 'Share of paths whose loss reached at least x & more.',
      legend: [{ color: '#b42318', label: 'socialized loss' }, { color: '#c2410c', label: 'bad debt' }],
      parameters: ['insuranceFund.initial 250000', 'paths 1,000 · seed 1'],
    });
    expect(framed.text).toContain('<title>P(loss ≥ x) &lt;tail&gt;</title>');
    expect(framed.text).toContain('x &amp; more.');
    expect(framed.text).toContain('fill="#b42318"');
    expect(framed.text).toContain('>bad debt</text>');
    expect(framed.text).toContain('insuranceFund.initial 250000');
    expect(framed.text).toContain('<svg x="0" y="');
    expect(framed.text.match(/<\?xml/g)).toHaveLength(1);
    expect(framed.height).toBeGreaterThan(200);
    expect(new DOMParserLike(framed.text).ok).toBe(true);
  });

  it('wraps words at the width', () => {
    expect(wrapText('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('averyverylongword x', 5)).toEqual(['averyverylongword', 'x']);
  });
});

/** Balanced tags: a cheap well-formedness check without a DOM. */
class DOMParserLike {
  ok: boolean;
  constructor(text: string) {
    const stack: string[] = [];
    let ok = true;
    for (const m of text.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (m[3] === '/') continue;
      if (m[1] === '/') ok = ok && stack.pop() === m[2];
      else stack.push(m[2]!);
    }
    this.ok = ok && stack.length === 0;
  }
}
