import { runIdOf } from '../engine/index';
import { finiteJson } from './finiteJson';
import { formatSummaryTable } from './formatSummary';
import { InputFileError, readInputFile } from './inputFile';
import { printable } from './printable';
import { mergeParts, MergeRefusal, type NamedPart } from './shard/mergeParts';
import { printSweep } from './sweepOutput';

const USAGE = `usage: npm run merge -- PART.json... [--json]
  Joins the part files that \`simulate\` or \`sweep\` wrote with --shard i/n --out PART.json (any order) and prints
  exactly what the unsharded command prints. Refuses a missing or duplicated shard, parts of different runs
  (parameters, seed, paths, engine version, n, sweep grid) and a truncated or tampered file.`;

function main(argv: string[]): number {
  const names: string[] = [];
  let json = false;
  for (const arg of argv) {
    if (arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) {
      process.stderr.write(`unknown argument '${arg}'\n${USAGE}\n`);
      return 2;
    } else names.push(arg);
  }
  if (names.length === 0) {
    process.stderr.write(`no part files given\n${USAGE}\n`);
    return 2;
  }
  const files: NamedPart[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    try {
      files.push({ name, text: readInputFile(name) });
    } catch (error) {
      const why = error instanceof InputFileError ? error.message : `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      unreadable.push(printable(`${name}: ${why}`));
    }
  }
  try {
    if (unreadable.length > 0) throw new MergeRefusal(unreadable);
    const merged = mergeParts(files);
    if (merged.command === 'sweep') return printSweep({ ...merged, json });
    const { summary, paths, seed, file, params } = merged;
    // The same run id the unsharded `simulate` prints: the parts hold the parameters, seed and paths it hashes.
    const runId = runIdOf({ params, seed, paths });
    process.stdout.write(json ? `${finiteJson({ ...summary, runId })}\n` : formatSummaryTable(summary, { paths, seed, file, runId }));
    return 0;
  } catch (error) {
    if (!(error instanceof MergeRefusal)) throw error;
    process.stderr.write(printable(`merge refused:\n${error.problems.map((p) => `  ${p}`).join('\n')}\n`));
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
