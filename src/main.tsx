import './zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { heavyRunGate } from './state/heavyRunGate';
import { appStore, poolWorkerCount } from './state/useAppStore';
import { startPageUrlSync } from './state/urlSync';
import { App } from './ui/App';
import { EmbedView, embedChartOf } from './ui/report/EmbedView';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A share link's state (#v=…&s=…) reaches the store before the first render and the first run; one whose run
// would take more than ~30 s waits for the visitor's go-ahead (heavyRunGate).
startPageUrlSync(appStore, window, { admit: heavyRunGate(poolWorkerCount) });

// `?embed=<chart>` shows one live chart for an iframe (issue 16); the state and the run are the same.
const embed = embedChartOf(location.search);

createRoot(container).render(<StrictMode>{embed !== null ? <EmbedView chart={embed} /> : <App />}</StrictMode>);

// Open with numbers: run the current parameters once at start (in the worker pool). From then on the store
// reruns by itself whenever parameters, seed, paths or the baseline change.
appStore.getState().startRun();
