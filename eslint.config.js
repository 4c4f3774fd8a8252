// Import boundaries (STYLE.md §2): engine ← workers ← state ← ui, proven rule by rule in src/lintBoundaries.test.ts. The engine is a pure function of its
// inputs, so it may not reach the page, the worker host, the clock or Math.random; the page may read the
// engine's types, and values only from its parameters — everything else through the store.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const hostGlobals = [
  'window', 'document', 'self', 'navigator', 'location', 'localStorage', 'sessionStorage',
  'indexedDB', 'postMessage', 'importScripts', 'Worker', 'fetch', 'XMLHttpRequest',
  'requestAnimationFrame', 'setTimeout', 'setInterval', 'performance', 'process', 'console',
].map((name) => ({ name, message: `src/engine is pure: '${name}' belongs to a host (page, worker or Node), not the engine.` }));

// ECMAScript leaves these "implementation-approximated": Node 20's V8 and Chromium's differ in the last bit (pow,
// log, log1p, sin, …), and one bit in a price or an account size moves a money amount by a unit, so the page and
// the CLI would disagree. The engine uses the fdlibm ports in src/engine/rng instead (plain arithmetic, the same
// bits everywhere). sqrt, abs, floor, … are exact by the standard and stay allowed.
const approximatedMath = [
  'pow', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'cbrt', 'hypot',
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
].map((property) => ({
  object: 'Math',
  property,
  message: `Math.${property} may differ in the last bit between JavaScript engines (page vs CLI): use the fdlibm ports in src/engine/rng.`,
}));

// x ** y is Math.pow: allowed only with a literal exponent (x ** 2, 2 ** -64), where every engine is exact.
const variableExponent = {
  selector: "BinaryExpression[operator='**']:not([right.type='Literal']):not([right.type='UnaryExpression'][right.argument.type='Literal'])",
  message: 'x ** y with a computed exponent is Math.pow, which differs in the last bit between JavaScript engines: use pow from src/engine/rng/fdlibmPow.',
};

const engineOnlyImports = {
  patterns: [
    { group: ['react', 'react-*', 'react/*', 'recharts', 'zustand', 'zustand/*', 'comlink'], message: 'src/engine is pure: no UI, state or worker libraries.' },
    { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: 'src/engine is pure: no Node APIs (the CLI in src/cli is the Node host).' },
    { group: ['**/state/**', '**/ui/**', '**/share/**', '**/cli/**', '**/workers/**', '../../workers/*'], message: 'src/engine imports only itself and its own dependencies.' },
  ],
};

const mainThreadMessage = 'The main thread simulates nothing: import engine parameter types/validation only; runs go through the store (src/state).';
const simulationCode = {
  patterns: [
    // crashPresets is pure data (labels, sourced facts, shapes): the store offers it to the page's preset picker.
    { group: ['**/engine/sim', '**/engine/sim/**', '**/engine/index', '**/engine/testing/**', '**/engine/scenario/**', '!**/engine/scenario/crashPresets', '**/engine/population/generatePopulation'], message: mainThreadMessage, allowTypeImports: true },
    // The bare directory imports ('../engine', '../engine/scenario'). Not globs: in gitignore semantics a
    // directory glob also matches everything below it, which would forbid engine/params (and crashPresets) too.
    { regex: '(^|/)engine(/scenario)?/?$', message: mainThreadMessage, allowTypeImports: true },
  ],
};

// The page (src/ui, src/main.tsx) by allowlist (issue 17): engine *types* from anywhere, engine *values* only from
// its parameters (schema, defaults, presets, validation, parameter paths). Everything else the page shows comes
// from the store (src/state): parsing a dropped file is a store action, a number derived from a run is a selector.
// A new engine module is closed to the page until it is named here. Paths are relative to src/engine; a folder
// admits everything below it.
export const PAGE_ENGINE_VALUES = ['params/'];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const allowedEngineValue = PAGE_ENGINE_VALUES.map((m) => (m.endsWith('/') ? `${escapeRegex(m)}.*` : escapeRegex(m))).join('|');
const pageImports = {
  patterns: [
    { regex: `(^|/)engine(/(?!(${allowedEngineValue})$).*)?/?$`, allowTypeImports: true, message: 'The page imports engine values only from src/engine/params (PAGE_ENGINE_VALUES in eslint.config.js); types from anywhere. Parsing, derived numbers and simulations go through the store (src/state).' },
    { regex: '(^|/)workers(/|$)', message: 'The page never imports workers/ (types included): it reads the store and dispatches actions; the store (src/state/useAppStore.ts) builds the engines.' },
  ],
};

