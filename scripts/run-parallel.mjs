// Runs independent check commands side by side, as many at once as the machine has cores, and fails if any
// fails. The type checks and the linter are single-threaded, so one after another they left a core idle for a
// minute of every CI run. Each command's output is printed whole when it ends, never interleaved with another's.
//   node scripts/run-parallel.mjs "tsc -p tsconfig.app.json" "eslint ." …
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  process.stderr.write('usage: node scripts/run-parallel.mjs "<command>" ["<command>" …]\n');
  process.exit(2);
}

/** @returns {Promise<{ command: string, code: number, seconds: number }>} */
function run(command) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const status = code === 0 ? 'ok' : `FAILED (${signal ?? `exit status ${code}`})`;
      process.stdout.write(`== ${command}: ${status} in ${seconds.toFixed(1)} s\n${Buffer.concat(output).toString()}`);
      resolve({ command, code: code ?? 1, seconds });
    });
  });
}

const queue = [...commands];
const results = [];
async function lane() {
  for (let command = queue.shift(); command !== undefined; command = queue.shift()) results.push(await run(command));
}
await Promise.all(Array.from({ length: Math.min(availableParallelism(), commands.length) }, lane));

const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  process.stderr.write(`${failed.length} of ${commands.length} failed: ${failed.map((r) => r.command).join('; ')}\n`);
  process.exit(1);
}
