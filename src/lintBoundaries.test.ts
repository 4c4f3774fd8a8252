// Proves the import boundaries of eslint.config.js (STYLE.md §2, issue 17) by linting small in-memory files as
// if they lived in src/engine, src/state and src/ui: the rules must fire on the violations and stay quiet on
// clean code and on the imports each layer is allowed.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

const ENGINE_FILE = 'src/engine/__lint_fixture__.ts';
const UI_FILE = 'src/ui/__lint_fixture__.tsx';
const STATE_FILE = 'src/state/__lint_fixture__.ts';
/** The page's and the store's import rule: typescript-eslint's, which can admit type-only imports. */
const TS_IMPORTS = '@typescript-eslint/no-restricted-imports';

// Loading ESLint and typescript-eslint takes seconds on a busy machine; the first lint pays for it.
const SLOW = { timeout: 60_000 };

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('the engine is pure', SLOW, () => {
  it.each([
    ['imports React', "import { useState } from 'react';\nexport const hook = useState;\n", 'no-restricted-imports'],
    ['imports zustand', "import { createStore } from 'zustand/vanilla';\nexport const s = createStore;\n", 'no-restricted-imports'],
    ['imports a Node API', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'no-restricted-imports'],
    ['imports from the UI', "import { App } from '../ui/App';\nexport const a = App;\n", 'no-restricted-imports'],
    ['uses document', "export const title = (): string => document.title;\n", 'no-restricted-globals'],
    ['uses window', "export const width = (): number => window.innerWidth;\n", 'no-restricted-globals'],
    ['uses Math.random', 'export const coin = (): boolean => Math.random() < 0.5;\n', 'no-restricted-properties'],
    ['reads the clock', 'export const now = (): number => Date.now();\n', 'no-restricted-properties'],
    ['uses Math.pow', 'export const w = (u: number): number => Math.pow(u, -0.5);\n', 'no-restricted-properties'],
    ['uses Math.log1p', 'export const l = (x: number): number => Math.log1p(x);\n', 'no-restricted-properties'],
    ['uses Math.exp', 'export const e = (x: number): number => Math.exp(x);\n', 'no-restricted-properties'],
    ['uses x ** y with a computed exponent', 'export const p = (x: number, y: number): number => x ** y;\n', 'no-restricted-syntax'],
  ])('an engine file that %s is refused', async (_case, code, rule) => {
    expect(await ruleIds(code, ENGINE_FILE)).toContain(rule);
  });

  it('a clean engine file passes', async () => {
    const code = [
      "import Decimal from 'decimal.js';",
      "import type { RiskParams } from './params/riskParams';",
      '',
      '/** Notional in quote of a position, exact. */',
      'export function notionalQuote(size: string, price: string): string {',
      '  return new Decimal(size).times(price).toFixed();',
      '}',
      '',
      "export const stepsOf = (params: RiskParams): number => params.market.steps;",
      'export const square = (x: number): number => x ** 2 + 2 ** -64 + Math.sqrt(x);',
      '',
    ].join('\n');
    expect(await ruleIds(code, ENGINE_FILE)).toEqual([]);
  });
});

describe('the main thread simulates nothing', SLOW, () => {
  it.each([
    ['the engine index', "import { simulateRange } from '../engine/index';\nexport const run = simulateRange;\n"],
    ['the engine directory', "import { simulateRange } from '../engine';\nexport const run = simulateRange;\n"],
    ['simulation code', "import { createSimulator } from '../engine/sim/simulateRange';\nexport const run = createSimulator;\n"],
    ['scenario code', "import { drawPricePath } from '../engine/scenario';\nexport const draw = drawPricePath;\n"],
  ])('a UI file that imports %s is refused', async (_case, code) => {
    expect(await ruleIds(code, UI_FILE)).toContain(TS_IMPORTS);
  });

  it('a state file that imports the engine index is refused', async () => {
    const code = "import { summarizeRun } from '../engine/index';\nexport const summarize = summarizeRun;\n";
    expect(await ruleIds(code, STATE_FILE)).toContain(TS_IMPORTS);
  });

  it('the store may read the crash presets (pure data) but no other scenario module; the page reads them through the store', async () => {
    const presets = "import { CRASH_PRESETS } from '../engine/scenario/crashPresets';\nexport const presets = CRASH_PRESETS;\n";
    expect(await ruleIds(presets, STATE_FILE)).toEqual([]);
    expect(await ruleIds(presets, UI_FILE)).toContain(TS_IMPORTS);
    const crash = "import { crashLevel } from '../engine/scenario/crash';\nexport const level = crashLevel;\n";
    expect(await ruleIds(crash, STATE_FILE)).toContain(TS_IMPORTS);
    const near = "import { x } from '../engine/scenario/crashPresets.extra';\nexport const y = x;\n";
    expect(await ruleIds(near, STATE_FILE)).toContain(TS_IMPORTS);
  });

  it('a UI file may read engine parameter types and defaults', async () => {
    const code = [
      "import type { RiskParams } from '../engine/params/riskParams';",
      "import { defaultParams } from '../engine/params/defaults';",
      '',
      'export const initial: RiskParams = defaultParams();',
      '',
    ].join('\n');
    expect(await ruleIds(code, UI_FILE)).toEqual([]);
  });
});

