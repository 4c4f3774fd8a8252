// GitHub-flavoured Markdown tables (https://github.github.com/gfm/#tables-extension-): a header row, a delimiter
// row, then body rows with the same number of cells. A '|' inside a cell is escaped and line breaks become
// spaces, so no value can add or split a cell.

export type Align = 'left' | 'right';

export function escapeCell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
}

export function markdownTable(header: string[], align: Align[], rows: string[][]): string {
  if (align.length !== header.length) throw new Error(`markdownTable: ${align.length} alignments for ${header.length} columns`);
  const bad = rows.findIndex((row) => row.length !== header.length);
  if (bad >= 0) throw new Error(`markdownTable: row ${bad} has ${rows[bad]!.length} cells, the header ${header.length}`);
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const delimiter = `|${align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(header), delimiter, ...rows.map(line)].join('\n');
}

/**
 * Reads a GFM table back into cells (for tests and for anyone checking a post): splits on unescaped '|' and
 * unescapes. Throws unless the second line is a delimiter row and every row has the header's cell count.
 */
export function parseMarkdownTable(text: string): { header: string[]; align: Align[]; rows: string[][] } {
  const lines = text.trim().split('\n');
  const cells = (line: string): string[] => {
    if (!line.startsWith('|') || !line.endsWith('|')) throw new Error(`not a table row: ${line}`);
    const out: string[] = [];
    let cell = '';
    for (let i = 1; i < line.length - 1; i++) {
      const ch = line[i]!;
      if (ch === '\\' && i + 1 < line.length - 1) {
        cell += line[++i];
      } else if (ch === '|') {
        out.push(cell.trim());
        cell = '';
      } else cell += ch;
    }
    out.push(cell.trim());
    return out;
  };
  const header = cells(lines[0] ?? '');
  const delimiter = cells(lines[1] ?? '');
  if (delimiter.length !== header.length || !delimiter.every((d) => /^:?-{3,}:?$/.test(d))) throw new Error('the second line is not a delimiter row');
  const align = delimiter.map((d): Align => (d.endsWith(':') ? 'right' : 'left'));
  const rows = lines.slice(2).map(cells);
  const bad = rows.findIndex((row) => row.length !== header.length);
  if (bad >= 0) throw new Error(`row ${bad} has ${rows[bad]!.length} cells, the header ${header.length}`);
  return { header, align, rows };
}
