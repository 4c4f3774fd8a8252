// The engine's folders form a one-way graph (issue 17): a folder may depend on another only if the other does
// not depend back on it, through any chain. Parsed from the source so a new import cannot slip a cycle in.
// Each folder is its own node, subfolders included (sim/book sits below sim, liquidation and waterfall).
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE_ROOT = fileURLToPath(new URL('./engine', import.meta.url));

/** Non-test TypeScript files under dir, as paths relative to the engine root with forward slashes. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    const isSource = entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts');
    return isSource ? [relative(ENGINE_ROOT, full).split(sep).join('/')] : [];
  });
}

// Statements that start a line with import/export and name a module; `[^;]` lets a list span lines.
const MODULE_REFERENCE = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Relative module specifiers in a source text (package imports such as 'decimal.js' are not folders of ours). */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(MODULE_REFERENCE)].map((m) => m[1] ?? m[2] ?? '').filter((spec) => spec.startsWith('.'));
}

function folderOf(file: string): string {
  return posix.dirname(file);
}

/** Folder → the other folders it imports from. */
export function folderGraph(files: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, text] of files) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const spec of relativeImports(text)) {
      const target = posix.normalize(posix.join(from, spec));
      // './sweep' names a file in the folder, '../planner' (an index) names the folder itself.
      const to = files.has(`${target}.ts`) ? folderOf(`${target}.ts`) : target;
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every strongly connected set of two or more folders: one cycle through it and all its members. */
export function folderCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  // Tarjan's algorithm; the graph has a few dozen nodes, so recursion depth is no concern.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => {
    const members = [...component].sort();
    return `${cycleThrough(graph, new Set(members))} (folders in one cycle: ${members.join(', ')})`;
  });
}

/** One concrete cycle inside a strongly connected set, found breadth-first from its first folder by name. */
function cycleThrough(graph: ReadonlyMap<string, ReadonlySet<string>>, members: ReadonlySet<string>): string {
  const start = [...members].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start].join(' → ');
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  throw new Error(`no cycle through ${[...members].join(', ')}`);
}

describe('engine folder imports', () => {
  it('form no cycle', () => {
    const files = new Map(sourceFiles(ENGINE_ROOT).map((f) => [f, readFileSync(join(ENGINE_ROOT, f), 'utf8')]));
    expect(files.size).toBeGreaterThan(100);
    expect(folderCycles(folderGraph(files))).toEqual([]);
  });

  it('the checker names a cycle, including one through a folder index and a type-only import', () => {
    const files = new Map([
      ['sim/simulate.ts', "import { settle } from '../waterfall';\nexport const run = settle;\n"],
      ['waterfall/index.ts', "export { settle } from './settle';\n"],
      ['waterfall/settle.ts', "import type {\n  Book,\n} from '../sim/book/accountBook';\nimport type { Tally } from '../metrics/tally';\nexport const settle = 1;\n"],
      ['sim/book/accountBook.ts', "import { run } from '../simulate';\nexport type Book = typeof run;\n"],
      ['metrics/tally.ts', "import Decimal from 'decimal.js';\nexport type Tally = Decimal;\n"],
    ]);
    expect(folderCycles(folderGraph(files))).toEqual(['sim → waterfall → sim/book → sim (folders in one cycle: sim, sim/book, waterfall)']);
  });

  it('the checker passes a one-way graph and ignores package imports and imports within a folder', () => {
    const files = new Map([
      ['sim/simulate.ts', "import { settle } from '../waterfall/settle';\nimport { x } from './local';\n"],
      ['sim/local.ts', "import Decimal from 'decimal.js';\nexport const x = new Decimal(1);\n"],
      ['waterfall/settle.ts', "import type { Book } from '../sim/book/accountBook';\nexport const settle = 1;\n"],
      ['sim/book/accountBook.ts', 'export type Book = number;\n'],
    ]);
    expect(folderCycles(folderGraph(files))).toEqual([]);
  });
});
