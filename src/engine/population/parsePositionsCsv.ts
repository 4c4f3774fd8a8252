/**
 * Position snapshots as CSV (the explicit population's accounts): `parsePositionsCsv` is the import door and
 * never throws; `positionsToCsv` writes what it reads back unchanged. Cells follow the same rules as
 * validateParams, so an imported snapshot is refused here or not at all.
 */
import type { ExplicitAccount } from '../params/riskParams';
import { ACCOUNT_DECIMAL_RULES, decimalProblem, describeValue, idProblem, LIMITS } from '../params/schema';

export const POSITION_COLUMNS = ['id', 'side', 'size', 'entryPrice', 'collateral'] as const;
type Column = (typeof POSITION_COLUMNS)[number];

export const MAX_CSV_PROBLEMS = 50;
export const MAX_CSV_ROWS = LIMITS.maxAccounts;

/** A problem at a 1-based line; `column` is the column's name, or '' for a problem with the whole line. */
export interface CsvProblem {
  line: number;
  column: string;
  message: string;
}

export type PositionsCsvResult = { ok: true; accounts: ExplicitAccount[] } | { ok: false; problems: CsvProblem[] };

const EXPECTED = POSITION_COLUMNS.join(', ');

type SplitLine = { fields: string[] } | { error: string; fieldIndex: number };

/**
 * Splits one line into fields: comma separated; a field may be double-quoted (`"a,b"`, `""` for a quote, spaces
 * around the quotes ignored) and is then kept verbatim; an unquoted field is trimmed. A field cannot span lines.
 */
function splitLine(line: string): SplitLine {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let k = i;
    while (line[k] === ' ' || line[k] === '\t') k++;
    let end: number;
    if (line[k] === '"') {
      let value = '';
      let j = k + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return { error: 'unterminated quoted field (a field cannot span lines)', fieldIndex: fields.length };
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      while (line[j] === ' ' || line[j] === '\t') j++;
      if (j < line.length && line[j] !== ',') {
        return { error: 'unexpected text after a closing quote', fieldIndex: fields.length };
      }
      fields.push(value);
      end = j;
    } else {
      const comma = line.indexOf(',', i);
      end = comma < 0 ? line.length : comma;
      const raw = line.slice(i, end);
      if (raw.includes('"')) {
        return { error: 'stray double quote in an unquoted field (quote the whole field and write "" for a quote)', fieldIndex: fields.length };
      }
      fields.push(raw.trim());
    }
    if (end >= line.length) return { fields };
    i = end + 1;
  }
}

/** Lines split on CRLF, LF or CR, numbered from 1, with a leading UTF-8 byte-order mark dropped. */
function* numberedLines(text: string): Generator<[number, string]> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 1;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    yield [number++, text.slice(start, end)];
    if (end >= text.length) return;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
}

