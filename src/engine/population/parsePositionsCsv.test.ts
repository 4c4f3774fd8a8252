import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../params/defaults';
import type { ExplicitAccount } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { formatCsvProblems, MAX_CSV_PROBLEMS, MAX_CSV_ROWS, parsePositionsCsv, positionsToCsv, type CsvProblem } from './parsePositionsCsv';

const HEADER = 'id,side,size,entryPrice,collateral';
const a1: ExplicitAccount = { id: 'a1', side: 'long', size: '10', entryPrice: '100', collateral: '100' };
const a2: ExplicitAccount = { id: 'a2', side: 'short', size: '2.5', entryPrice: '101.25', collateral: '-3.5' };

function problemsOf(text: string): CsvProblem[] {
  const result = parsePositionsCsv(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parsePositionsCsv reads', () => {
  it('a plain file', () => {
    expect(parsePositionsCsv(`${HEADER}\na1,long,10,100,100\na2,short,2.5,101.25,-3.5\n`)).toEqual({ ok: true, accounts: [a1, a2] });
  });

  it.each([
    ['columns in any order, any case, padded', ' Collateral ,SIDE, entryprice ,Size,ID\n100,long,100,10,a1\n-3.5,short,101.25,2.5,a2'],
    ['CRLF line ends and a byte-order mark', `\uFEFF${HEADER}\r\na1,long,10,100,100\r\na2,short,2.5,101.25,-3.5\r\n`],
    ['lone CR line ends', `${HEADER}\ra1,long,10,100,100\ra2,short,2.5,101.25,-3.5`],
    ['trailing empty lines', `${HEADER}\na1,long,10,100,100\na2,short,2.5,101.25,-3.5\n\n  \r\n\n`],
    ['quoted fields and spaces around values', `${HEADER}\n"a1", LONG ,"10",100 , 100\na2,Short,2.5,"101.25","-3.5"`],
  ])('%s', (_name, text) => {
    expect(parsePositionsCsv(text)).toEqual({ ok: true, accounts: [a1, a2] });
  });

  it('quoted ids with commas, doubled quotes and surrounding spaces, kept verbatim', () => {
    const text = `${HEADER}\n"a, ""the whale"" ",long,10,100,100\n`;
    expect(parsePositionsCsv(text)).toEqual({ ok: true, accounts: [{ ...a1, id: 'a, "the whale" ' }] });
  });
});

