// The engine's only door into the page: a thin Comlink adapter (STYLE.md §3). Validate the request, call the
// pure engine, return plain data. No state lives here, and the page imports this module's type only.
// An Error thrown here reaches the page as a rejected call (Comlink carries its message).
import { expose } from 'comlink';
import { createSimulator, formatProblems, summarizeRun, validateParams } from '../src/engine/index';
import { validateRunOptions } from '../src/engine/params/validateParams';
import type { RunRequest, RunResponse } from './protocol';

function runSummary(request: RunRequest): RunResponse {
  const started = performance.now();
  const validated = validateParams(request.params);
  const run = validateRunOptions({ paths: request.paths, seed: request.seed });
  const problems = [...(validated.ok ? [] : validated.problems), ...(run.ok ? [] : run.problems)];
  if (!validated.ok || !run.ok) throw new Error(`The parameters were refused:\n${formatProblems(problems)}`);

  const params = validated.params;
  // simulateRange(params, { seed, from: 0, to: paths }), keeping the simulator for an explicit population's ids.
  const simulator = createSimulator(params, request.seed);
  const result = simulator.run(0, request.paths);
  const explicit = params.population.kind === 'explicit';
  const summary = summarizeRun(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}) });
  return { runId: request.runId, summary, elapsedMs: performance.now() - started };
}

const api = { runSummary };

export type EngineApi = typeof api;

expose(api);
