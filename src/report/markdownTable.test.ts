import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCell, markdownTable, parseMarkdownTable } from './markdownTable';

describe('GitHub-flavoured Markdown tables', () => {
  it('writes a header, a delimiter row with alignments, then the rows', () => {
    expect(markdownTable(['Parameter', 'Current'], ['left', 'right'], [['Fund', '1 %']])).toBe('| Parameter | Current |\n| --- | ---: |\n| Fund | 1 % |');
  });

  it('no cell text can add or split a cell: pipes are escaped, line breaks flattened (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string(), fc.string()), { maxLength: 5 }), (rows) => {
        const text = markdownTable(['a', 'b', 'c'], ['left', 'right', 'left'], rows);
        const parsed = parseMarkdownTable(text);
        expect(parsed.rows).toHaveLength(rows.length);
        expect(parsed.rows).toEqual(rows.map((r) => r.map(escapeCell).map((c) => c.replace(/\\(.)/g, '$1').trim())));
      }),
    );
  });

  it('refuses rows whose length differs from the header', () => {
    expect(() => markdownTable(['a', 'b'], ['left', 'left'], [['1']])).toThrow(/row 0 has 1 cells/);
    expect(() => parseMarkdownTable('| a | b |\n| --- | --- |\n| 1 |')).toThrow(/row 0 has 1 cells/);
    expect(() => parseMarkdownTable('| a | b |\n| 1 | 2 |')).toThrow(/delimiter/);
  });
});
