// node scripts/profile-threads.mjs — where every thread's CPU goes in a page run, the first run after load included.
// profile:browser samples only the main thread, and only for later runs; this script records one Chrome trace with
// V8's sampling profiler on (category disabled-by-default-v8.cpu_profiler), which samples every renderer thread —
// the main thread and each worker — from the navigation on, so the boot run (worker start-up, module evaluation,
// cold JIT) is profiled too. Serves a built site (HAIRCUT_BENCH_DIR, default bench-results/site); for readable
// function names build it unminified: `npx vite build --minify false --outDir bench-results/site-plain` and set
// HAIRCUT_BENCH_DIR=bench-results/site-plain. Prints one JSON object:
//   boot / later — for the boot run (navigation to run-status "done", + 300 ms) and for later runs ("Re-run with a
//     new seed", --runs of them, click to "done" + 300 ms, per run): per thread (main, each worker), sampled ms, the
//     top functions by self time and by total (inclusive) time; laterToDone — the same from click to "done" only
//     (after "done" the charts draw the final summary and rare-event mode may start its importance run);
//   mainTasks — the main thread's longest task of each window by wall time (with its CPU time) and the longest
//     task by CPU time (tdur): under load the first is mostly time spent waiting for a core.
// Options: --runs N (3), --port P (HAIRCUT_BENCH_PORT or 4175), --top N (25), --workers N. Progress on stderr.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';
import { siteDir, startPreview } from './benchSite.mjs';

const log = (line) => process.stderr.write(`[profile:threads] ${line}\n`);
const round = (x) => Math.round(x * 10) / 10;

function parseArgs(argv) {
  const options = { runs: 3, port: Number(process.env.HAIRCUT_BENCH_PORT) || 4175, top: 25, workers: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    if (argv[i] === '--runs') options.runs = value();
    else if (argv[i] === '--port') options.port = value();
    else if (argv[i] === '--top') options.top = value();
    else if (argv[i] === '--workers') options.workers = value();
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

/**
 * The trace's sampled profiles, one per (pid, profile id): nodes arrive over several ProfileChunk events, each
 * sample's time is the profile's start plus the running sum of timeDeltas (µs, the trace clock).
 */
function profilesOf(events) {
  const threadNames = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && e.ph === 'P') {
      profiles.set(`${e.pid}:${e.id}`, { thread: threadNames.get(`${e.pid}:${e.tid}`) ?? 'thread', tid: e.tid, nodes: new Map(), samples: [], times: [], clock: e.args.data.startTime });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      profile.clock += deltas[i] ?? 0;
      profile.samples.push(samples[i]);
      profile.times.push(profile.clock);
    }
  }
  return [...profiles.values()];
}

const frameKey = (f) => `${f.functionName || '(anonymous)'} ${f.url ? f.url.replace(/^.*\//, '') : ''}:${(f.lineNumber ?? 0) + 1}`;

/** Per thread: sampled ms in [fromUs, toUs), self and inclusive ms by function (into `into`, summed). */
function attribute(profiles, fromUs, toUs, into) {
  for (const profile of profiles) {
    const label = profile.thread === 'CrRendererMain' ? 'main' : `${profile.thread} ${profile.tid}`;
    if (!/main|Worker|haircut/i.test(label)) continue;
    const thread = (into[label] ??= { ms: 0, self: new Map(), total: new Map() });
    for (let i = 0; i + 1 < profile.samples.length; i++) {
      const at = profile.times[i];
      if (at < fromUs || at >= toUs) continue;
      // A sample stands for the time until the next one.
      const ms = (profile.times[i + 1] - at) / 1000;
      let node = profile.nodes.get(profile.samples[i]);
      if (!node) continue;
      const selfKey = frameKey(node.callFrame);
      if (/^\(idle\)/.test(selfKey)) continue;
      thread.ms += ms;
      thread.self.set(selfKey, (thread.self.get(selfKey) ?? 0) + ms);
      const seen = new Set();
      while (node) {
        const key = frameKey(node.callFrame);
        if (!seen.has(key)) {
          seen.add(key);
          thread.total.set(key, (thread.total.get(key) ?? 0) + ms);
        }
        node = node.parent !== undefined ? profile.nodes.get(node.parent) : undefined;
      }
    }
  }
}

/**
 * The main thread's longest task in [fromUs, toUs) by wall time (what a 'longtask' observer sees) and by the
 * thread's own CPU time (tdur): on a loaded machine a task's wall time is mostly waiting for a core.
 */
function mainTasks(events, fromUs, toUs) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  let wall = { ms: 0, cpuMs: 0 };
  let cpu = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || names.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    if (e.ts + e.dur < fromUs || e.ts > toUs) continue;
    const taskCpu = (e.tdur ?? 0) / 1000;
    if (e.dur / 1000 > wall.ms) wall = { ms: round(e.dur / 1000), cpuMs: round(taskCpu) };
    cpu = Math.max(cpu, taskCpu);
  }
  return { longestWall: wall, longestCpuMs: round(cpu) };
}

