// The share controls' pure parts: the parameters file, chart file names (the per-path CSV: src/state/pathsCsv.test.ts).
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../engine/params/defaults';
import { chartFileStem, frameChartSvg, wrapText } from './chartExport';
import { paramsFileText, readParamsFile } from './paramsFile';

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