/** The boundary rules a snippet broke (other rules, e.g. unused imports, are not this test's business). */
async function broken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const boundaryRules = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-imports', 'no-restricted-properties', 'no-restricted-globals']);
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && boundaryRules.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const use = (names: string) => `\nexport const used = [${names}];\n`;

describe('the page (src/ui) by allowlist', SLOW, () => {
  it('rejects importing the pool, and any workers/ file even for a type', async () => {
    expect(await broken('src/ui/results/Probe.tsx', `import { EnginePool } from '../../../workers/client/pool';${use('EnginePool')}`)).toEqual([
      expect.stringMatching(/never imports workers/),
    ]);
    expect(await broken('src/ui/learn/Probe.ts', `import type { LearnTrace } from '../../../workers/worker/traceJob';\nexport type T = LearnTrace;\n`)).toHaveLength(1);
    expect(await broken('src/main.tsx', `import { spawnEngineWorker } from '../workers/client/spawnEngineWorker';${use('spawnEngineWorker')}`)).toHaveLength(1);
  });

  it('keeps workers/ out of the page\'s tests too', async () => {
    expect(await broken('src/ui/charts/probe.test.ts', `import { samplePathOf } from '../../../workers/shared/rangeTransfer';${use('samplePathOf')}`)).toHaveLength(1);
  });

  it('rejects engine values outside params: simulation code, the index, page-facing helpers, a module nobody named yet', async () => {
    const pageFacing = ['identity', 'identity/runId', 'money/money', 'tape/parseTape', 'tape/candleSteps', 'population/parsePositionsCsv', 'margin/marginSchedule', 'scenario/crashPresets'];
    const more = ['importance/rareEventChoice', 'planner/annualCost', 'reports/adlWaves', 'reports/adlPolicies', 'metrics/pathsForPrecision', 'metrics/pairedDifference', 'paramsExtra/x'];
    const simulation = ['', '/index', '/sim/simulateRange', '/metrics/summarizeRun', '/brandNew/module', '/scenario/scenario'];
    for (const from of [...simulation.map((m) => `../../engine${m}`), ...[...pageFacing, ...more].map((m) => `../../engine/${m}`)]) {
      expect(await broken('src/ui/results/Probe.tsx', `import { something } from '${from}';${use('something')}`), from).toEqual([expect.stringMatching(/engine values only/)]);
    }
  });

  it('a value from engine/identity is refused, a type from it passes', async () => {
    expect(await broken('src/ui/report/Probe.tsx', `import { runIdOf } from '../../engine/identity';${use('runIdOf')}`)).toEqual([expect.stringMatching(/engine values only/)]);
    expect(await broken('src/ui/report/Probe.tsx', `import type { RunIdentity } from '../../engine/identity';\nexport type T = RunIdentity;\n`)).toEqual([]);
    expect(await broken('src/ui/report/Probe.tsx', `import { type RunIdentity } from '../../engine/identity/runId';\nexport type T = RunIdentity;\n`)).toEqual([]);
  });

  it('admits engine values from params, and engine types from anywhere', async () => {
    const code = [
      `import { validateParams } from '../../engine/params/validateParams';`,
      `import { defaultParams } from '../../engine/params/defaults';`,
      `import { MARKET_PRESETS } from '../../engine/params/marketPresets';`,
      `import type { CrashPreset } from '../../engine/scenario/crashPresets';`,
      `import type { RunSummary } from '../../engine/metrics/summarizeRun';`,
      `import type { PathEvent } from '../../engine/index';`,
      `import type { RangeResult } from '../../engine';`,
      `import { appStore, useAppStore } from '../../state/useAppStore';`,
      `export type T = [RunSummary, PathEvent, RangeResult, CrashPreset];`,
    ].join('\n');
    expect(await broken('src/ui/results/Probe.tsx', code + use('validateParams, defaultParams, MARKET_PRESETS, appStore, useAppStore'))).toEqual([]);
  });

  it('rejects writing the store from the page, but not a component\'s own useState setter', async () => {
    expect(await broken('src/ui/learn/Probe.ts', `import { appStore } from '../../state/useAppStore';\nappStore.setState({ learnStep: 0 });\n`)).toEqual([
      expect.stringMatching(/^no-restricted-properties: .*dispatches the store/),
    ]);
    const local = `import { useState } from 'react';\nexport function useThing() {\n  const [state, setState] = useState(0);\n  return () => setState(state + 1);\n}\n`;
    expect(await broken('src/ui/learn/Probe.ts', local)).toEqual([]);
  });
});

