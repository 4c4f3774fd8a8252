// CLI input hardening (issue 18 §5): bounded reads of regular files only, a BOM accepted, flags parsed on a
// null-prototype table, control characters escaped in every echoed message.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../engine/params/defaults';
import { parseFlags, UsageError } from './args';
import { InputFileError, MAX_INPUT_BYTES, readInputFile } from './inputFile';
import { printable, writeError } from './printable';
import { formatProblems } from '../engine/params/validateParams';
import { readRunInputs } from './readRunInputs';

const dir = mkdtempSync(join(tmpdir(), 'haircut-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Whether `text` holds a control character other than the newline. */
const hasControl = (text: string): boolean => [...text].some((c) => c !== '\n' && (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f));

/** What readRunInputs wrote to stderr. */
function stderrOf(run: () => void): string {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return text;
}

describe('readInputFile', () => {
  it('refuses a device before reading a byte (/dev/zero used to grow memory without bound)', () => {
    expect(() => readInputFile('/dev/zero')).toThrow(/\/dev\/zero is a device; only regular files are read/);
  });

  it('refuses a FIFO with no writer at once instead of blocking', () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(() => readInputFile(fifo)).toThrow(/is a pipe \(FIFO\); only regular files are read/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a directory', () => {
    expect(() => readInputFile(dir)).toThrow(InputFileError);
  });

  it('refuses a file above the limit with the limit in the message', () => {
    const big = file('big.json', 'x'.repeat(3_000_001));
    expect(() => readInputFile(big, 2_000_000)).toThrow(/is 3 MB, above the 2 MB limit for an input file; it was not read/);
    expect(readInputFile(big, 3_000_001)).toHaveLength(3_000_001);
    expect(MAX_INPUT_BYTES).toBe(200_000_000);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bom = file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]));
    expect(readInputFile(bom)).toBe('{"a":1}');
  });
});

describe('readRunInputs', () => {
  it('reads a parameters file that starts with a BOM (it used to be refused)', () => {
    const path = file('bom-params.json', `\ufeff${JSON.stringify(defaultParams())}`);
    const inputs = readRunInputs(path, {});
    expect(inputs.readable && inputs.params !== null && inputs.problems).toEqual([]);
  });

  it('escapes raw control bytes of a malformed file in its message', () => {
    const path = file('evil.json', '{"a": \u001b[31m\u0000}');
    const err = stderrOf(() => expect(readRunInputs(path, {}).readable).toBe(false));
    expect(err).toContain(path);
    expect(hasControl(err)).toBe(false);
  });

  it('escapes control characters in a file name', () => {
    const err = stderrOf(() => readRunInputs(join(dir, 'no\u001b]0;pwned\u0007such.json'), {}));
    expect(err).toContain('no\\u001b]0;pwned\\u0007such.json');
    expect(hasControl(err)).toBe(false);
  });

  it('escapes control characters in unknown field names of a parameters file', () => {
    const params = { ...defaultParams(), 'bad\u001b[2Jkey': 1 };
    const path = file('field.json', JSON.stringify(params));
    const inputs = readRunInputs(path, {});
    if (!inputs.readable) throw new Error('the file should be readable');
    expect(inputs.params).toBeNull();
    const err = stderrOf(() => writeError(`${formatProblems(inputs.problems)}\n`));
    expect(err).toContain('\\u001b[2J');
    expect(hasControl(err)).toBe(false);
  });
});

describe('parseFlags', () => {
  const spec = { params: 'string', json: 'boolean' } as const;
  it.each(['--constructor', '--toString', '--__proto__', '--hasOwnProperty', '--valueOf'])('%s is an unknown flag, not "given twice"', (flag) => {
    expect(() => parseFlags([flag], spec)).toThrow(new UsageError(`unknown argument '${flag}'`));
    expect(() => parseFlags(['--json', flag], spec)).toThrow(/unknown argument/);
  });

  it('still finds a flag given twice', () => {
    expect(() => parseFlags(['--json', '--json'], spec)).toThrow('--json given twice');
  });

  it('returns a plain object with the flags given', () => {
    expect(parseFlags(['--params', 'a.json', '--json'], spec)).toEqual({ params: 'a.json', json: true });
  });

  it('escapes control characters of an echoed argument', () => {
    expect(() => parseFlags(['--x\u001b[31m\u0000'], spec)).toThrow("unknown argument '--x\\u001b[31m\\u0000'");
  });
});

describe('printable', () => {
  it('keeps newlines and printable text, escapes C0, DEL, C1 and bidi overrides', () => {
    expect(printable('a\nb')).toBe('a\nb');
    expect(printable('\u0000\t\r\u007f\u0085\u202e')).toBe('\\u0000\\u0009\\u000d\\u007f\\u0085\\u202e');
    expect(printable('seed 42 – 1,000 paths')).toBe('seed 42 – 1,000 paths');
  });
});
