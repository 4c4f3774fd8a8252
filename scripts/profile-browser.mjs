// npm run profile:browser — where the milliseconds of a page run go (issue 20: "profile first").
// Serves a built site (HAIRCUT_BENCH_DIR, default bench-results/site; run `npm run bench:browser` or
// `vite build --outDir …` first), presses "Re-run with a new seed" N times under a Chrome trace and a main-thread
// CPU profile, and prints one JSON object:
//   threads      — per renderer thread (main, each worker), busy ms from the click to run-status "done"
//                  (sum of top-level tasks' wall time), median over runs; threadsCpu the same in thread CPU time
//                  (what a loaded machine does not inflate);
//   mainByEvent  — the main thread's top-level task time split by what ran (script, style, layout, paint, GC);
//   mainByFunction — main-thread self time by JS function (CPU profile), top 20, summed over runs;
//   wallMs       — click to "done", median;
//   chartDraws / chartDrawMs — chart cards drawn (user-timing measures of src/ui/charts/chartScheduler.ts, only with
//                  the page's profiling flag, which this script sets) and their total time per run, median.
// Options: --runs N (5), --port P (HAIRCUT_BENCH_PORT or 4175), --workers N. Progress on stderr.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startPreview } from './benchSite.mjs';

const log = (line) => process.stderr.write(`[profile:browser] ${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

function parseArgs(argv) {
  const options = { runs: 5, port: Number(process.env.HAIRCUT_BENCH_PORT) || 4175, workers: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    if (argv[i] === '--runs') options.runs = value();
    else if (argv[i] === '--port') options.port = value();
    else if (argv[i] === '--workers') options.workers = value();
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

/** Classifies a main-thread trace event under a top-level task. */
function kindOf(name) {
  if (/^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|v8\.run|V8\.Execute|RunMicrotasks|v8\.callFunction)/.test(name)) return 'script';
  if (/GC|GarbageCollection/i.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayerTree|PrePaint|Layerize)/.test(name)) return 'layout';
  if (/^(Paint|CompositeLayers|RasterTask|Commit|PaintImage)/.test(name)) return 'paint';
  return null;
}

function analyseTrace(events, startUs, endUs) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const busy = new Map();
  const cpu = new Map();
  const mainByEvent = {};
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= startUs && e.ts <= endUs);
  let mainKey = null;
  for (const [key, name] of names) if (name === 'CrRendererMain') mainKey ??= key;
  for (const task of tasks) {
    const key = `${task.pid}:${task.tid}`;
    const name = names.get(key) ?? key;
    if (!/CrRendererMain|DedicatedWorker/.test(name)) continue;
    const clipped = Math.min(task.ts + task.dur, endUs) - Math.max(task.ts, startUs);
    busy.set(key, (busy.get(key) ?? 0) + clipped / 1000);
    // tdur: the thread's CPU time in the task (unlike dur, not inflated by waiting for a core on a loaded machine).
    if (task.tdur !== undefined) cpu.set(key, (cpu.get(key) ?? 0) + (task.tdur * clipped) / Math.max(task.dur, 1) / 1000);
  }
  // Main thread: attribute each top-level task's children to the first kind found at depth 1.
  const mainEvents = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === mainKey && e.ts >= startUs && e.ts <= endUs).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let currentTaskEnd = -1;
  let coveredUntil = -1;
  for (const e of mainEvents) {
    if (e.name === 'RunTask') {
      currentTaskEnd = e.ts + e.dur;
      coveredUntil = e.ts;
      continue;
    }
    if (e.ts >= currentTaskEnd || e.ts < coveredUntil) continue;
    const kind = kindOf(e.name);
    if (!kind) continue;
    mainByEvent[kind] = (mainByEvent[kind] ?? 0) + e.dur / 1000;
    coveredUntil = e.ts + e.dur;
  }
  const threads = {};
  const threadsCpu = {};
  let w = 0;
  for (const [key, ms] of [...busy].sort()) {
    const name = names.get(key) ?? key;
    const label = name === 'CrRendererMain' ? 'main' : `${name}#${++w}`;
    threads[label] = ms;
    threadsCpu[label] = cpu.get(key) ?? 0;
  }
  return { threads, threadsCpu, mainByEvent };
}