function readHeader(fields: string[], problems: CsvProblem[]): Column[] {
  const byLowerName = new Map<string, Column>(POSITION_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns: Column[] = [];
  fields.forEach((name, index) => {
    const column = byLowerName.get(name.trim().toLowerCase());
    if (name.trim() === '') problems.push({ line: 1, column: '', message: `column ${index + 1} has no name (expected ${EXPECTED})` });
    else if (!column) problems.push({ line: 1, column: name.trim(), message: `unknown column (expected ${EXPECTED})` });
    else if (columns.includes(column)) problems.push({ line: 1, column, message: 'appears more than once in the header' });
    else columns.push(column);
  });
  for (const column of POSITION_COLUMNS) {
    if (!columns.includes(column)) problems.push({ line: 1, column, message: 'missing column (the header must name id, side, size, entryPrice and collateral)' });
  }
  return columns;
}

function cellProblem(column: Column, value: string): string | null {
  switch (column) {
    case 'id':
      return idProblem(value);
    case 'side':
      return /^(long|short)$/i.test(value) ? null : `must be long or short (buy, sell and other words are not accepted), got ${describeValue(value)}`;
    default:
      return decimalProblem(value, ACCOUNT_DECIMAL_RULES[column]);
  }
}

/**
 * Reads a positions CSV: a header row naming id, side, size, entryPrice and collateral (any order, any case,
 * surrounding spaces ignored; other columns refused by name), then one account per line, at most 1,000,000.
 * Empty lines at the end are ignored; an empty line between rows is a problem. Returns the accounts (side in
 * lower case, other cells as written), or up to 50 problems, each with its line and column.
 */
export function parsePositionsCsv(text: string): PositionsCsvResult {
  const problems: CsvProblem[] = [];
  const accounts: ExplicitAccount[] = [];
  const firstLineOfId = new Map<string, number>();
  let columns: Column[] | null = null;
  let blankLines: number[] = [];
  let lastLine = 0;
  for (const [line, content] of numberedLines(typeof text === 'string' ? text : '')) {
    lastLine = line;
    if (problems.length >= MAX_CSV_PROBLEMS) break;
    if (content.trim() === '') {
      blankLines.push(line);
      continue;
    }
    for (const blank of blankLines) {
      problems.push({ line: blank, column: '', message: blank === 1 ? `expected the header row (${EXPECTED}), found an empty line` : 'empty line (only empty lines at the end of the file are ignored)' });
    }
    blankLines = [];
    const split = splitLine(content);
    if (columns === null) {
      if ('error' in split) {
        problems.push({ line, column: '', message: `header: ${split.error}` });
        break;
      }
      columns = readHeader(split.fields, problems);
      if (problems.length > 0) break;
      continue;
    }
    if (accounts.length + 1 > MAX_CSV_ROWS) {
      problems.push({ line, column: '', message: `too many rows: at most ${MAX_CSV_ROWS} positions` });
      break;
    }
    if ('error' in split) {
      problems.push({ line, column: columns[split.fieldIndex] ?? '', message: split.error });
      continue;
    }
    if (split.fields.length !== columns.length) {
      problems.push({ line, column: '', message: `has ${split.fields.length} fields, the header has ${columns.length}` });
      continue;
    }
    const cells = {} as Record<Column, string>;
    let rowOk = true;
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index] as Column;
      const value = split.fields[index] as string;
      const problem = cellProblem(column, value);
      if (problem !== null && problems.length < MAX_CSV_PROBLEMS) problems.push({ line, column, message: problem });
      rowOk &&= problem === null;
      cells[column] = value;
    }
    const firstLine = firstLineOfId.get(cells.id);
    if (firstLine !== undefined) {
      if (problems.length < MAX_CSV_PROBLEMS) problems.push({ line, column: 'id', message: `duplicate id ${describeValue(cells.id)} (first on line ${firstLine})` });
      rowOk = false;
    } else firstLineOfId.set(cells.id, line);
    if (rowOk) {
      const side = cells.side.toLowerCase() as ExplicitAccount['side'];
      accounts.push({ id: cells.id, side, size: cells.size, entryPrice: cells.entryPrice, collateral: cells.collateral });
    }
  }
  if (columns === null && problems.length === 0) {
    problems.push({ line: 1, column: '', message: `missing header row (${EXPECTED})` });
  } else if (problems.length === 0 && accounts.length === 0) {
    problems.push({ line: Math.max(2, lastLine), column: '', message: 'no positions: the header is not followed by any rows' });
  }
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, MAX_CSV_PROBLEMS) } : { ok: true, accounts };
}

/** "line 7, column size: must be a positive decimal, got 'abc'", one problem per line. */
export function formatCsvProblems(problems: readonly CsvProblem[]): string {
  return problems.map((p) => `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`).join('\n');
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$|^$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes accounts as a positions CSV (LF line ends, header first), quoting only fields that need it. */
export function positionsToCsv(accounts: readonly ExplicitAccount[]): string {
  const rows = accounts.map((a) => [a.id, a.side, a.size, a.entryPrice, a.collateral].map(csvField).join(','));
  return [POSITION_COLUMNS.join(','), ...rows].join('\n') + '\n';
}
