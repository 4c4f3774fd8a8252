// Proves the import boundaries of eslint.config.js (STYLE.md §2) by linting small in-memory files as if they
// lived in src/engine and src/ui: the rules must fire on the violations and stay quiet on clean code.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

const ENGINE_FILE = 'src/engine/__lint_fixture__.ts';
const UI_FILE = 'src/ui/__lint_fixture__.tsx';
const STATE_FILE = 'src/state/__lint_fixture__.ts';

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('the engine is pure', () => {
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

describe('the main thread simulates nothing', () => {
  it.each([
    ['the engine index', "import { simulateRange } from '../engine/index';\nexport const run = simulateRange;\n"],
    ['the engine directory', "import { simulateRange } from '../engine';\nexport const run = simulateRange;\n"],
    ['simulation code', "import { createSimulator } from '../engine/sim/simulateRange';\nexport const run = createSimulator;\n"],
    ['scenario code', "import { drawPricePath } from '../engine/scenario';\nexport const draw = drawPricePath;\n"],
  ])('a UI file that imports %s is refused', async (_case, code) => {
    expect(await ruleIds(code, UI_FILE)).toContain('no-restricted-imports');
  });

  it('a state file that imports the engine index is refused', async () => {
    const code = "import { summarizeRun } from '../engine/index';\nexport const summarize = summarizeRun;\n";
    expect(await ruleIds(code, STATE_FILE)).toContain('no-restricted-imports');
  });

  it('a UI file may read the crash presets (pure data) but no other scenario module', async () => {
    const presets = "import { CRASH_PRESETS } from '../engine/scenario/crashPresets';\nexport const presets = CRASH_PRESETS;\n";
    expect(await ruleIds(presets, UI_FILE)).toEqual([]);
    const crash = "import { crashLevel } from '../engine/scenario/crash';\nexport const level = crashLevel;\n";
    expect(await ruleIds(crash, UI_FILE)).toContain('no-restricted-imports');
    const near = "import { x } from '../engine/scenario/crashPresets.extra';\nexport const y = x;\n";
    expect(await ruleIds(near, UI_FILE)).toContain('no-restricted-imports');
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