// The store: only useAppStore.ts builds real workers; every other state file names the engines by type.
const stateImports = {
  patterns: [
    ...simulationCode.patterns,
    { regex: '(^|/)workers(/|$)', allowTypeImports: true, message: 'Only src/state/useAppStore.ts imports worker code; the slices take engines as interfaces (src/state/engines.ts).' },
  ],
};

// workers/ (all three folders; tests aside) reaches the engine only through its public surface, src/engine/index
// (parameter modules too), by allowlist; and never the page or the store above it.
const workerImports = [
  { regex: '(^|/)src/engine/(?!(index|params/[^/]+)$)', message: 'workers/ imports the engine only through src/engine/index (and src/engine/params): export what you need from the index.' },
  { regex: '(^|/)src/(ui|state|share|cli)(/|$)', message: 'workers/ sits below the store and the page: it never imports them.' },
];
// Split by thread (issue 17, squoosh style): worker/ runs inside a worker, client/ on the main thread, shared/ on both.
const noClientCode = { regex: '(^|/)client(/|$)', message: 'Code that runs in a worker never imports workers/client (main-thread code: pool, clients, spawning).' };
const workerThreadImports = { patterns: [...workerImports, noClientCode] };
const sharedImports = {
  patterns: [
    ...workerImports,
    noClientCode,
    { regex: '(^|/)worker(/|$)', message: 'workers/shared is loaded by both threads: it never imports worker-only code (workers/worker).' },
  ],
};
const clientImports = {
  patterns: [
    ...workerImports,
    { regex: '(^|/)worker(/|$)', allowTypeImports: true, message: 'workers/client knows worker code by type only (import type { EngineApi }): the worker runs in its own bundle, started by URL.' },
  ],
};
// shared/ runs on both threads, so it may use neither's globals (its tsconfig is the worker's, which has no DOM).
const threadGlobals = ['self', 'window', 'document', 'postMessage', 'importScripts', 'Worker', 'navigator', 'location'].map((name) => ({
  name,
  message: 'workers/shared runs on both threads: no DOM or worker globals (pass what you need in as data).',
}));

const noStoreWrites = [
  'error',
  { property: 'setState', message: 'The page does not write the store: it dispatches the store\'s actions (appStore.getState().someAction(...)).' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', '.scratch/**', 'node_modules/**', 'test-results/**', 'test-results-*/**', 'playwright-report/**', 'e2e/screenshots/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineOnlyImports],
      'no-restricted-globals': ['error', ...hostGlobals],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Engine randomness comes from the seeded path RNG (src/engine/rng).' },
        { object: 'Date', property: 'now', message: 'The engine is a function of its inputs: no clock.' },
        ...approximatedMath,
      ],
      'no-restricted-syntax': ['error', variableExponent],
    },
  },
  {
    files: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', engineOnlyImports] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/share/**/*.ts', 'src/main.tsx'],
    ignores: ['src/**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', pageImports],
      'no-restricted-properties': noStoreWrites,
    },
  },
  {
    // The page's tests may build engine results to feed its adapters, but never reach into workers/ either.
    files: ['src/ui/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [pageImports.patterns[1]] }] },
  },
  {
    files: ['src/state/**/*.ts', 'src/share/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/state/useAppStore.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', stateImports] },
  },
  {
    files: ['workers/worker/**/*.ts'],
    ignores: ['workers/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', workerThreadImports] },
  },
  {
    files: ['workers/shared/**/*.ts'],
    ignores: ['workers/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', sharedImports], 'no-restricted-globals': ['error', ...threadGlobals] },
  },
  {
    files: ['workers/client/**/*.ts'],
    ignores: ['workers/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', clientImports] },
  },
  {
    files: ['src/state/useAppStore.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', simulationCode] },
  },
);
