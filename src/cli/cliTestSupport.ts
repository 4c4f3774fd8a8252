// Test support for the CLI tests: each runs a command as a delegate would (`npm run <script> -- …` is tsx on
// src/cli/<script>.ts in a child process), so exit status, stdout and stderr are what a shell sees. Tests only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsxCli = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface CliRun {
  /** The exit status; -1 if the process was killed (by the timeout, say). */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs src/cli/<script>.ts with `args` from the project root, as `npm run <script> -- args` does. */
export function spawnCli(script: string, args: readonly string[], timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, [tsxCli, `src/cli/${script}.ts`, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** stdout parsed as JSON, after checking the command succeeded (its stderr is the failure message otherwise). */
export function jsonOf<T = Record<string, unknown>>(run: CliRun): T {
  if (run.code !== 0) throw new Error(`the command exited with ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** A fresh temporary folder whose `write(name, value)` stores `value` as JSON and returns the file's path. */
export function scratchFolder(prefix: string): { dir: string; write: (name: string, value: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), `haircut-${prefix}-`));
  return {
    dir,
    write(name, value) {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    },
  };
}