describe('the store (src/state)', SLOW, () => {
  it('names engines by type only: worker code is for useAppStore.ts alone', async () => {
    expect(await broken('src/state/probeSlice.ts', `import { EnginePool } from '../../workers/client/pool';${use('EnginePool')}`)).toEqual([
      expect.stringMatching(/Only src\/state\/useAppStore.ts imports worker code/),
    ]);
    expect(await broken('src/state/probeSlice.ts', `import type { RunEngine } from '../../workers/client/pool';\nexport type T = RunEngine;\n`)).toEqual([]);
    expect(await broken('src/state/useAppStore.ts', `import { EnginePool } from '../../workers/client/pool';${use('EnginePool')}`)).toEqual([]);
  });

  it('simulates nothing either: no engine simulation values', async () => {
    expect(await broken('src/state/probeSlice.ts', `import { createSimulator } from '../engine/index';${use('createSimulator')}`)).toEqual([expect.stringMatching(/simulates nothing/)]);
  });
});

describe('the engine', SLOW, () => {
  it('stays pure: no worker code, no host globals', async () => {
    expect(await broken('src/engine/sim/probe.ts', `import { EnginePool } from '../../../workers/client/pool';${use('EnginePool')}`)).toEqual([expect.stringMatching(/imports only itself/)]);
    expect(await broken('src/engine/sim/probe.ts', `export const t = performance.now();\n`)).toEqual([expect.stringMatching(/belongs to a host/)]);
  });
});

describe('workers/', SLOW, () => {
  it.each(['worker', 'client', 'shared'])('workers/%s reaches the engine only through src/engine/index and its parameter modules', async (side) => {
    const file = `workers/${side}/probe.ts`;
    expect(await broken(file, `import { createSimulator } from '../../src/engine/sim/simulateRange';${use('createSimulator')}`)).toEqual([
      expect.stringMatching(/only through src\/engine\/index/),
    ]);
    expect(await broken(file, `import type { Simulator } from '../../src/engine/sim/simulateRange';\nexport type T = Simulator;\n`)).toHaveLength(1);
    const allowed = `import { createSimulator } from '../../src/engine/index';\nimport { defaultParams } from '../../src/engine/params/defaults';${use('createSimulator, defaultParams')}`;
    expect(await broken(file, allowed)).toEqual([]);
  });

  it.each(['worker', 'client', 'shared'])('workers/%s never imports the store or the page', async (side) => {
    expect(await broken(`workers/${side}/probe.ts`, `import { appStore } from '../../src/state/useAppStore';${use('appStore')}`)).toEqual([expect.stringMatching(/below the store/)]);
  });
});

describe('workers/ split by thread', SLOW, () => {
  it('worker code never imports main-thread code, not even a type', async () => {
    expect(await broken('workers/worker/probeJob.ts', `import { EnginePool } from '../client/pool';${use('EnginePool')}`)).toEqual([expect.stringMatching(/never imports workers\/client/)]);
    expect(await broken('workers/worker/probeJob.ts', `import type { RunEngine } from '../client/pool';\nexport type T = RunEngine;\n`)).toHaveLength(1);
    const allowed = `import { buffersOf } from '../shared/rangeTransfer';\nimport { createSimulatorCache } from './simulatorCache';${use('buffersOf, createSimulatorCache')}`;
    expect(await broken('workers/worker/probeJob.ts', allowed)).toEqual([]);
  });

  it('the client knows worker code by type only', async () => {
    expect(await broken('workers/client/probeClient.ts', `import { createEngineApi } from '../worker/engineApi';${use('createEngineApi')}`)).toEqual([expect.stringMatching(/by type only/)]);
    const allowed = `import type { EngineApi } from '../worker/engineApi';\nimport { buffersOf } from '../shared/rangeTransfer';\nimport { within } from './workerSeam';\nexport type T = EngineApi;${use('buffersOf, within')}`;
    expect(await broken('workers/client/probeClient.ts', allowed)).toEqual([]);
  });

  it('shared code imports neither side and uses neither thread\'s globals', async () => {
    expect(await broken('workers/shared/probe.ts', `import { EnginePool } from '../client/pool';${use('EnginePool')}`)).toEqual([expect.stringMatching(/never imports workers\/client/)]);
    expect(await broken('workers/shared/probe.ts', `import type { EngineApi } from '../worker/engineApi';\nexport type T = EngineApi;\n`)).toEqual([expect.stringMatching(/never imports worker-only code/)]);
    for (const global of ['self.postMessage(1)', 'document.title', 'window.innerWidth', 'new Worker("x.js")']) {
      expect(await broken('workers/shared/probe.ts', `export const x = () => ${global};\n`), global).toEqual([expect.stringMatching(/^no-restricted-globals: .*runs on both threads/)]);
    }
    expect(await broken('workers/shared/probe.ts', `import type { RangeResult } from './protocol';\nexport const n = (r: RangeResult): number => r.from;\n`)).toEqual([]);
  });
});
