import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * Largest input file read, bytes. A parameters file with the schema's largest explicit population (10⁶
 * accounts of ~120 bytes of JSON each) fits; anything bigger is refused before a byte is read.
 */
export const MAX_INPUT_BYTES = 200_000_000;

const megabytes = (n: number): string => `${Math.round(n / 1_000_000)} MB`;

export class InputFileError extends Error {
  override name = 'InputFileError';
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function checkStats(file: string, stats: Stats, limit: number): void {
  if (!stats.isFile()) throw new InputFileError(`${file} is ${kindOf(stats)}; only regular files are read`);
  if (stats.size > limit) {
    throw new InputFileError(`${file} is ${megabytes(stats.size)}, above the ${megabytes(limit)} limit for an input file; it was not read`);
  }
}

/**
 * A regular file's text as UTF-8, a leading byte-order mark dropped. Refuses (InputFileError, naming the file)
 * pipes, devices and directories — checked before opening, so a FIFO with no writer cannot block — and files
 * above `limit` bytes; reads at most `limit` + 1 bytes even if the file grows meanwhile.
 */
export function readInputFile(file: string, limit: number = MAX_INPUT_BYTES): string {
  checkStats(file, statSync(file), limit);
  // O_NONBLOCK: if the path was swapped for a FIFO between the stat and the open, opening still returns.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    checkStats(file, fstatSync(fd), limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 20);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw new InputFileError(`${file} grew above the ${megabytes(limit)} limit for an input file while it was read`);
      chunks.push(chunk.subarray(0, read));
    }
    const text = Buffer.concat(chunks, total).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}
