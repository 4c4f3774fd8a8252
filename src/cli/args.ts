/** A tiny strict argument parser: known flags only, every value checked, errors that say which flag. */
export interface FlagSpec {
  [name: string]: 'boolean' | 'string';
}

export type ParsedFlags<S extends FlagSpec> = { [K in keyof S]?: S[K] extends 'boolean' ? boolean : string };

import { printable } from './printable';

/** A bad command line; its message has control characters escaped (it echoes what was typed). */
export class UsageError extends Error {
  constructor(message: string) {
    super(printable(message));
  }
}

export function parseFlags<S extends FlagSpec>(argv: string[], spec: S): ParsedFlags<S> {
  // Null-prototype tables and own-property lookups: `--constructor` or `--__proto__` is an unknown flag.
  const out: Record<string, string | boolean> = Object.create(null) as Record<string, string | boolean>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : '';
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!name || kind === undefined) throw new UsageError(`unknown argument '${arg}'`);
    if (name in out) throw new UsageError(`--${name} given twice`);
    if (kind === 'boolean') {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
    } else {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      out[name] = value;
    }
  }
  return { ...out } as ParsedFlags<S>;
}

/** A non-negative integer flag, or the fallback when absent. */
export function integerFlag(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a non-negative integer, got '${raw}'`);
  return Number(raw);
}

/**
 * Runs a command's `main` as the process: its return value is the exit status; a UsageError prints the message and
 * the usage to stderr and exits 2; any other error propagates (Node prints it and exits 1).
 */
export function runCli(main: (argv: string[]) => number, usage: string, writeError: (text: string) => void = (t) => process.stderr.write(t)): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`${error.message}\n${usage}\n`);
    process.exitCode = 2;
  }
}