function selfTimeByFunction(profile, into) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const url = f.url ? f.url.replace(/^.*\//, '') : '';
    const key = `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { child, url } = await startPreview(options.port);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    const target = options.workers ? `${url}?workers=${options.workers}` : url;
    await page.addInitScript(() => {
      globalThis.__haircutProfileDraws = true;
    });
    await page.goto(target);
    const doneAfter = (prev) =>
      page.waitForFunction(
        (p) => {
          const done = performance.getEntriesByName('haircut:run-done')[0];
          return done && done.detail.runId > p && document.querySelector('[data-testid="run-status"]')?.textContent === 'done';
        },
        prev,
        { timeout: 120_000, polling: 20 },
      );
    await doneAfter(0);
    log('boot run done');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const perRun = [];
    const functions = new Map();
    for (let r = 0; r < options.runs; r++) {
      await page.waitForTimeout(500);
      const prev = await page.evaluate(() => performance.getEntriesByName('haircut:run-done')[0]?.detail?.runId ?? 0);
      await page.evaluate(() => performance.clearMeasures('haircut:chart-draw'));
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'toplevel', '__metadata'] });
      await cdp.send('Profiler.start');
      const clickAt = await page.evaluate(() => performance.timeOrigin + performance.now());
      await page.getByRole('button', { name: 'Re-run with a new seed' }).click();
      await doneAfter(prev);
      const doneAt = await page.evaluate(() => performance.timeOrigin + performance.now());
      await page.waitForTimeout(300); // the final charts draw after the status
      const { profile } = await cdp.send('Profiler.stop');
      const trace = JSON.parse((await browser.stopTracing()).toString());
      const events = trace.traceEvents ?? trace;
      // Trace timestamps are µs on a monotonic clock; align on the click's task via the first user-timing mark.
      const mark = events.find((e) => e.name === 'haircut:run-start' && e.ph !== 'M');
      const markAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('haircut:run-start')[0]?.startTime ?? 0));
      const offsetUs = mark ? mark.ts - markAt * 1000 : 0;
      const startUs = clickAt * 1000 + offsetUs;
      const endUs = (doneAt + 300) * 1000 + offsetUs;
      const analysed = analyseTrace(events, startUs, endUs);
      const draws = await page.evaluate(() => performance.getEntriesByName('haircut:chart-draw').map((e) => e.duration));
      analysed.chartDraws = draws.length;
      analysed.chartDrawMs = draws.reduce((a, b) => a + b, 0);
      selfTimeByFunction(profile, functions);
      perRun.push({ wallMs: doneAt - clickAt, ...analysed });
      log(`run ${r + 1}: ${JSON.stringify(perRun.at(-1))}`);
    }
    const threadNames = [...new Set(perRun.flatMap((r) => Object.keys(r.threads)))];
    const kinds = [...new Set(perRun.flatMap((r) => Object.keys(r.mainByEvent)))];
    const result = {
      runs: options.runs,
      wallMs: round(median(perRun.map((r) => r.wallMs))),
      chartDraws: median(perRun.map((r) => r.chartDraws)),
      chartDrawMs: round(median(perRun.map((r) => r.chartDrawMs))),
      threads: Object.fromEntries(threadNames.map((n) => [n, round(median(perRun.map((r) => r.threads[n] ?? 0)))])),
      threadsCpu: Object.fromEntries(threadNames.map((n) => [n, round(median(perRun.map((r) => r.threadsCpu[n] ?? 0)))])),
      mainByEvent: Object.fromEntries(kinds.map((k) => [k, round(median(perRun.map((r) => r.mainByEvent[k] ?? 0)))])),
      mainByFunction: Object.fromEntries(
        [...functions]
          .filter(([k]) => !/^\((idle|program)\)/.test(k))
          .sort((a, b) => b[1] - a[1])
          .slice(0, 20)
          .map(([k, ms]) => [k, round(ms / options.runs)]),
      ),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    child.kill();
  }
}

main().catch((error) => {
  process.stderr.write(`[profile:browser] ERROR: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
