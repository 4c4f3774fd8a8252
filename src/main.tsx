// The page's entry. It loads in stages, each evaluated in a task of its own with the browser free in between:
// evaluating the whole bundle at once, then reading the link, rendering every view and starting the first run
// made the load two tasks of 170–230 and 100–140 ms (issue 20 asks for no main-thread task over 50 ms, the first
// run after load included). React comes first, then the store with its engines, then Recharts, then the views;
// the link is read before the first render and the first run, as before, and the first render is a transition,
// which React renders in slices that yield to the browser.
import './zodJitless';
import './ui/app.css';

/** Lets the browser run whatever waits (input, a frame, a worker's message) before the next stage. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const [{ StrictMode, startTransition }, { createRoot }] = await Promise.all([import('react'), import('react-dom/client')]);
await nextTask();
const [{ appStore, poolWorkerCount }, { heavyRunGate }, { startPageUrlSync }, { selectStatus, selectSummary }] = await Promise.all([
  import('./state/useAppStore'),
  import('./state/heavyRunGate'),
  import('./state/urlSync'),
  import('./state/selectors'),
]);
await nextTask();
// Recharts (with its d3, redux and immer) is most of the views' code: evaluated with them, it made tasks of up to
// ~60 ms in the loads traced; in a stage of its own, the views' stage finds it evaluated.
await import('recharts');
await nextTask();
const [{ App }, { EmbedView, embedChartOf }, { primeCharts }] = await Promise.all([
  import('./ui/App'),
  import('./ui/report/EmbedView'),
  import('./ui/charts/chartPrimer'),
]);
await nextTask();

// A share link's state (#v=…&s=…) reaches the store before the first render and the first run; one whose run
// would take more than ~30 s waits for the visitor's go-ahead (heavyRunGate).
startPageUrlSync(appStore, window, { admit: heavyRunGate(poolWorkerCount) });

// `?embed=<chart>` shows one live chart for an iframe (issue 16); the state and the run are the same.
const embed = embedChartOf(location.search);

const root = createRoot(container);
startTransition(() => root.render(<StrictMode>{embed !== null ? <EmbedView chart={embed} /> : <App />}</StrictMode>));

// Open with numbers: run the current parameters once at start (in the worker pool). From then on the store
// reruns by itself whenever parameters, seed, paths or the baseline change.
appStore.getState().startRun();

// Recharts' code is compiled a piece per task (chartPrimer.tsx), so no chart draw pays for it. It starts from the
// first numbers on screen (started with the run, it shared the cores with the workers and put the numbers off by
// ~80 ms), or at once when no run is under way; the charts wait for it from now on.
const numbersOrNoRun = (state: ReturnType<typeof appStore.getState>) => selectSummary(state) !== null || selectStatus(state) !== 'running';
void primeCharts(
  new Promise<void>((resolve) => {
    if (numbersOrNoRun(appStore.getState())) return resolve();
    const stop = appStore.subscribe((state) => {
      if (!numbersOrNoRun(state)) return;
      stop();
      resolve();
    });
  }),
);