describe('parsePositionsCsv refuses, naming line and column', () => {
  it.each<[string, string, CsvProblem[]]>([
    ['an empty file', '', [{ line: 1, column: '', message: 'missing header row (id, side, size, entryPrice, collateral)' }]],
    ['a file of blank lines', '\n\n', [{ line: 1, column: '', message: 'missing header row (id, side, size, entryPrice, collateral)' }]],
    ['a header without rows', `${HEADER}\n`, [{ line: 2, column: '', message: 'no positions: the header is not followed by any rows' }]],
    ['an extra column, by name', 'id,side,size,entryPrice,collateral,leverage\na1,long,10,100,100,5', [{ line: 1, column: 'leverage', message: 'unknown column (expected id, side, size, entryPrice, collateral)' }]],
    ['a missing column, by name', 'id,side,size,collateral\na1,long,10,100', [{ line: 1, column: 'entryPrice', message: 'missing column (the header must name id, side, size, entryPrice and collateral)' }]],
    ['a repeated column', 'id,side,size,entryPrice,collateral,SIZE\n', [{ line: 1, column: 'size', message: 'appears more than once in the header' }]],
    ['an unnamed column', 'id,side,,size,entryPrice,collateral\n', [{ line: 1, column: '', message: 'column 3 has no name (expected id, side, size, entryPrice, collateral)' }]],
    ['a blank first line', `\n${HEADER}\na1,long,10,100,100`, [{ line: 1, column: '', message: 'expected the header row (id, side, size, entryPrice, collateral), found an empty line' }]],
    ['a size that is not a number', `${HEADER}\na1,long,10,100,100\nb,long,1,1,1\nc,long,1,1,1\nd,long,1,1,1\ne,long,1,1,1\nf,long,abc,100,100`, [{ line: 7, column: 'size', message: "must be a positive decimal, got 'abc'" }]],
    ['a zero size', `${HEADER}\na1,long,0,100,100`, [{ line: 2, column: 'size', message: "must be above 0, got '0'" }]],
    ['an exponent in an entry price', `${HEADER}\na1,long,1,1e2,100`, [{ line: 2, column: 'entryPrice', message: "must be a positive decimal written without an exponent, got '1e2'" }]],
    ['collateral beyond exact money', `${HEADER}\na1,long,1,100,2000000000`, [{ line: 2, column: 'collateral', message: "must be at most 1000000000 in absolute value (money must stay exact in float64), got '2000000000'" }]],
    ['side buy', `${HEADER}\na1,buy,1,100,100`, [{ line: 2, column: 'side', message: "must be long or short (buy, sell and other words are not accepted), got 'buy'" }]],
    ['an empty id', `${HEADER}\n,long,1,100,100`, [{ line: 2, column: 'id', message: 'must not be empty' }]],
    ['a duplicate id', `${HEADER}\na1,long,1,100,100\na2,long,1,100,100\na1,short,1,100,100`, [{ line: 4, column: 'id', message: "duplicate id 'a1' (first on line 2)" }]],
    ['too few fields', `${HEADER}\na1,long,1,100`, [{ line: 2, column: '', message: 'has 4 fields, the header has 5' }]],
    ['too many fields', `${HEADER}\na1,long,1,100,100,`, [{ line: 2, column: '', message: 'has 6 fields, the header has 5' }]],
    ['an unterminated quote', `${HEADER}\n"a1,long,1,100,100`, [{ line: 2, column: 'id', message: 'unterminated quoted field (a field cannot span lines)' }]],
    ['a stray quote', `${HEADER}\na1,long,1,1"00,100`, [{ line: 2, column: 'entryPrice', message: 'stray double quote in an unquoted field (quote the whole field and write "" for a quote)' }]],
    ['text after a closing quote', `${HEADER}\na1,"long"x,1,100,100`, [{ line: 2, column: 'side', message: 'unexpected text after a closing quote' }]],
    ['an empty line between rows', `${HEADER}\na1,long,1,100,100\n\na2,long,1,100,100`, [{ line: 3, column: '', message: 'empty line (only empty lines at the end of the file are ignored)' }]],
    ['a broken header', '"id,side,size,entryPrice,collateral\n', [{ line: 1, column: '', message: 'header: unterminated quoted field (a field cannot span lines)' }]],
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('reports several problems of one row, one per column', () => {
    expect(problemsOf(`${HEADER}\n,sell,-1,0,x`).map((p) => p.column)).toEqual(['id', 'side', 'size', 'entryPrice', 'collateral']);
  });

  it(`collects at most ${MAX_CSV_PROBLEMS} problems`, () => {
    const rows = Array.from({ length: 200 }, (_, i) => `a${i},long,abc,100,100`);
    const problems = problemsOf([HEADER, ...rows].join('\n'));
    expect(problems).toHaveLength(MAX_CSV_PROBLEMS);
    expect(problems[49]).toEqual({ line: 51, column: 'size', message: "must be a positive decimal, got 'abc'" });
  });

  it(`refuses more than ${MAX_CSV_ROWS} rows, at the first row beyond the limit`, () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `a${i},long,1,100,100`);
    // Line MAX + 2 is row MAX + 1 (the header is line 1): all MAX rows before it were read without a problem.
    expect(parsePositionsCsv([HEADER, ...rows].join('\n'))).toEqual({
      ok: false,
      problems: [{ line: MAX_CSV_ROWS + 2, column: '', message: `too many rows: at most ${MAX_CSV_ROWS} positions` }],
    });
  });

  it('formats problems as "line N, column C: message"', () => {
    expect(formatCsvProblems([
      { line: 7, column: 'size', message: "must be a positive decimal, got 'abc'" },
      { line: 2, column: '', message: 'has 4 fields, the header has 5' },
    ])).toBe("line 7, column size: must be a positive decimal, got 'abc'\nline 2: has 4 fields, the header has 5");
  });
});

const decimalArb = (negative: boolean) =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: negative ? 0n : 1n, max: 10n ** 8n }), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
    .map(([neg, int, frac]) => `${negative && neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);

// Ids: any characters but control characters, not blank (the rules validateParams applies to ids).
const idArb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  // eslint-disable-next-line no-control-regex -- excluding control characters is the point
  .filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(s));

const accountsArb = fc.uniqueArray(
  fc.record({
    id: fc.oneof(idArb, fc.constantFrom(' padded ', 'a,b', '"quoted"', 'x""y', '  ')).filter((s) => s.trim() !== ''),
    side: fc.constantFrom('long' as const, 'short' as const),
    size: decimalArb(false),
    entryPrice: decimalArb(false),
    collateral: decimalArb(true),
  }),
  { minLength: 1, maxLength: 40, selector: (a) => a.id },
);

describe('positionsToCsv', () => {
  it('writes a header and one quoted-where-needed line per account', () => {
    expect(positionsToCsv([a1, { ...a2, id: 'b, "c"' }])).toBe(`${HEADER}\na1,long,10,100,100\n"b, ""c""",short,2.5,101.25,-3.5\n`);
  });

  it('round trips: parse(write(accounts)) = accounts', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        expect(parsePositionsCsv(positionsToCsv(accounts))).toEqual({ ok: true, accounts });
      }),
      { numRuns: 300 },
    );
  });

  it('what the CSV import accepts, validateParams accepts as an explicit population', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const parsed = parsePositionsCsv(positionsToCsv(accounts));
        if (!parsed.ok) throw new Error('round trip failed');
        const result = validateParams({ ...defaultParams(), population: { kind: 'explicit', accounts: parsed.accounts } });
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (junk, row) => {
        expect(() => parsePositionsCsv(junk)).not.toThrow();
        expect(() => parsePositionsCsv(`${HEADER}\n${row}`)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