/** Nodes name their parent only through `children`: fill `parent` in. */
function linkParents(profiles) {
  for (const profile of profiles) for (const node of profile.nodes.values()) for (const child of node.children ?? []) {
    const c = profile.nodes.get(child);
    if (c) c.parent = node.id;
  }
}

function report(threads, divisor, top) {
  const out = {};
  for (const [label, t] of Object.entries(threads).sort()) {
    const list = (m) =>
      Object.fromEntries(
        [...m]
          .filter(([k]) => !/^\((program|root)\)/.test(k))
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([k, ms]) => [k, round(ms / divisor)]),
      );
    out[label] = { ms: round(t.ms / divisor), self: list(t.self), total: list(t.total) };
  }
  return out;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { child, url } = await startPreview(options.port);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const target = options.workers ? `${url}?workers=${options.workers}` : url;
    const doneAfter = (prev) =>
      page.waitForFunction(
        (p) => {
          const done = performance.getEntriesByName('haircut:run-done')[0];
          return done && done.detail.runId > p && document.querySelector('[data-testid="run-status"]')?.textContent === 'done';
        },
        prev,
        { timeout: 120_000, polling: 20 },
      );
    const categories = ['disabled-by-default-v8.cpu_profiler', 'v8', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', '__metadata'];
    const clock = () => page.evaluate(() => performance.timeOrigin + performance.now());
    // When the run was done, from its user-timing mark (polling for the status would add up to a poll's delay).
    const doneMark = () => page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('haircut:run-done')[0]?.startTime ?? performance.now()));

    // Boot: trace from before the navigation to "done" of the first run.
    await browser.startTracing(page, { categories });
    await page.goto(target);
    await doneAfter(0);
    const bootDoneAt = await doneMark();
    const bootStartAt = await page.evaluate(() => performance.timeOrigin);
    await page.waitForTimeout(300);
    let trace = JSON.parse((await browser.stopTracing()).toString());
    let events = trace.traceEvents ?? trace;
    const offsetOf = async (events) => {
      // Trace µs vs the page's epoch ms, aligned on the latest run-start mark.
      const marks = events.filter((e) => e.name === 'haircut:run-start' && e.ph !== 'M');
      const mark = marks.at(-1);
      const markAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('haircut:run-start')[0]?.startTime ?? 0));
      return mark ? mark.ts - markAt * 1000 : 0;
    };
    let offset = await offsetOf(events);
    let profiles = profilesOf(events);
    linkParents(profiles);
    const boot = {};
    attribute(profiles, bootStartAt * 1000 + offset, (bootDoneAt + 300) * 1000 + offset, boot);
    const bootTasks = mainTasks(events, bootStartAt * 1000 + offset, (bootDoneAt + 300) * 1000 + offset);
    log(`boot run profiled (${round(bootDoneAt - bootStartAt)} ms from navigation to done)`);

    const later = {};
    const laterToDone = {};
    const walls = [];
    const tasks = [];
    for (let r = 0; r < options.runs; r++) {
      await page.waitForTimeout(500);
      const prev = await page.evaluate(() => performance.getEntriesByName('haircut:run-done')[0]?.detail?.runId ?? 0);
      await browser.startTracing(page, { categories });
      const clickAt = await clock();
      await page.getByRole('button', { name: 'Re-run with a new seed' }).click();
      await doneAfter(prev);
      const doneAt = await doneMark();
      await page.waitForTimeout(300);
      trace = JSON.parse((await browser.stopTracing()).toString());
      events = trace.traceEvents ?? trace;
      offset = await offsetOf(events);
      profiles = profilesOf(events);
      linkParents(profiles);
      attribute(profiles, clickAt * 1000 + offset, (doneAt + 300) * 1000 + offset, later);
      attribute(profiles, clickAt * 1000 + offset, doneAt * 1000 + offset, laterToDone);
      walls.push(doneAt - clickAt);
      tasks.push(mainTasks(events, clickAt * 1000 + offset, (doneAt + 300) * 1000 + offset));
      log(`run ${r + 1}: ${round(doneAt - clickAt)} ms click to done`);
    }
    const result = {
      site: siteDir,
      bootWallMs: round(bootDoneAt - bootStartAt),
      laterWallMs: walls.map(round),
      mainTasks: { boot: bootTasks, later: tasks },
      boot: report(boot, 1, options.top),
      later: report(later, options.runs, options.top),
      laterToDone: report(laterToDone, options.runs, options.top),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    child.kill();
  }
}

main().catch((error) => {
  process.stderr.write(`[profile:threads] ERROR: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
