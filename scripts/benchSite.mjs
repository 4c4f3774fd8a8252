// The built site that bench:browser, profile:browser and profile-threads drive: where it lives and the
// `vite preview` that serves it, in one place so the three measure the same thing.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const viteBin = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
/** The folder the site is built into (relative to the project root unless absolute). */
export const siteDir = process.env.HAIRCUT_BENCH_DIR || 'bench-results/site';

/** Serves the built site on `port`; resolves once it answers (10 s at most). */
export async function startPreview(port) {
  const child = spawn(process.execPath, [viteBin, 'preview', '--outDir', siteDir, '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  const url = `http://localhost:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { child, url };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}
